/**
 * The same conversations typed otherwise (app/eval/variants.ts): how much of the bot's understanding
 * rests on the way a message is typed.
 * - One typo in each shopper message (`--typos 1`: swapped, dropped, doubled or neighbouring letters,
 *   seeded). Before typos were fixed ahead of the rules and the shop search: 45/51, 64/79 and 61/75
 *   of the dev stores' scenarios, 275/380 of the frozen held-out turns; now 51, 78, 75 and 294.
 * - Phone style (`--phone-style`: lower case, no closing "?"). Before a question without its mark
 *   counted as one and lower-case codes were found: 51, 74, 72 and 293; now 51, 78, 74 and 294.
 * - Courteous (`--courteous`: "Bonjour, … Merci !", a greeting before the first message and a thanks
 *   after each, in its language). Before the courtesy was read as such: 50, 76, 73 and 273 (the
 *   independent set 78/97); now as written: 51, 79, 75 and 298 (93).
 * CI holds the bot a little under what it reaches now.
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

describe("conversations with a typo in every message, or typed in phone style", () => {
  for (const set of SETS)
    it(`${set.file}: at least ${Math.round(set.floor * 100)} % of turns pass, no forbidden string`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", set.store, "--typos", "1"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);

  for (const set of SETS)
    it(`${set.file}, phone style: at least ${Math.round(set.floor * 100)} % of turns pass`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", set.store, "--phone-style"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);

  for (const set of SETS)
    it(`${set.file}, courteous: at least ${Math.round(set.floor * 100)} % of turns pass`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", set.store, "--courteous"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);

  it("the frozen held-out conversations, courteous: at least 76 % of turns pass, no forbidden string", async () => {
    const summary = await evalSummary(["scenarios", "tests/fixtures/heldout/ood-conversations.jsonl", "--courteous"]);
    expect(summary.turns).toBe(380);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(0.76);
    expect(summary.forbidden).toBe(0);
  }, 180_000);

  it("the frozen held-out conversations, one typo a message: at least 75 % of turns pass, no forbidden string", async () => {
    const summary = await evalSummary(["scenarios", "tests/fixtures/heldout/ood-conversations.jsonl", "--typos", "1"]);
    expect(summary.turns).toBe(380);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(0.75);
    expect(summary.forbidden).toBe(0);
  }, 180_000);
});
