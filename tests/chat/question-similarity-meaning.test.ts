/**
 * Matching questions by meaning: the word-vector table (knowledge/word-vectors.ts, built by
 * npm run build:word-vectors from GloVe and WordNet) lets a paraphrase in other words meet its
 * question, while two kinds of one thing (days, colours, countries) stay apart.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { questionProfile, questionSimilarity } from "../../app/chat/knowledge/question-similarity";
import {
  areSisterTerms,
  decodeWordVectors,
  encodeWordVectors,
  termCloseness,
  wordNetLink,
} from "../../app/chat/knowledge/word-vectors";
import { terms } from "../../app/chat/knowledge";
import { APPROVED_ANSWER_SIMILARITY, matchApprovedAnswer } from "../../app/chat/approved-answers";

const term = (word: string) => terms(word, "en")[0];
const similarity = (a: string, b: string) => questionSimilarity(questionProfile(a), questionProfile(b));

describe("word-vector table", () => {
  it("is small enough to ship and read at start-up", () => {
    const bytes = fs.statSync("app/chat/knowledge/word-vectors.bin").size;
    expect(bytes).toBeLessThan(5_000_000);
  });

  it("round-trips through its byte format", () => {
    const entries = [
      { term: "a", vector: [3, 4, 0], senses: [8], parents: [12], kinds: [16, 20] },
      { term: "b", vector: [0, -1, 1], senses: [], parents: [], kinds: [20] },
    ];
    const table = decodeWordVectors(encodeWordVectors(entries, 3));
    expect([...table.index.keys()]).toEqual(["a", "b"]);
    // Unit vectors at one byte a dimension: a's is (0.6, 0.8, 0).
    const a = [0, 1, 2].map((d) => table.vectors[d] * table.scales[0]);
    a.forEach((x, d) => expect(x).toBeCloseTo([0.6, 0.8, 0][d], 2));
    expect([...table.ids]).toEqual([8, 12, 16, 20, 20]);
  });

  it("puts words for one thing closer than unrelated ones, and knows no made-up word", () => {
    expect(termCloseness(term("big"), term("large"))!).toBeGreaterThan(0.6);
    expect(termCloseness(term("big"), term("large"))!).toBeGreaterThan(termCloseness(term("big"), term("refund"))!);
    expect(termCloseness(term("big"), "zzqx")).toBeNull();
  });

  it("links WordNet synonyms and kinds, and tells two kinds of one thing apart", () => {
    expect(wordNetLink(term("hold"), term("reserve"))).toBe("synonym");
    expect(wordNetLink(term("jacket"), term("coat"))).toBe("kind");
    expect(wordNetLink(term("hold"), term("invoice"))).toBeNull();
    expect(areSisterTerms(term("monday"), term("sunday"))).toBe(true);
    expect(areSisterTerms(term("germany"), term("italy"))).toBe(true);
    expect(areSisterTerms(term("big"), term("large"))).toBe(false);
  });
});

describe("question similarity by meaning", () => {
  it("meets a paraphrase whose key words are other words, not synonyms in the shipped table", () => {
    for (const [question, paraphrase] of [
      ["Can I reserve a large table?", "Could you hold a big table for me?"],
      ["Is there a discount for teachers?", "Do educators get a discount?"],
      ["Can I book a table for my wedding?", "Can I reserve a table for my bridal party?"],
    ])
      expect(similarity(question, paraphrase), paraphrase).toBeGreaterThanOrEqual(APPROVED_ANSWER_SIMILARITY);
  });

  it("keeps questions about two kinds of one thing apart, however close their words sit", () => {
    expect(similarity("Are you open on Sundays?", "Are you open on Mondays?")).toBeLessThan(APPROVED_ANSWER_SIMILARITY);
    expect(similarity("Do you ship to Germany?", "Do you ship to Italy?")).toBeLessThan(APPROVED_ANSWER_SIMILARITY);
    expect(similarity("Do you have this shirt in blue?", "Do you have this shirt in red?")).toBeLessThan(
      APPROVED_ANSWER_SIMILARITY,
    );
  });

  it("keeps apart two questions that each have a word the other lacks", () => {
    expect(similarity("Can I book a fitting appointment?", "Can I cancel a fitting appointment?")).toBe(0);
  });

  it("on the meaning validation pairs, matches more paraphrases than words alone did, as precisely", () => {
    const pairs = fs
      .readFileSync("tests/fixtures/learning/validation.jsonl", "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { stored: string; asked: string; same: boolean });
    const matched = pairs.filter((p) => matchApprovedAnswer(p.asked, [{ question: p.stored, answer: "a" }]) !== null);
    const right = matched.filter((p) => p.same).length;
    const recall = right / pairs.filter((p) => p.same).length;
    const precision = right / matched.length;
    // Words, synonyms and spellings alone: recall 0.21 at precision 0.67. Held here so a regression fails.
    expect(recall).toBeGreaterThanOrEqual(0.27);
    expect(precision).toBeGreaterThanOrEqual(0.7);
  });
});
