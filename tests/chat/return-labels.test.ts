/**
 * A return that is open has a label: its answer gives the carrier, the tracking number and the day
 * the label was made (Shopify's reverse deliveries), so "return tracking?" has its answer.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

const JAKE = "gid://shopify/Customer/7294053278871"; // #1040-R1 open, USPS label made Nov 11

describe("an open return's label", () => {
  it("is named with its carrier, number and date", async () => {
    const say = await demoConversation({ customerId: JAKE });
    const reply = await say("what's the status of my return?");
    expect(reply.text).toContain("#1040-R1");
    expect(reply.text).toContain("USPS");
    expect(reply.text).toContain("9400111009631690704805");
    expect(reply.text).toContain("November 11");
  });
});
