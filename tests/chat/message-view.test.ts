/** What the bubble is told about each stored message (app/chat/protocol.ts ChatMessageView). */
import { describe, expect, it } from "vitest";
import { toMessageView } from "../../app/chat/transcript.server";
import type { Message } from "../../app/generated/prisma/client";

const stored = (over: Partial<Message>): Message =>
  ({
    id: "m1",
    shop: "s.myshopify.com",
    conversationId: "c1",
    role: "bot",
    text: "…",
    clientMessageId: null,
    replyToId: "q1",
    intent: "track_order",
    confidence: 0.9,
    correctedIntent: null,
    entities: null,
    engine: "local",
    latencyMs: 3,
    engineNote: null,
    promptTokens: null,
    completionTokens: null,
    costUsd: null,
    lookups: null,
    products: null,
    quickReplies: null,
    createdAt: new Date(0),
    ...over,
  }) as Message;

describe("toMessageView", () => {
  it("offers a rating on answers, with the shopper's rating if any", () => {
    expect(toMessageView(stored({}))).toHaveProperty("feedback", null);
    expect(toMessageView({ ...stored({}), feedback: { rating: "up" } as never }).feedback).toBe("up");
  });

  it("offers none on a greeting or a goodbye: there is nothing there to rate", () => {
    expect(toMessageView(stored({ intent: "greeting" }))).not.toHaveProperty("feedback");
    expect(toMessageView(stored({ intent: "thanks_goodbye" }))).not.toHaveProperty("feedback");
    expect(toMessageView(stored({ role: "shopper", intent: "track_order" }))).not.toHaveProperty("feedback");
    expect(toMessageView(stored({ role: "agent", intent: null }))).not.toHaveProperty("feedback");
  });
});
