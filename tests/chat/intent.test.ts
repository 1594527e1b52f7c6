import { describe, expect, it } from "vitest";
import { INTENTS } from "../../app/chat/intent/labels";
import { LOW_CONFIDENCE, readCorpus, shippedClassifier, train } from "../../app/chat/intent/engine";

describe("intent engine", () => {
  it("ships a corpus covering exactly the 21 labels", () => {
    const labels = new Set(readCorpus().map((e) => e.intent));
    expect([...labels].sort()).toEqual([...INTENTS].sort());
  });

  it.each([
    ["where is my order #1042?", "track_order"],
    ["please cancel my order", "cancel_order"],
    ["what is your return policy?", "return_policy"],
    ["let me talk to a real person", "human_agent"],
    ["hi there", "greeting"],
    ["thanks, bye", "thanks_goodbye"],
  ])("classifies %j as %s", (text, intent) => {
    expect(shippedClassifier().classify(text).intent).toBe(intent);
  });

  it("gives calibrated probabilities and falls back below the threshold", () => {
    const result = shippedClassifier().classify("where is my order");
    expect(result.confidence).toBeGreaterThan(LOW_CONFIDENCE);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(shippedClassifier().classify("qwzx vbnm plok").intent).toBe("out_of_scope");
  });

  it("train(examples) learns new examples, as the learning loop will use it", () => {
    const base = readCorpus();
    const phrase = "zorblax flimflam status";
    const after = train([
      ...base,
      ...Array.from({ length: 8 }, () => ({ text: phrase, intent: "refund_status" })),
    ]).classify(phrase).intent;
    expect(after).toBe("refund_status");
  });
});
