/**
 * A refund question about an order that hasn't shipped: nothing is refunded and nothing can be
 * returned yet, so the answer is what cancelling it refunds, with the cancellation offered (not
 * "start a return within 30 days of delivery").
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

const PRIYA = "gid://shopify/Customer/7294052600726"; // #1061 unfulfilled, $154.80

describe("a refund asked before the order shipped", () => {
  it("after the cancel offer and another question, 'how much will I get back?' is the order's total", async () => {
    const say = await demoConversation({ customerId: PRIYA });
    await say("pls cancel my order");
    await say("what's in it again?");
    const reply = await say("how much will I get back");
    expect(reply.text).toContain("#1061");
    expect(reply.text).toContain("$154.80");
    expect(reply.text).not.toMatch(/start a return/i);
    const done = await say("yes");
    expect(done.text).toContain("cancelled");
  });
});
