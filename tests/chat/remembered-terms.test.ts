/**
 * terms() remembers the terms of short texts (a message's text goes through it at several stages,
 * the answers' topic words on every message): what it returns must not depend on what was asked before.
 */
import { describe, expect, it } from "vitest";
import { isContentWord, termOf, terms, textWords, languageOf } from "../../app/chat/knowledge/text";
import type { Language } from "../../app/chat/preprocess";

const computed = (text: string, language: Language = languageOf(text)) =>
  textWords(text)
    .filter((w) => isContentWord(w, language))
    .map((w) => termOf(w, language));

describe("remembered terms", () => {
  it("are the terms of the text, asked once or again, with or without a language", () => {
    const text = "¿Dónde está mi pedido? Quiero devolver las botas";
    expect(terms(text)).toEqual(computed(text));
    expect(terms(text)).toEqual(computed(text));
    // The same text in a language given is another entry, not the one its own language found.
    expect(languageOf(text)).toBe("es");
    expect(terms(text, "en")).toEqual(computed(text, "en"));
    expect(terms(text, "es")).toEqual(computed(text, "es"));
    expect(terms(text, "en")).not.toEqual(terms(text, "es"));
  });

  it("are not changed by a caller changing the array it was given", () => {
    const first = terms("return my jacket please", "en");
    const expected = [...first];
    first.push("tampered");
    first.reverse();
    expect(terms("return my jacket please", "en")).toEqual(expected);
  });

  it("are the same for long texts, which are not remembered", () => {
    const long = "Returns are accepted within the window written in the policy. ".repeat(20);
    expect(terms(long, "en")).toEqual(computed(long, "en"));
    expect(terms(long)).toEqual(computed(long));
  });
});
