/**
 * Which order a cancellation means: a request to cancel ("I want my order cancelled", "can it be
 * cancelled?", "quiero que sea cancelado") is about the order still open, never one already
 * cancelled; only past or status wording ("why was it cancelled?", "fue cancelado") points to the
 * cancelled one. The customer is from the demo snapshot, given a newer order that was cancelled.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore } from "../../demo/demo-store";
import { withCancelledCopy } from "../helpers/cancelled-order";
import { analyzeTurn } from "../../app/chat/pipeline";
import { pickOrder } from "../../app/chat/policy/which-order";
import { demoChatContext, demoConversation } from "../helpers/chat-context";

/** The snapshot with a cancelled copy of `openName`, placed a day after it, for the same customer. */

const requests = [
  "I want my order cancelled please",
  "I changed my mind, can it be cancelled?",
  "cambié de opinión, quiero que sea cancelado mi pedido",
  "j'ai changé d'avis, je voudrais que ma commande soit annulée",
];
const aboutTheCancelled = [
  "why was my order cancelled?",
  "¿por qué fue cancelado mi pedido?",
  "pourquoi ma commande a été annulée ?",
];

describe("a customer with a newer cancelled order and an older open one", () => {
  for (const ask of requests) {
    it(`"${ask}" is about the open order`, async () => {
      const { snapshot, open, cancelled } = withCancelledCopy("#1061", 1);
      const say = await demoConversation({ store: createDemoStore(snapshot), customerId: open.customerId });
      const reply = await say(ask);
      // The answer is about the open order; the cancelled one may only be listed among the others.
      expect(reply.text).toContain(open.name);
      const cancelledAt = reply.text.indexOf(cancelled.name);
      if (cancelledAt >= 0) expect(reply.text.indexOf(open.name)).toBeLessThan(cancelledAt);
    });
  }

  for (const ask of aboutTheCancelled) {
    it(`"${ask}" is about the cancelled order`, async () => {
      const { snapshot, open, cancelled } = withCancelledCopy("#1061", 1);
      const say = await demoConversation({ store: createDemoStore(snapshot), customerId: open.customerId });
      const reply = await say(ask);
      expect(reply.text).toContain(cancelled.name);
    });
  }
});

describe("pickOrder with the cancel reading", () => {
  // Whatever order the orders come in: the tie between an open and a cancelled order is no tie for a request.
  for (const ask of requests) {
    it(`"${ask}" picks the open order even when the cancelled one comes first`, async () => {
      const { snapshot, open, cancelled } = withCancelledCopy("#1061", 1);
      const ctx = await demoChatContext(createDemoStore(snapshot));
      const orders = await ctx.commerce.customerOrders(open.customerId);
      const inOrder = [...orders].sort((a) => (a.name === cancelled.name ? -1 : 1));
      expect(inOrder[0].name).toBe(cancelled.name);
      const { turn } = analyzeTurn({ text: ask, state: {}, shopper: { customerId: open.customerId } }, ctx);
      const asCancel = { ...turn, intent: { ...turn.intent, intent: "cancel_order" as const } };
      expect(pickOrder(inOrder, asCancel).name).toBe(open.name);
    });
  }
});
