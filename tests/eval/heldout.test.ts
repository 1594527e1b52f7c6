/**
 * The headline: the frozen held-out sets (tests/fixtures/heldout/, written by a session that never
 * saw the corpus, the model or the dev files, and never trained on). CI holds the bot a little
 * under what it reaches today, so a change that generalises worse fails here even when the dev
 * files still pass. Issue #14 aims the conversations at 95 % per store; these are floors, not goals.
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

describe("the frozen held-out sets", () => {
  it("1,323 shopper messages: accuracy ≥ 93 %, macro-F1 ≥ 0.92, calibration error ≤ 0.05", async () => {
    const summary = await evalSummary(["intents", "tests/fixtures/heldout/ood-intents.jsonl"]);
    expect(summary.n).toBe(1323);
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(summary.macroF1).toBeGreaterThanOrEqual(0.92);
    expect(summary.ece).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it("175 conversations: at least 78 % of turns pass, and no forbidden string", async () => {
    const summary = await evalSummary(["scenarios", "tests/fixtures/heldout/ood-conversations.jsonl"]);
    expect(summary.turns).toBe(380);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(0.78);
    expect(summary.forbidden).toBe(0);
  }, 180_000);

  it("a store nobody tuned on (Hedgerow & Hearth, shared format): intents ≥ 93 %, ≥ 74 % of turns, no forbidden string", async () => {
    const dir = "tests/fixtures/heldout/unseen-store";
    const intents = await evalSummary(["intents", `${dir}/intents.jsonl`]);
    expect(intents.n).toBe(150);
    expect(intents.accuracy).toBeGreaterThanOrEqual(0.93);
    const scenarios = await evalSummary(["scenarios", `${dir}/scenarios.jsonl`, "--store", `${dir}/hedgerow.json`]);
    expect(scenarios.turns).toBe(78);
    expect(scenarios.passed / scenarios.turns).toBeGreaterThanOrEqual(0.74);
    expect(scenarios.forbidden).toBe(0);
  }, 180_000);
});
