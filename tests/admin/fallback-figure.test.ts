/**
 * The dashboard's fallback figure against a count done by hand: conversations typed into the app
 * proxy as the bubble sends them, each bot reply labelled below by reading it (an answer, a
 * non-answer, a clarification); the figure and the Low confidence filter must agree with the labels.
 * The labels are checked against what the answer code recorded, so a disagreement says where.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";

configureTestApp("fallback-figure");
const { default: db } = await import("../../app/db.server");
const analytics = await import("../../app/admin/analytics.server");
const { getConversationDetail, listConversations } = await import("../../app/admin/conversations.server");

type Label = "answer" | "no_answer" | "clarification";

// Read by hand: what each reply does for the shopper.
const CONVERSATIONS: { name: string; turns: [string, Label][] }[] = [
  {
    name: "browsing",
    turns: [
      ["hi", "answer"], // a greeting back
      ["What is your return policy?", "answer"], // quotes the refund policy
      ["Do you sell surfboards?", "clarification"], // "couldn't find anything … could you describe it another way?"
    ],
  },
  {
    name: "stumped",
    turns: [
      ["what's the weather like tomorrow?", "no_answer"], // "outside what I can help with"
      ["Does the Men's Alpine Shell Jacket glow in the dark?", "no_answer"], // "the description doesn't say … our team can check"
    ],
  },
  {
    name: "answered",
    turns: [
      ["Do you ship to Canada?", "answer"], // yes, with the rate
      ["Is the Ridgeline Down Jacket machine washable?", "answer"], // the shop's care guidance
    ],
  },
  {
    name: "wants a person",
    turns: [
      ["I'd like to talk to a real person please", "answer"], // asks where the team should reply
      ["robin.hale@example.com", "answer"], // hands over
    ],
  },
];

const ids = new Map<string, string>();

beforeAll(async () => {
  await installDemoShop();
  for (const conversation of CONVERSATIONS) {
    let id: string | undefined;
    for (const [text] of conversation.turns) {
      const { status, body } = await sendToProxy(
        proxyRequest("messages", { body: { text, ...(id ? { conversationId: id } : {}) } }),
      );
      expect(status).toBe(200);
      id = body.conversationId;
    }
    ids.set(conversation.name, id!);
  }
}, 60_000);

describe("the fallback figure", () => {
  it("each reply carries the kind its answer code set, as labelled by hand", async () => {
    for (const conversation of CONVERSATIONS) {
      const replies = await db.message.findMany({
        where: { conversationId: ids.get(conversation.name), role: "bot" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      expect(replies.map((r) => [r.replyKind])).toEqual(conversation.turns.map(([, label]) => [label]));
    }
  });

  it("counts every non-answer and clarification: the dashboard agrees with the hand count", async () => {
    const turns = CONVERSATIONS.flatMap((c) => c.turns);
    const byHand = turns.filter(([, label]) => label !== "answer").length;
    const figures = await analytics.fallbacks(db, DEMO_SHOP, analytics.periodOf(7));
    expect(byHand).toBe(3);
    expect(figures).toMatchObject({
      shopperMessages: turns.length,
      fallbackReplies: byHand,
      noAnswers: turns.filter(([, label]) => label === "no_answer").length,
      clarifications: turns.filter(([, label]) => label === "clarification").length,
      // None of these messages was beyond the engine (out of scope below 30 % confidence).
      lowConfidence: 0,
      flagged: byHand,
      rate: byHand / turns.length,
    });
  });

  it("the Low confidence filter lists exactly the conversations with a fallback turn", async () => {
    const page = await listConversations(db, DEMO_SHOP, { lowConfidence: true });
    const expected = CONVERSATIONS.filter((c) => c.turns.some(([, label]) => label !== "answer")).map((c) =>
      ids.get(c.name),
    );
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(page.total).toBe(expected.length);
    // Each transcript shows which of its replies were the fallbacks.
    const stumped = await getConversationDetail(db, DEMO_SHOP, ids.get("stumped")!);
    expect(stumped?.messages.filter((m) => m.role === "bot").map((m) => m.replyKind)).toEqual([
      "no_answer",
      "no_answer",
    ]);
  });
});
