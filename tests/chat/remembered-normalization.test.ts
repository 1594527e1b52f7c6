/**
 * normalize() remembers what it returned for a text (the shop's descriptions, rates and region
 * names are normalised again on every message), within a bound on the characters it keeps: the
 * result must never depend on what was normalised before.
 */
import { describe, expect, it } from "vitest";
import { normalize } from "../../app/chat/preprocess";

describe("remembered normalisation", () => {
  it("is the same text folded, asked once, again, or after the memory was full and forgotten", () => {
    const text = "  Où est ma « Veste »\u2019s   CAFÉ\tﬁne ";
    const expected = 'ou est ma " veste "\'s cafe fine';
    expect(normalize(text)).toBe(expected);
    expect(normalize(text)).toBe(expected);
    // More than the bound of other texts: the memory starts again, the answer does not change.
    for (let i = 0; i < 400; i++)
      expect(normalize(`Texte N${i} ${"é".repeat(3000)}`)).toBe(`texte n${i} ${"e".repeat(3000)}`);
    expect(normalize(text)).toBe(expected);
    expect(normalize(" ")).toBe("");
  });
});
