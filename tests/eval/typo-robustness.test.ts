/**
 * The same conversations with one typo in each shopper message (`--typos SEED`, app/eval/typos.ts:
 * swapped, dropped, doubled or neighbouring letters, seeded): how much of the bot's understanding
 * rests on words being spelt right. Before typos were fixed ahead of the rules and the shop search,
 * seed 1 passed 45/51, 64/79 and 61/75 of the dev stores' scenarios and 275/380 of the frozen
 * held-out turns; CI holds the bot a little under what it reaches now (51, 77, 73 and 293).
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

const SETS = [
  { file: "tests/fixtures/eval/dev-scenarios.jsonl", store: "demo/demo-store.json", turns: 51, floor: 0.96 },
  {
    file: "tests/fixtures/stores/maison-coquelicot/scenarios.jsonl",
    store: "demo/stores/maison-coquelicot.json",
    turns: 79,
    floor: 0.95,
  },
  {
    file: "tests/fixtures/stores/cafe-colibri/scenarios.jsonl",
    store: "demo/stores/cafe-colibri.json",
    turns: 75,
    floor: 0.95,
  },
];

describe("conversations with a typo in every message", () => {
  for (const set of SETS)
    it(`${set.file}: at least ${Math.round(set.floor * 100)} % of turns pass, no forbidden string`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", set.store, "--typos", "1"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);

  it("the frozen held-out conversations: at least 75 % of turns pass, no forbidden string", async () => {
    const summary = await evalSummary(["scenarios", "tests/fixtures/heldout/ood-conversations.jsonl", "--typos", "1"]);
    expect(summary.turns).toBe(380);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(0.75);
    expect(summary.forbidden).toBe(0);
  }, 180_000);
});
