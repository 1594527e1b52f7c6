/**
 * "Is my first return free?", "do I pay for my return?", "mon retour est gratuit ?": the cost of a
 * return asked about the shopper's own return is answered with the shop's rule on return postage
 * for the order's destination, beside the order's return verdicts; a free item returned is not that.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { asksReturnPostage } from "../../app/chat/intent/policy-follow-ups";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

describe("a return's cost asked", () => {
  it("is a question about return postage in en/es/fr", () => {
    for (const text of [
      "is my first return free?",
      "are returns free of charge",
      "do I pay for my return?",
      "how much does a return cost?",
      "mon retour est-il gratuit ?",
      "combien coûte un retour ?",
      "¿la devolución es gratis?",
      "¿cuánto cuesta una devolución?",
      "are returns free for gifts?",
    ])
      expect(asksReturnPostage(text), text).toBe(true);
  });

  it("is not a free item returned or a free shipping question", () => {
    for (const text of [
      "can I return the free gift?",
      "is shipping free?",
      "return the free sample please",
      "can I return the freebie?",
    ])
      expect(asksReturnPostage(text), text).toBe(false);
  });

  it("gets the shop's postage rule for the shopper's order", async () => {
    const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT_PATH, "utf8"));
    const say = await demoConversation({ customerId: snapshot.customers[0].id });
    const reply = await say("is my first return free?");
    // The Northwind refund policy's sentence for orders shipped to a US address.
    expect(reply.text).toMatch(/prepaid return label/i);
  });
});
