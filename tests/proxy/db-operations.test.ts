/**
 * What a chat message costs the database, statement by statement (SQLite, in-process): the
 * shopper's message is written and committed before it is answered, the reply and the
 * conversation's state in one more transaction, and nothing else — the offline session, the
 * shop's settings, approved answers and model come from this instance's cache. A change made
 * through the admin's save paths (or an uninstall) is seen by the very next message.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";
import { installSqlCounter } from "../../scripts/profile/sql-counter.mjs";
import type { SettingsForm } from "../../app/admin/settings.server";

configureTestApp("db-operations");
// Long enough that no entry expires during the file: what is read again here is what a change caused.
process.env.SHOP_CACHE_TTL_MS = "600000";
const { default: db } = await import("../../app/db.server");
const { saveSettings, settingsView } = await import("../../app/admin/settings.server");
const { approveAnswer } = await import("../../app/admin/training.server");
const { replyToTicket } = await import("../../app/admin/handoffs.server");
const { forgetSessions, redactShopper } = await import("../../app/privacy/compliance.server");

const sql = installSqlCounter();

/** Each statement as "VERB Table" (BEGIN and COMMIT as they are); a SELECT by its outermost table. */
function shapes(statements: string[]): string[] {
  return statements.map((statement) => {
    const text = statement.replace(/\s+/g, " ").trim();
    const verb = text.split(" ")[0].toUpperCase();
    const tables = [...text.matchAll(/(?:FROM|INTO|UPDATE)\s+(?:[`"]?main[`"]?\.)?[`"]?(\w+)[`"]?/gi)].map((m) => m[1]);
    const table = verb === "SELECT" ? tables.at(-1) : tables[0];
    return table ? `${verb} ${table}` : verb;
  });
}

const say = (text: string, conversationId?: string) =>
  sendToProxy(proxyRequest("messages", { body: { text, ...(conversationId ? { conversationId } : {}) } }));

async function traced(text: string, conversationId?: string) {
  let response!: Awaited<ReturnType<typeof say>>;
  const statements = await sql.traced(async () => {
    response = await say(text, conversationId);
  });
  expect(response.status).toBe(200);
  return { body: response.body, statements: shapes(statements) };
}

const STORE_SHOPPER_MESSAGE = ["BEGIN", "INSERT Message", "UPDATE Conversation", "COMMIT"];
const STORE_REPLY = ["BEGIN", "UPDATE Message", "INSERT Message", "UPDATE Conversation", "COMMIT"];
// A message for the team that replied (app/chat/team-thread.ts) puts their hand-off back in the open
// list in the reply's own transaction: no write for it in the conversations without one.
const STORE_REPLY_FOR_TEAM = [
  "BEGIN",
  "UPDATE Message",
  "INSERT Message",
  "UPDATE Conversation",
  "UPDATE HandoffTicket",
  "COMMIT",
];

describe("the database work of one chat message", () => {
  let conversationId: string;

  beforeAll(async () => {
    await installDemoShop();
    // The first message of the instance reads what it then caches.
    conversationId = (await say("hi")).body.conversationId;
  });

  it("starts a conversation in two transactions, the first committed before answering, and reads nothing", async () => {
    const { statements } = await traced("what is your return policy?");
    expect(statements).toEqual(["BEGIN", "INSERT Conversation", "INSERT Message", "COMMIT", ...STORE_REPLY]);
  });

  it("continues one with a single read: the conversation with its waiting hand-offs", async () => {
    const { statements } = await traced("do you ship to Canada?", conversationId);
    expect(statements).toEqual(["SELECT Conversation", ...STORE_SHOPPER_MESSAGE, ...STORE_REPLY]);
  });

  it("says a hand-off is waiting from that read, and from the reply that files one", async () => {
    const { conversationId: id } = (await say("I want to talk to a person")).body;
    const handedOff = await traced("my email is sam@example.com", id);
    expect(handedOff.body.awaitingTeam).toBe(true);
    const stillWaiting = await traced("thanks", id);
    expect(stillWaiting.body.awaitingTeam).toBe(true);
    expect(stillWaiting.statements).toEqual(["SELECT Conversation", ...STORE_SHOPPER_MESSAGE, ...STORE_REPLY]);
    const other = await traced("do you ship to Canada?", conversationId);
    expect(other.body.awaitingTeam).toBeUndefined();
  });

  it("passes a message to the team that replied with no more reads, reopening their hand-off in the reply's write", async () => {
    const { conversationId: id } = (await say("I want to talk to a person")).body;
    await say("my email is robin@example.com", id);
    const [ticket] = await db.handoffTicket.findMany({ where: { conversationId: id } });
    expect((await replyToTicket(db, DEMO_SHOP, ticket.id, "Sorted, see your email.", { mailer: null }))?.ok).toBe(true);
    const wroteBack = await traced("it still hasn't arrived", id);
    expect(wroteBack.statements).toEqual(["SELECT Conversation", ...STORE_SHOPPER_MESSAGE, ...STORE_REPLY_FOR_TEAM]);
    expect(wroteBack.body.awaitingTeam).toBe(true);
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");
  });

  it("reads an order lookup's verification locks in one statement of its own, not through Prisma's query planner", async () => {
    let response!: Awaited<ReturnType<typeof say>>;
    const statements = await sql.traced(async () => {
      response = await say("where is my order #1006? my email is hannah.brooks@example.com");
    });
    expect(response.status).toBe(200);
    const lockReads = statements.filter((s) => /VerificationAttempt/.test(s));
    expect(lockReads).toHaveLength(1);
    // Prisma's model API writes `main`.`VerificationAttempt`; the chat's own statements quote plainly.
    expect(lockReads[0]).toMatch(/FROM "VerificationAttempt"/);
    // Between storing the shopper's message and the reply: nothing else.
    const lockAt = statements.indexOf(lockReads[0]);
    expect(shapes(statements.slice(0, lockAt))).toEqual(["BEGIN", "INSERT Conversation", "INSERT Message", "COMMIT"]);
    expect(shapes(statements.slice(lockAt + 1))).toEqual(STORE_REPLY);
  });

  it("uses the settings the merchant saves from the next message on (one read of them)", async () => {
    const {
      openaiKeyMasked: _m,
      openaiKeyUnreadable: _u,
      envKeyConfigured: _e,
      appModels: _a,
      supportHoursUnreadable: _s,
      ...current
    } = await settingsView(db, DEMO_SHOP);
    const greeting = "Welcome to the trail shop! Ask me anything.";
    expect((await traced("hi")).body.reply.text).not.toContain(greeting);
    expect(
      await saveSettings(db, DEMO_SHOP, {
        ...current,
        greeting,
        openaiKey: "",
        removeOpenaiKey: false,
      } as SettingsForm),
    ).toEqual({});
    const after = await traced("hi");
    expect(after.body.reply.text).toContain(greeting);
    expect(after.statements.filter((s) => s.endsWith("ShopSettings"))).toEqual(["SELECT ShopSettings"]);
    expect((await traced("hi")).statements.filter((s) => s.endsWith("ShopSettings"))).toEqual([]);
  });

  it("answers with an answer the merchant approves from the next message on", async () => {
    const question = "do you engrave names on water bottles?";
    const first = (await say(question)).body;
    const approved = "Yes: add the name in the order note, engraving is free.";
    expect(first.reply.text).not.toBe(approved);
    expect(await approveAnswer(db, DEMO_SHOP, first.reply.id, approved)).toBe(true);
    expect((await say(question)).body.reply.text).toBe(approved);
  });

  it("stops answering with an approved answer as soon as the shopper whose question it was is erased", async () => {
    const customerId = "8120334071";
    const question = "can you gift wrap two items separately?";
    const asked = (await sendToProxy(proxyRequest("messages", { customerId, body: { text: question } }))).body;
    const approved = "Yes: note which items in the order comments.";
    expect(await approveAnswer(db, DEMO_SHOP, asked.reply.id, approved)).toBe(true);
    expect((await say(question)).body.reply.text).toBe(approved);
    expect(await redactShopper(db, DEMO_SHOP, { customer: { id: customerId }, orderNames: [] })).toBe(1);
    expect((await say(question)).body.reply.text).not.toBe(approved);
  });

  it("stops answering as soon as the shop uninstalls, and answers again once it is installed", async () => {
    await forgetSessions(db, DEMO_SHOP);
    const refused = await say("hi");
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("shop_not_installed");
    await installDemoShop();
    expect((await say("hi")).status).toBe(200);
  });
});
