/**
 * normalize() remembers what it returned for a text (the shop's descriptions, rates and region
 * names are normalised again on every message), within bounds on the entries and characters it
 * keeps: the result must never depend on what was normalised before, and many short texts (single
 * words, shoppers' messages) can't grow the memory past its bound.
 */
import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../app/chat/bounded-memo";
import { normalize, rememberedNormalizations } from "../../app/chat/preprocess";

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

  it("keeps at most its bound of entries, however short the texts", () => {
    for (let i = 0; i < 50_000; i++) normalize(`w${i}`);
    expect(rememberedNormalizations.size).toBeGreaterThan(0);
    expect(rememberedNormalizations.size).toBeLessThanOrEqual(20_000);
  });
});

describe("a bounded memo", () => {
  it("computes each text once while it is remembered, and again once forgotten", () => {
    let calls = 0;
    const upper = boundedMemo(
      (t) => {
        calls++;
        return t.toUpperCase();
      },
      { maxEntries: 3, maxCharacters: 10_000 },
    );
    expect([upper("a"), upper("a"), upper("b")]).toEqual(["A", "A", "B"]);
    expect(calls).toBe(2);
    upper("c");
    upper("d"); // a fourth entry: the memory is forgotten, then holds "d"
    expect(upper.size).toBe(1);
    expect(upper("a")).toBe("A");
    expect(calls).toBe(5);
  });

  it("counts each entry's own cost against the characters bound, and never keeps a text larger than it", () => {
    const same = boundedMemo((t) => t, { maxEntries: 1_000, maxCharacters: 500 });
    for (let i = 0; i < 100; i++) same(`t${i}`);
    // 48 characters of overhead an entry: a 500-character memory holds a handful, not a hundred.
    expect(same.size).toBeLessThan(10);
    same("x".repeat(600));
    expect(same.size).toBe(0);
  });
});
