/**
 * Loose follow-ups after an answer about one order stay on what that answer was about: "when did I
 * send it in?" after the shopper's return is that return's date, "which order was that?" after a
 * refund keeps the refund in focus for "how long till it shows?", and "number pls" after a parcel's
 * status is its tracking number, not a request for a person.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

const ETHAN = "gid://shopify/Customer/7294055439875"; // #1042: return requested Nov 19
const SOFIA = "gid://shopify/Customer/7294053696604"; // #1043: refunded 299.89 on Nov 13
const HENRY = "gid://shopify/Customer/7294059215558"; // #1057: out for delivery, USPS

describe("follow-ups that keep the order's topic", () => {
  it("the date of a return request, asked loosely after the return's state", async () => {
    const say = await demoConversation({ customerId: ETHAN });
    await say("what's happening with my return?");
    const reply = await say("when did i send that request in");
    expect(reply.intent).toBe("return_item");
    expect(reply.text).toContain("November 19");
  });

  it("a refund stays in focus after 'which order was that?'", async () => {
    const say = await demoConversation({ customerId: SOFIA });
    await say("did I get my money back for the boots and the poles?");
    const which = await say("which order was that?");
    expect(which.text).toContain("#1043");
    expect(which.intent).toBe("refund_status");
    const reply = await say("how long till it shows on my card");
    expect(reply.intent).toBe("refund_status");
  });

  it("'number pls' after a parcel's status is its tracking number", async () => {
    const say = await demoConversation({ customerId: HENRY });
    await say("where's my headlamp?");
    const reply = await say("number pls");
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain("9400111092227584500181");
  });
});

describe("a date asked loosely after a parcel's status", () => {
  it("'when did that go out?' then 'ok but when' stay on the parcels", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294056201260" }); // #1046, two parcels
    await say("where's my order?");
    const out = await say("when did that go out");
    expect(out.intent).toBe("track_order");
    expect(out.text).toContain("November 4");
    const again = await say("ok but when");
    expect(again.intent).toBe("track_order");
  });
});

describe("the other items of the order in focus", () => {
  it("'and the other one?' after a partly shipped order is that order, named, not an exchange", async () => {
    const say = await demoConversation({});
    await say("order 1049, ben.wright@example.org, where is it?");
    for (const ask of ["and the other one?", "is that everything?", "what's the order number again"]) {
      const reply = await say(ask);
      expect(reply.intent).toBe("track_order");
      expect(reply.text).toContain("#1049");
      expect(reply.text).toContain("Aurora 0°F Down Sleeping Bag");
    }
  });
});

describe("bare status prompts after a parcel's status", () => {
  it("'what's the name of the order', 'still moving?', 'eta?' stay on the order; 'ok thanks' closes", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294051849937" }); // #1058 in transit
    await say("where's my order");
    for (const ask of ["what's the name of the order", "still moving?", "eta?", "how long now"]) {
      const reply = await say(ask);
      expect(reply.intent).toBe("track_order");
      expect(reply.text).toContain("#1058");
    }
    expect((await say("ok thanks")).intent).toBe("thanks_goodbye");
  });
});
