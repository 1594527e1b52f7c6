/**
 * Every answer about an order names the order and its items, even one that answers a single fact
 * (a return label, a refund's amount): the shopper never has to guess which order it means.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

const SOFIA = "gid://shopify/Customer/7294053696604"; // #1043: boots and poles returned, refunded
const OWEN = "gid://shopify/Customer/7294060305999"; // #1052: cancelled, refunded

describe("answers about an order name it", () => {
  it("a refund answer names the order and the items it was for", async () => {
    const say = await demoConversation({ customerId: SOFIA });
    const reply = await say("did I get my money back?");
    expect(reply.text).toContain("#1043");
    expect(reply.text).toContain("Trailblazer Trekking Poles");
  });

  it("a cancelled order's refund names its items", async () => {
    const say = await demoConversation({ customerId: OWEN });
    await say("did my cancellation go through?");
    const reply = await say("how much did you refund");
    expect(reply.text).toContain("#1052");
    expect(reply.text).toContain("Ridgeline Down Jacket");
  });
});
