/**
 * The policy follow-up conversation sets of the three dev stores (written from the snapshots alone:
 * codes and their terms, payment methods and double charges, the general return policy, invoices,
 * signing in, and a second question after "thanks", in the store's languages and English). CI holds
 * the bot a little under what it reaches today, with no forbidden string (an unannounced or internal code).
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

const SETS = [
  { file: "tests/fixtures/eval/conversations-policies-2.jsonl", turns: 38, floor: 0.89 },
  { file: "tests/fixtures/stores/maison-coquelicot/conversations-policies-2.jsonl", turns: 37, floor: 0.83 },
  { file: "tests/fixtures/stores/cafe-colibri/conversations-policies-2.jsonl", turns: 40, floor: 0.82 },
];

describe("policy follow-up conversations on every dev store", () => {
  for (const set of SETS) {
    it(`${set.file}: at least ${Math.round(set.floor * 100)} % of turns pass, and no forbidden string`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", "demo/demo-store.json"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);
  }
});
