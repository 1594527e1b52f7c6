/**
 * The independent dev set of confusable first turns (tests/fixtures/eval/independent/, written by a
 * session that never saw the corpus or the code): six pairs that read alike, refund/return,
 * tracking/complaint, change/cancel, product info/search, exchange/change, payment/tracking.
 * A dev set, tuned on; CI holds the classifier a little under what it reaches, so a corpus or
 * feature change that flips these readings back fails here. 82.5 % when it was written, 87.9 % now.
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

describe("the independent confusable first turns", () => {
  it("240 messages over the three dev stores: accuracy ≥ 86 %, macro-F1 ≥ 0.88", async () => {
    const summary = await evalSummary(["intents", "tests/fixtures/eval/independent/first-turns.jsonl"]);
    expect(summary.n).toBe(240);
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.86);
    expect(summary.macroF1).toBeGreaterThanOrEqual(0.88);
  }, 120_000);
});
