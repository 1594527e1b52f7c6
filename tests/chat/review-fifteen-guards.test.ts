/**
 * Ordinary messages this session's rules must leave alone (found by a review of the whole change):
 * a product question that says "my", a cancellation with "…is fine", a postage question asked with
 * "how much … back", a new question after a tracking answer, and "make it N days" about delivery.
 */
import { describe, expect, it } from "vitest";
import type { Intent } from "../../app/chat/intent/labels";
import { demoConversation } from "../helpers/chat-context";

const firstTurns: [string, Intent[]][] = [
  // A product question about one's own kind of item, not a defect told.
  ["does the zipper on my rain jacket break easily?", ["return_item"]],
  ["will my headlamp leak if it rains hard?", ["return_item"]],
  ["can I fix a torn zipper on my jacket myself?", ["return_item"]],
  ["est-ce que la fermeture de ma veste se déchire facilement ?", ["return_item"]],
  // A whole cancellation, with something "fine" or still wanted that is no item.
  ["I want to cancel my order, the price is fine but delivery is too slow", ["change_order"]],
  ["please cancel order 1043, I still want my money back", ["change_order"]],
  // What sending a return costs, or would give back: a policy question, not a refund awaited.
  ["How much does it cost to send it back?", ["refund_status"]],
  ["how much do I pay to send the boots back?", ["refund_status"]],
  ["how much will you pay back if I return opened items?", ["refund_status"]],
  // Delivery speed, not a quantity on the order; the tracking link, not a part of the order.
  ["is express one day less than standard?", ["change_order"]],
  ["make it 3 days faster with express?", ["change_order"]],
  ["I ordered a tent yesterday, can you send me just the tracking link?", ["change_order"]],
];

describe("first messages this session's rules must not misread", () => {
  it.each(firstTurns)("%j is not read as %j", async (text, wrong) => {
    const say = await demoConversation();
    const reply = await say(text);
    expect(wrong).not.toContain(reply.intent);
  });
});

describe("a new question after a tracking answer is not the order's status again", () => {
  it.each([
    ["any tents in stock now?", "product_search"],
    ["can I log in now?", "account_help"],
  ])("%j reads as %s", async (text, intent) => {
    const say = await demoConversation();
    await say("Hi, where is order #1058? My email is emma.larsen@example.com");
    const reply = await say(text);
    expect(reply.intent).toBe(intent);
  });

  it.each(["your phone number?", "is express still 19.95?"])("%j is not tracking", async (text) => {
    const say = await demoConversation();
    await say("Hi, where is order #1058? My email is emma.larsen@example.com");
    const reply = await say(text);
    expect(reply.intent).not.toBe("track_order");
  });
});

describe("a goodbye after a tracking answer stays a goodbye", () => {
  it.each(["thanks, that's all", "ok that's everything, thank you", "merci, c'est tout", "gracias, eso es todo"])(
    "%j closes the chat",
    async (text) => {
      const say = await demoConversation();
      await say("Hi, where is order #1058? My email is emma.larsen@example.com");
      const reply = await say(text);
      expect(reply.intent).toBe("thanks_goodbye");
    },
  );

  it("while 'is that everything?' still asks about the order's items", async () => {
    const say = await demoConversation();
    await say("Hi, where is order #1058? My email is emma.larsen@example.com");
    const reply = await say("is that everything?");
    expect(reply.intent).toBe("track_order");
  });
});
