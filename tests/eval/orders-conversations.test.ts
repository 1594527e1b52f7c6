/**
 * The order and policy conversation sets of the three dev stores (written from the snapshots alone:
 * logged-in and guest shoppers, each fulfilment state, one-line returns, refunds, exchanges,
 * invoices and follow-ups, in the store's language and English). CI holds the bot a little under
 * what it reaches today, with no other shopper's data or forbidden claim in any reply.
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

const SETS = [
  { file: "tests/fixtures/eval/orders-northwind.jsonl", turns: 66, floor: 0.93 },
  { file: "tests/fixtures/stores/maison-coquelicot/orders-dev.jsonl", turns: 58, floor: 0.84 },
  { file: "tests/fixtures/stores/cafe-colibri/orders-dev.jsonl", turns: 55, floor: 0.87 },
  // The second sets: refunds asked without the word, tracking and refund follow-ups, returns then how to send them.
  { file: "tests/fixtures/eval/conversations-orders-2.jsonl", turns: 43, floor: 0.93 },
  { file: "tests/fixtures/stores/maison-coquelicot/conversations-orders-2.jsonl", turns: 42, floor: 0.9 },
  { file: "tests/fixtures/stores/cafe-colibri/conversations-orders-2.jsonl", turns: 41, floor: 0.95 },
  // The third sets: annoyed shoppers who still ask where the parcel is, refunds asked in return words,
  // changes (not cancellations) before shipping, and one-fact tracking follow-ups (last scan, until when).
  { file: "tests/fixtures/eval/conversations-orders-3.jsonl", turns: 30, floor: 0.93 },
  { file: "tests/fixtures/stores/maison-coquelicot/conversations-orders-3.jsonl", turns: 27, floor: 0.92 },
  { file: "tests/fixtures/stores/cafe-colibri/conversations-orders-3.jsonl", turns: 23, floor: 0.91 },
  // The fourth sets: an aspect of the order in focus asked in another request's words (its address, items,
  // payment, code, a later return, "and my other order?"), refunds in return or card words, one item taken out.
  { file: "tests/fixtures/eval/conversations-orders-4.jsonl", turns: 40, floor: 0.95 },
  { file: "tests/fixtures/stores/maison-coquelicot/conversations-orders-4.jsonl", turns: 30, floor: 0.93 },
  { file: "tests/fixtures/stores/cafe-colibri/conversations-orders-4.jsonl", turns: 32, floor: 0.95 },
  // The fifth sets: angry or terse shoppers asking where it is, swaps and part-orders in cancel words, the
  // money asked after a cancellation or a return, one fact of the order in focus (total, city, paid, a date).
  { file: "tests/fixtures/eval/conversations-orders-5.jsonl", turns: 40, floor: 0.9 },
  { file: "tests/fixtures/stores/maison-coquelicot/conversations-orders-5.jsonl", turns: 35, floor: 0.97 },
  { file: "tests/fixtures/stores/cafe-colibri/conversations-orders-5.jsonl", turns: 32, floor: 0.9 },
];

describe("order and policy conversations on every dev store", () => {
  for (const set of SETS) {
    it(`${set.file}: at least ${Math.round(set.floor * 100)} % of turns pass, and no forbidden string`, async () => {
      const summary = await evalSummary(["scenarios", set.file, "--store", "demo/demo-store.json"]);
      expect(summary.turns).toBe(set.turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(set.floor);
      expect(summary.forbidden).toBe(0);
    }, 120_000);
  }
});
