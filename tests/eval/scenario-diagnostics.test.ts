import { describe, expect, it } from "vitest";
import { factKind, failureShapes, wordSource, type TurnResult } from "../../app/eval/scenarios";

const turn = (over: Partial<TurnResult>): TurnResult => ({
  scenario: "s1",
  turn: 1,
  user: "",
  reply: "",
  intent: "track_order",
  replyKind: "answer",
  missingKinds: [],
  missingWordSources: [],
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

  it("says where a missing word lives in the shop's data, or that only the bot's own copy has it", () => {
    const sections = [
      { name: "order", text: '{"orders":[{"name":"#a-1","carrier":"swift parcel"}]}' },
      { name: "product", text: '{"title":"harbor kettle","material":"enamel"}' },
      { name: "shop text", text: "returns are accepted within 21 days." },
    ];
    expect(wordSource(["Swift Parcel", "tracking"], sections)).toBe("order");
    expect(wordSource(["Enamel"], sections)).toBe("product");
    expect(wordSource(["21 days", "accepted"], sections)).toBe("shop text");
    expect(wordSource(["sorry"], sections)).toBe("bot copy");
  });

  it("counts a missing word under where it lives", () => {
    const shapes = failureShapes([
      turn({ missingKinds: ["word", "word"], missingWordSources: ["order", "bot copy"] }),
      turn({ turn: 2, missingKinds: ["word"], missingWordSources: ["order"] }),
    ]);
    expect(Object.fromEntries(shapes.get("… after (no label)")!)).toMatchObject({
      "lacks word": 3,
      "lacks word: order": 2,
      "lacks word: bot copy": 1,
    });
  });
});
