/**
 * A payment question about the shopper's own order gets the order's payment state and, when the
 * question's words find no rule, the shop's rule for that state (an authorization captured when the
 * order ships) rather than "I'd rather not guess". Facts from the Northwind dev snapshot.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

describe("an order's payment state", () => {
  it("is explained with the shop's own rule for it", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294055439875" });
    const reply = await say("my latest order says authorized, did you take the money?");
    expect(reply.intent).toBe("payment_issue");
    expect(reply.text).toContain("#1065");
    expect(reply.text).toMatch(/captured when they ship/);
    expect(reply.text).not.toMatch(/rather not guess/);
  });
});
