/**
 * Per-shop isolation through every admin route of the running app: signed in as shop A (a real
 * session token, as App Bridge sends it), nothing of shop B's can be read or changed, whatever
 * ids A sends. Shop A's own data is the control: the same requests do show and change it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { DESKTOP_CHROME } from "../helpers/browser";
import { startDemo, type RunningDemo } from "../helpers/demo-process";

const SHOP_B = "other-merchant.myshopify.com";
const B_SECRET = "zebra-secret-of-shop-b";
const A_MARKER = "alpaca-note-of-shop-a";

let demo: RunningDemo;
let db: Db;
let shopA: string;
const b = {
  conversationId: "shopBconversation000001",
  messageId: "",
  botMessageId: "",
  ticketId: "",
  versionId: "",
  answerId: "",
};
const a = { conversationId: "shopAconversation000001", messageId: "" };

async function token(): Promise<string> {
  return (await (await fetch(`${demo.url}/demo/session-token`)).json()).token;
}

/** A Remix single-fetch data request to an admin route, as shop A. */
async function admin(path: string, form?: Record<string, string>): Promise<{ status: number; body: string }> {
  const response = await fetch(`${demo.url}${path}`, {
    method: form ? "POST" : "GET",
    // A browser's user agent: the Shopify library turns bots away (410) before authenticating.
    headers: {
      Authorization: `Bearer ${await token()}`,
      "User-Agent": DESKTOP_CHROME,
      ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { status: response.status, body: await response.text() };
}

async function seedConversation(shop: string, conversationId: string, text: string) {
  await db.conversation.create({ data: { id: conversationId, shop, status: "handoff", messageCount: 2 } });
  const question = await db.message.create({
    data: { shop, conversationId, role: "shopper", text, intent: "track_order" },
  });
  const reply = await db.message.create({
    data: {
      shop,
      conversationId,
      role: "bot",
      text: `reply about ${text}`,
      replyToId: question.id,
      intent: "track_order",
    },
  });
  return { question, reply };
}

beforeAll(async () => {
  demo = await startDemo();
  process.env.DATABASE_URL = demo.databaseUrl;
  const { createDb } = await import("../../app/db.server");
  db = createDb(demo.databaseUrl);
  shopA = (await db.session.findFirstOrThrow()).shop;

  const seededB = await seedConversation(SHOP_B, b.conversationId, `where is my order ${B_SECRET}`);
  b.messageId = seededB.question.id;
  b.botMessageId = seededB.reply.id;
  await db.message.update({ where: { id: b.messageId }, data: { correctedIntent: "refund_status" } });
  b.ticketId = (
    await db.handoffTicket.create({
      data: { shop: SHOP_B, conversationId: b.conversationId, kind: "handoff", summary: `call ${B_SECRET}` },
    })
  ).id;
  b.versionId = (
    await db.modelVersion.create({ data: { shop: SHOP_B, version: 1, status: "retired", examples: "[]" } })
  ).id;
  b.answerId = (
    await db.approvedAnswer.create({ data: { shop: SHOP_B, question: `q ${B_SECRET}`, answer: `a ${B_SECRET}` } })
  ).id;
  await db.shopSettings.create({ data: { shop: SHOP_B, botName: `Bot ${B_SECRET}`, greeting: `Hello ${B_SECRET}` } });

  a.messageId = (await seedConversation(shopA, a.conversationId, `where is my order ${A_MARKER}`)).question.id;
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  await demo?.stop();
});

describe("shop A's admin never reaches shop B's data", () => {
  it("reads: dashboard, lists, transcript, inbox, ticket, training, export and settings show A's data and none of B's", async () => {
    const pages = [
      "/app.data",
      "/app/conversations.data",
      `/app/conversations.data?q=${B_SECRET}`,
      "/app/handoffs.data?status=all",
      "/app/training.data",
      "/app/settings.data",
      "/app/training/export?format=intents",
      "/app/training/export?format=openai",
    ];
    for (const page of pages) {
      const { status, body } = await admin(page);
      expect(status, page).toBeLessThan(400);
      expect(body, page).not.toContain(B_SECRET);
    }
    expect((await admin("/app/conversations.data")).body).toContain(a.conversationId);
    expect((await admin(`/app/conversations/${a.conversationId}.data`)).body).toContain(A_MARKER);
  });

  it("B's transcript and ticket are not found by id", async () => {
    for (const page of [`/app/conversations/${b.conversationId}.data`, `/app/handoffs/${b.ticketId}.data`]) {
      const { status, body } = await admin(page);
      expect(status, page).toBe(404);
      expect(body, page).not.toContain(B_SECRET);
    }
  });

  it("writes with B's ids change nothing of B's", async () => {
    const before = JSON.stringify(await snapshotOfB());
    await admin(`/app/conversations/${b.conversationId}.data`, {
      action: "relabel",
      messageId: b.messageId,
      intent: "complaint",
    });
    await admin(`/app/conversations/${b.conversationId}.data`, {
      action: "approve",
      messageId: b.botMessageId,
      answer: "hijacked",
    });
    await admin(`/app/conversations/${b.conversationId}.data`, { action: "resolve" });
    await admin(`/app/handoffs/${b.ticketId}.data`, { intent: "reply", reply: "hijacked" });
    await admin(`/app/handoffs/${b.ticketId}.data`, { intent: "close" });
    await admin("/app/training.data", { action: "rollback", versionId: b.versionId });
    await admin("/app/training.data", { action: "delete-answer", answerId: b.answerId });
    expect(JSON.stringify(await snapshotOfB())).toBe(before);
    expect(await db.approvedAnswer.count({ where: { answer: "hijacked" } })).toBe(0);

    // The control: the same action on A's own message does change it.
    await admin(`/app/conversations/${a.conversationId}.data`, {
      action: "relabel",
      messageId: a.messageId,
      intent: "complaint",
    });
    expect((await db.message.findUniqueOrThrow({ where: { id: a.messageId } })).correctedIntent).toBe("complaint");
  });
});

async function snapshotOfB() {
  const [conversation, messages, ticket, versions, answers, settings] = await Promise.all([
    db.conversation.findUnique({ where: { id: b.conversationId } }),
    db.message.findMany({ where: { shop: SHOP_B }, orderBy: { id: "asc" } }),
    db.handoffTicket.findUnique({ where: { id: b.ticketId } }),
    db.modelVersion.findMany({ where: { shop: SHOP_B } }),
    db.approvedAnswer.findMany({ where: { shop: SHOP_B } }),
    db.shopSettings.findUnique({ where: { shop: SHOP_B } }),
  ]);
  return { conversation, messages, ticket, versions, answers, settings };
}
