/**
 * "Did my cancellation go through?" asks where a cancellation already asked for stands: the
 * cancelled order answers it, not the customer's open one (which a request to cancel would mean).
 */
import { describe, expect, it } from "vitest";
import { createDemoStore } from "../../demo/demo-store";
import { withCancelledCopy } from "../helpers/cancelled-order";
import { demoConversation } from "../helpers/chat-context";

/** The snapshot with a cancelled copy of `openName`, placed a day before it, for the same customer. */

const statusQuestions = [
  "did my cancellation go through?",
  "has the cancellation been processed?",
  "Est-ce que l'annulation de ma commande est bien passée ?",
  "¿ya quedó hecha la cancelación de mi pedido?",
];

describe("a customer with an open order and an older cancelled one", () => {
  for (const ask of statusQuestions) {
    it(`"${ask}" is about the cancelled order`, async () => {
      const { snapshot, open, cancelled } = withCancelledCopy("#1061", -1);
      const say = await demoConversation({ store: createDemoStore(snapshot), customerId: open.customerId });
      const reply = await say(ask);
      expect(reply.text).toContain(cancelled.name);
      const openAt = reply.text.indexOf(open.name);
      if (openAt >= 0) expect(reply.text.indexOf(cancelled.name)).toBeLessThan(openAt);
    });
  }
});
