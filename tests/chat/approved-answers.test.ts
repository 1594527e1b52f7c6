import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { APPROVED_ANSWER_SIMILARITY, matchApprovedAnswer } from "../../app/chat/approved-answers";
import { questionProfile, questionSimilarity } from "../../app/chat/knowledge/question-similarity";

const pairs = fs
  .readFileSync("tests/fixtures/approved-answers/validation.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { stored: string; asked: string; same: boolean });

describe("approved answers matched by meaning", () => {
  it("on the validation pairs the threshold matches most paraphrases and no different question", () => {
    const matched = (p: (typeof pairs)[number]) =>
      matchApprovedAnswer(p.asked, [{ question: p.stored, answer: "the answer" }]) !== null;
    const wrong = pairs.filter((p) => !p.same && matched(p)).map((p) => `${p.stored} ← ${p.asked}`);
    expect(wrong).toEqual([]);
    const paraphrases = pairs.filter((p) => p.same);
    expect(paraphrases.filter(matched).length / paraphrases.length).toBeGreaterThanOrEqual(0.75);
  });

  it("meets a question through stems, synonyms and spelling, not only the same words", () => {
    const similarity = (a: string, b: string) => questionSimilarity(questionProfile(a), questionProfile(b));
    expect(similarity("Do you repair zippers?", "Can you fix a zipper?")).toBeGreaterThanOrEqual(
      APPROVED_ANSWER_SIMILARITY,
    ); // WordNet: repair ~ fix
    expect(similarity("Do you sponsor hiking clubs?", "Would you sponsr our hiking club?")).toBeGreaterThanOrEqual(
      APPROVED_ANSWER_SIMILARITY,
    ); // typos
    expect(similarity("Do you offer gift wrapping?", "Can my present be gift wrapped?")).toBeGreaterThanOrEqual(
      APPROVED_ANSWER_SIMILARITY,
    );
  });

  it("never answers a question about another order or product with it", () => {
    const answers = [{ question: "Has order 1042 shipped yet?", answer: "It left on Monday." }];
    expect(matchApprovedAnswer("has order 1042 shipped yet", answers)?.answer).toBe("It left on Monday.");
    expect(matchApprovedAnswer("has order 2077 shipped yet", answers)).toBeNull();
    expect(matchApprovedAnswer("has my order shipped yet", answers)).toBeNull();

    const engraving = [{ question: "Can you engrave the mug?", answer: "Yes, up to 20 letters." }];
    const productKinds = (text: string) => ["mug", "bottle"].filter((k) => text.toLowerCase().includes(k));
    expect(matchApprovedAnswer("can you engrave my mug?", engraving, { productKinds })).not.toBeNull();
    expect(matchApprovedAnswer("can you engrave the bottle?", engraving, { productKinds })).toBeNull();
  });

  it("takes the closest of several approved answers", () => {
    const answers = [
      { question: "Do you offer gift wrapping?", answer: "wrap" },
      { question: "Do you sell gift cards?", answer: "cards" },
    ];
    expect(matchApprovedAnswer("can I buy a gift card", answers)?.answer).toBe("cards");
    expect(matchApprovedAnswer("could you gift wrap it", answers)?.answer).toBe("wrap");
  });
});

describe("the shipped term frequencies", () => {
  it("are what counting the shipped corpus with this code gives (else run npm run build:term-frequencies)", async () => {
    const { shopperTermFrequencies } = await import("../../scripts/shopper-terms");
    const shipped = JSON.parse(fs.readFileSync("app/chat/knowledge/shopper-term-frequencies.json", "utf8"));
    expect(shipped).toEqual(shopperTermFrequencies());
  }, 30_000);

  it("carry no dev store's names, so its names weigh as any other shop's do", async () => {
    const { devStoreNameTerms } = await import("../../scripts/shopper-terms");
    const shipped = JSON.parse(fs.readFileSync("app/chat/knowledge/shopper-term-frequencies.json", "utf8"));
    const names = devStoreNameTerms();
    // A discount code, a customer's surname, a made-up product word, the shop's own name.
    for (const name of ["welcome10", "okafor", "tzintzuntz", "northwind"]) expect(names.has(name)).toBe(true);
    expect(Object.keys(shipped.df).filter((term) => names.has(term))).toEqual([]);
    // Ordinary words of titles and names stay shopper words.
    for (const word of ["jacket", "rain", "white"]) expect(shipped.df[word]).toBeGreaterThan(0);
  }, 30_000);
});
