/**
 * The retrieval evaluation: its scoring rules on hand-made cases, and the labelled sets of the
 * three dev stores (every label is the shop's own text; enough questions nothing answers).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateRetrieval, quotesAnswer, readRetrievalFile } from "../../app/eval/retrieval";
import { evalSummary } from "./eval-summary";

const SETS = [
  { file: "tests/fixtures/eval/retrieval-northwind.jsonl", store: "demo/demo-store.json" },
  { file: "tests/fixtures/stores/maison-coquelicot/retrieval.jsonl", store: "demo/stores/maison-coquelicot.json" },
  { file: "tests/fixtures/stores/cafe-colibri/retrieval.jsonl", store: "demo/stores/cafe-colibri.json" },
];

// Written from each snapshot's policy and page text before the retriever was tuned on the sets above, to check it isn't overfitted.
const EXTRA_SETS = [
  { file: "tests/fixtures/eval/retrieval-northwind-extra.jsonl", store: "demo/demo-store.json" },
  {
    file: "tests/fixtures/stores/maison-coquelicot/retrieval-extra.jsonl",
    store: "demo/stores/maison-coquelicot.json",
  },
  { file: "tests/fixtures/stores/cafe-colibri/retrieval-extra.jsonl", store: "demo/stores/cafe-colibri.json" },
];

// Both written the same way, by sessions that read only the three snapshots: paraphrased as shoppers ask.
// The held-out sets are frozen and never tuned on (first measured: recall@1 13.9–19.4 %, abstention 100 %,
// most questions got no quote); the paraphrase sets are for tuning (first: 22.2–30.6 %, abstention 100 %).
const PARAPHRASED_SETS = [
  { file: "tests/fixtures/heldout/retrieval-northwind.jsonl", store: "demo/demo-store.json", recall: 0.33 },
  {
    file: "tests/fixtures/heldout/retrieval-maison-coquelicot.jsonl",
    store: "demo/stores/maison-coquelicot.json",
    recall: 0.27,
  },
  { file: "tests/fixtures/heldout/retrieval-cafe-colibri.jsonl", store: "demo/stores/cafe-colibri.json", recall: 0.41 },
  { file: "tests/fixtures/eval/retrieval-northwind-paraphrase.jsonl", store: "demo/demo-store.json", recall: 0.47 },
  {
    file: "tests/fixtures/stores/maison-coquelicot/retrieval-paraphrase.jsonl",
    store: "demo/stores/maison-coquelicot.json",
    recall: 0.66,
  },
  {
    file: "tests/fixtures/stores/cafe-colibri/retrieval-paraphrase.jsonl",
    store: "demo/stores/cafe-colibri.json",
    // 61.1 % while labels with accented capitals ("Envíos:") were read; 58.3 % since they are not again
    // (read, they cost a French answer: tests/chat/knowledge-shoppers-language.test.ts).
    recall: 0.58,
  },
];

const squash = (text: string) => text.replace(/\s+/g, " ").toLowerCase();

describe("retrieval scoring", () => {
  it("counts a quote containing a label, or a part of a longer label, and nothing else", () => {
    expect(quotesAnswer("We're online only.", ["online only"])).toBe(true);
    expect(
      quotesAnswer("Refunds take 5–10 business days to appear.", [
        "Refunds take 5–10 business days to appear on your statement, depending on your bank",
      ]),
    ).toBe(true);
    expect(quotesAnswer("We ship to Canada.", ["online only"])).toBe(false);
    expect(quotesAnswer("Yes.", ["Yes. Northwind gift cards"])).toBe(false);
  });

  it("scores recall@1 on the first quote only and abstention on questions nothing answers", async () => {
    const quotes: Record<string, string[]> = {
      a: ["wrong", "right answer"],
      b: ["right answer"],
      c: [],
      d: ["anything"],
    };
    const report = await evaluateRetrieval(
      [
        { id: "1", question: "a", answers: ["right answer"] },
        { id: "2", question: "b", answers: ["right answer"] },
        { id: "3", question: "c", answers: null },
        { id: "4", question: "d", answers: null },
      ],
      (q) => quotes[q].map((text) => ({ text, source: "test" })),
    );
    expect(report).toMatchObject({
      n: 4,
      answerable: 2,
      unanswerable: 2,
      recallAt1: 0.5,
      abstention: 0.5,
      wronglyAbstained: 0,
    });
  });

  it("rejects a row without answers or null", () => {
    const file = "/tmp/retrieval-bad.jsonl";
    fs.writeFileSync(file, `{"id":"x","question":"q","answers":[]}\n`);
    expect(() => readRetrievalFile(file)).toThrow(/retrieval-bad.jsonl:1/);
  });
});

describe.each(SETS)("the labelled set $file", ({ file, store }) => {
  const cases = readRetrievalFile(file);
  const snapshot = JSON.parse(fs.readFileSync(store, "utf8"));
  const texts = [
    ...Object.values(snapshot.policies as Record<string, { body: string }>).map((p) => p.body),
    ...snapshot.faqs.map((f: { answer: string }) => f.answer),
    ...snapshot.pages.map((p: { body: string }) => p.body),
    ...snapshot.products
      .filter((p: { status: string }) => p.status === "ACTIVE")
      .map((p: { description: string }) => p.description),
  ].map(squash);

  it("has at least 40 questions, a quarter or more that nothing answers, in en, es and fr", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.answers === null).length / cases.length).toBeGreaterThanOrEqual(0.25);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["en", "es", "fr"]));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("labels only the shop's own text", () => {
    const missing = cases.flatMap((c) =>
      (c.answers ?? []).filter((a) => !texts.some((t) => t.includes(squash(a)))).map((a) => `${c.id}: ${a}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("npm run eval -- retrieval on the dev stores", () => {
  it.each(SETS)(
    "reads $file at least as well as the first measured retrieval",
    async ({ file, store }) => {
      const summary = await evalSummary(["retrieval", file, "--store", store]);
      // Before this retrieval: recall@1 23.8–26.2 %, abstention 60–80 %; then 57.1–69.0 %; then 71.4–76.2 %; then 73.8 %
      // and 88.2–100 %; then 73.8–78.6 % and 88.2–100 %; now 76.2–83.3 % (Northwind 83.3, Coquelicot 78.6,
      // Colibrí 76.2) and 88.2–100 % on each store; then 78.6–83.3 % (Northwind 83.3, Coquelicot 81.0 with "a
      // partner / un proche" one concept, Colibrí 78.6), Northwind 88.1 with "résiste à l'eau" and "St" read;
      // then Northwind 88.1, Coquelicot 83.3, Colibrí 78.6; now Northwind 92.9, Coquelicot 85.7, Colibrí 85.7 ("do you
      // sell X?" needs a sentence that sells it, a contact detail asked needs one, "never got" is "didn't arrive",
      // "need" counts, the shop's name is no word of what it sells), abstention 100 % on each.
      expect(summary.recallAt1).toBeGreaterThanOrEqual(0.84);
      expect(summary.abstention).toBeGreaterThanOrEqual(0.9);
    },
    60_000,
  );
});

describe.each(EXTRA_SETS)("the extra set $file", ({ file, store }) => {
  const cases = readRetrievalFile(file);
  const snapshot = JSON.parse(fs.readFileSync(store, "utf8"));
  const texts = [
    ...Object.values(snapshot.policies as Record<string, { body: string }>).map((p) => p.body),
    ...snapshot.faqs.map((f: { answer: string }) => f.answer),
    ...snapshot.pages.map((p: { body: string }) => p.body),
    ...snapshot.products
      .filter((p: { status: string }) => p.status === "ACTIVE")
      .map((p: { description: string }) => p.description),
  ].map(squash);

  it("has at least 15 questions, some that nothing answers, with unique ids", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases.some((c) => c.answers === null)).toBe(true);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("labels only the shop's own text", () => {
    const missing = cases.flatMap((c) =>
      (c.answers ?? []).filter((a) => !texts.some((t) => t.includes(squash(a)))).map((a) => `${c.id}: ${a}`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(PARAPHRASED_SETS)("the paraphrased set $file", ({ file, store, recall }) => {
  const cases = readRetrievalFile(file);
  const snapshot = JSON.parse(fs.readFileSync(store, "utf8"));
  const texts = [
    ...Object.values(snapshot.policies as Record<string, { body: string }>).map((p) => p.body),
    ...snapshot.faqs.flatMap((f: { question: string; answer: string }) => [f.question, f.answer]),
    ...snapshot.pages.map((p: { body: string }) => p.body),
    ...snapshot.products.map((p: { description: string }) => p.description),
  ].map(squash);

  it("labels only the shop's own text, a fifth or more that nothing answers", () => {
    const missing = cases.flatMap((c) =>
      (c.answers ?? []).filter((a) => !texts.some((t) => t.includes(squash(a)))).map((a) => `${c.id}: ${a}`),
    );
    expect(missing).toEqual([]);
    expect(cases.filter((c) => c.answers === null).length / cases.length).toBeGreaterThanOrEqual(0.2);
  });

  it("is read no worse than the last measured figure", async () => {
    const summary = await evalSummary(["retrieval", file, "--store", store]);
    // Then 19.4 / 19.4 / 22.2 % held out and 30.6 / 38.9 / 33.3 % on the paraphrase dev sets; then 19.4 / 22.2 / 27.8 %
    // and 36.1 / 44.4 / 41.7 %; then 22.2 / 22.2 / 33.3 % and 41.7 / 47.2 / 44.4 %; now 22.2 / 22.2 / 33.3 % and
    // 41.7 / 47.2 / 47.2 %; then 22.2 / 25.0 / 36.1 % and 44.4 / 50.0 / 47.2 %; now (support words weigh more,
    // a named product's question not answered by another product) 27.8 / 27.8 / 38.9 % and 44.4 / 52.8 / 47.2 %,
    // abstention 100 %; now ("what do I do?" gets the instruction, a few support words) 27.8 / 27.8 / 41.7 % and
    // 44.4 / 55.6 / 47.2 %; now (one unknown word in five is the shopper's wording, a sentence of the topic asked
    // needs 0.27, the shopper's language quoted) 33.3 / 27.8 / 41.7 % and 47.2 / 66.7 / 47.2 %;
    // then (a place in the language the shop names it in, "outlet" / "enchufe", "need") Colibrí's paraphrases 55.6 %.
    expect(summary.recallAt1).toBeGreaterThanOrEqual(recall);
    expect(summary.abstention).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

// The thirteenth session's sets, written from the snapshots alone and split before tuning into a half tuned on and a
// half only counted (tests/fixtures/eval/new/retr11-README.md). Floors a little under what is read now.
const RETR11_SETS = [
  { store: "northwind", snapshot: "demo/demo-store.json", tune: [0.73, 1], check: [0.72, 1] },
  {
    store: "maison-coquelicot",
    snapshot: "demo/stores/maison-coquelicot.json",
    tune: [0.89, 0.75],
    check: [0.66, 0.75],
  },
  { store: "cafe-colibri", snapshot: "demo/stores/cafe-colibri.json", tune: [0.75, 1], check: [0.47, 1] },
];

describe.each(RETR11_SETS)("the retr11 sets of $store", ({ store, snapshot, tune, check }) => {
  for (const [half, [recall, abstention]] of [
    ["tune", tune],
    ["check", check],
  ] as const)
    it(`${half}: recall@1 at least ${recall * 100} %, abstention at least ${abstention * 100} %`, async () => {
      const summary = await evalSummary([
        "retrieval",
        `tests/fixtures/eval/new/retr11-${store}-${half}.jsonl`,
        "--store",
        snapshot,
      ]);
      expect(summary.recallAt1).toBeGreaterThanOrEqual(recall);
      expect(summary.abstention).toBeGreaterThanOrEqual(abstention);
    }, 60_000);
});
