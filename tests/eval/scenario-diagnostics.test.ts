import { describe, expect, it } from "vitest";
import { factKind, failureShapes, type TurnResult } from "../../app/eval/scenarios";

const turn = (over: Partial<TurnResult>): TurnResult => ({
  scenario: "s1",
  turn: 1,
  user: "",
  reply: "",
  intent: "track_order",
  replyKind: "answer",
  missingKinds: [],
  passed: false,
  problems: [],
  forbidden: [],
  ...over,
});

describe("counts-only diagnostics of a frozen scenario set", () => {
  it("reads a fact group's kind off its alternatives' shape", () => {
    expect(factKind(["Nov 23", "23/11"])).toBe("date");
    expect(factKind(["23 de noviembre"])).toBe("date");
    expect(factKind(["€42.00", "42,00 €"])).toBe("money");
    expect(factKind(["1ZR8V41W0311697539"])).toBe("number");
    expect(factKind(["https://example.com/track"])).toBe("link");
    expect(factKind(["damaged", "repackag"])).toBe("word");
  });

  it("counts failed turns per label by what the bot did and what it left out", () => {
    const shapes = failureShapes([
      turn({ expectedIntent: "track_order", passed: true }),
      turn({ turn: 2, missingKinds: ["date"], replyKind: "no_answer" }),
      turn({ turn: 3, missingKinds: ["date", "word"], replyKind: "no_answer" }),
      turn({ scenario: "s2", expectedIntent: "refund_status", intent: "return_item" }),
    ]);
    expect(Object.fromEntries(shapes.get("… after track_order")!)).toEqual({
      "→ track_order/no_answer": 2,
      "lacks date": 2,
      "lacks word": 1,
    });
    expect(Object.fromEntries(shapes.get("refund_status")!)).toEqual({ "→ return_item/answer": 1 });
    expect(shapes.has("track_order")).toBe(false);
  });
});
