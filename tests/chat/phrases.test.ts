/**
 * The vocabulary's phrases become one pivot word wherever a text has them, whichever form their
 * first word takes (the phrases are only tried when the text has that word: see replacePhrases).
 */
import { describe, expect, it } from "vitest";
import { replacePhrases } from "../../app/chat/knowledge/lexicon";
import { normalize } from "../../app/chat/preprocess";

const replaced = (text: string) => replacePhrases(normalize(text)).replace(/\s+/g, " ").trim();

describe("phrases replaced by their pivot", () => {
  it("replaces a support phrase whatever separates its words", () => {
    expect(replaced("J'ai oublié mon mot de passe")).toBe("j'ai oublie mon password");
    expect(replaced("my e-mail changed")).toBe("my email changed");
  });

  it("replaces a kind of goods whose first word is in the plural", () => {
    expect(replaced("des housses de couette")).toBe("des duvet cover");
    expect(replaced("une housse de couette")).toBe("une duvet cover");
  });

  it("leaves a text with none of the phrases' first words as it was", () => {
    expect(replaced("where is my parcel")).toBe("where is my parcel");
  });
});
