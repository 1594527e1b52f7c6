/**
 * The independent dev conversations (tests/fixtures/eval/independent/README.md): 45 conversations over
 * the three dev stores, written by a session that never saw this code or its corpus. Follow-ups that
 * keep the order or product in focus, answers that state the fact asked. CI holds the bot a little
 * under what it reaches today, with no forbidden claim in any reply.
 */
import { describe, expect, it } from "vitest";
import { evalSummary } from "./eval-summary";

const FILE = "tests/fixtures/eval/independent/conversations.jsonl";
const TURNS = 97;
const FLOOR = 0.93;

describe("the independent dev conversations", () => {
  it(`at least ${Math.round(FLOOR * 100)} % of turns pass on their own stores, and no forbidden string`, async () => {
    const summary = await evalSummary(["scenarios", FILE]);
    expect(summary.turns).toBe(TURNS);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(FLOOR);
    expect(summary.forbidden).toBe(0);
  }, 120_000);
});
