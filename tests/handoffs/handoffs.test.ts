/**
 * The hand-off inbox (app/admin/handoffs.server.ts): a reply reaches the conversation as an agent
 * message and, when SMTP is configured and the shopper left an email, their inbox — here a local
 * smtp-server capture on 127.0.0.1. Every query is scoped by shop.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { startSmtpCapture, SMTP_USER, type SmtpCapture } from "./smtp-capture";
import type { Conversation } from "../../app/chat/transcript.server";
import type { ReplyKind } from "../../app/chat/reply-kind";

configureTestApp("handoffs");
const { default: db } = await import("../../app/db.server");
const handoffs = await import("../../app/admin/handoffs.server");
const { mintConversationId } = await import("../../app/chat/transcript.server");
const { getShopSettings } = await import("../../app/settings.server");
const { recordShopperMessage, recordBotReply } = await import("../../app/chat/transcript.server");
const { createCommerce } = await import("../../app/commerce/store");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
const { SNAPSHOT_PATH } = await import("../helpers/chat-context");
const commerce = createCommerce(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)).graphql);
const byIdIn = <T extends { id: string }>(rows: T[], id: string) => rows.find((t) => t.id === id)!;
const { readMailConfig } = await import("../../app/notify/mailer.server");

const SHOP = "handoffs-a.myshopify.com";
const OTHER_SHOP = "handoffs-b.myshopify.com";
const FROM = "Northwind Support <support@northwind.example>";

let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture({ reject: ["bounce@example.com"] });
  await getShopSettings(db, SHOP);
  await db.shopSettings.update({ where: { shop: SHOP }, data: { handoffEmail: "team@northwind.example" } });
});

afterAll(async () => {
  await smtp?.close();
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  smtp.mails.length = 0;
});

function useSmtp() {
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = FROM;
}

async function ticketFor(
  shop: string,
  options: {
    contactEmail?: string | null;
    customerId?: string | null;
    kind?: string;
    orderNumber?: string;
    status?: string;
  } = {},
) {
  const conversation = await db.conversation.create({
    data: {
      id: mintConversationId(),
      shop,
      customerId: options.customerId ?? null,
      status: "handoff",
      messageCount: 2,
    },
  });
  await db.message.createMany({
    data: [
      { shop, conversationId: conversation.id, role: "shopper", text: "I need to talk to a person about my order" },
      {
        shop,
        conversationId: conversation.id,
        role: "bot",
        text: "I'm passing this conversation to a person on our team.",
      },
    ],
  });
  return db.handoffTicket.create({
    data: {
      shop,
      conversationId: conversation.id,
      kind: options.kind ?? "handoff",
      summary: "I need to talk to a person about my order",
      contactEmail: options.contactEmail === undefined ? "jane.doe@example.com" : options.contactEmail,
      orderNumber: options.orderNumber ?? null,
      status: options.status ?? "open",
    },
  });
}

describe("replying to a hand-off", () => {
  it("stores the reply on the ticket, adds an agent message to the conversation, and emails the shopper", async () => {
    useSmtp();
    const ticket = await ticketFor(SHOP, { orderNumber: "#1006" });
    const now = new Date(Date.now() + 60_000);
    const outcome = await handoffs.replyToTicket(
      db,
      SHOP,
      ticket.id,
      "  Hi Jane — your parcel left our warehouse today.\r\nTracking follows by email.  ",
      { now },
    );

    expect(outcome).toMatchObject({ ok: true, email: { status: "sent", to: "jane.doe@example.com" } });
    const stored = await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored.status).toBe("replied");
    expect(stored.reply).toBe("Hi Jane — your parcel left our warehouse today.\nTracking follows by email.");
    expect(stored.repliedAt?.toISOString()).toBe(now.toISOString());

    const messages = await db.message.findMany({
      where: { conversationId: ticket.conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(messages.map((m) => m.role)).toEqual(["shopper", "bot", "agent"]);
    expect(messages[2]).toMatchObject({ shop: SHOP, text: stored.reply });
    if (outcome?.ok) expect(outcome.messageId).toBe(messages[2].id);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: ticket.conversationId } });
    expect(conversation.messageCount).toBe(3);
    expect(conversation.lastMessageAt.toISOString()).toBe(now.toISOString());

    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.from).toBe("support@northwind.example");
    expect(mail.to).toEqual(["jane.doe@example.com"]);
    expect(mail.header("to")).toBe("jane.doe@example.com");
    expect(mail.header("reply-to")).toBe("team@northwind.example");
    expect(mail.header("subject")).toBe("About your order #1006");
    expect(mail.text).toContain("Hi Jane — your parcel left our warehouse today.\nTracking follows by email.");
    expect(mail.text).toContain("Order #1006");
  });

  it("sends no email without SMTP_URL, but the shopper still gets the reply in the chat", async () => {
    expect(readMailConfig()).toBeNull();
    const ticket = await ticketFor(SHOP);
    const outcome = await handoffs.replyToTicket(db, SHOP, ticket.id, "We're on it.");
    expect(outcome).toMatchObject({ ok: true, email: { status: "skipped", reason: "no_smtp" } });
    expect(await db.message.count({ where: { conversationId: ticket.conversationId, role: "agent" } })).toBe(1);
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("replied");
    expect(smtp.mails).toHaveLength(0);
  });

  it("needs both SMTP_URL and SMTP_FROM, and an smtp(s):// URL", async () => {
    expect(readMailConfig({ SMTP_URL: smtp.url })).toBeNull();
    expect(readMailConfig({ SMTP_FROM: FROM })).toBeNull();
    expect(readMailConfig({ SMTP_URL: "http://example.com", SMTP_FROM: FROM })).toBeNull();
    expect(readMailConfig({ SMTP_URL: smtp.url, SMTP_FROM: FROM })).toEqual({ url: smtp.url, from: FROM });
  });

  it("skips the email for a logged-in customer who left no address", async () => {
    useSmtp();
    const ticket = await ticketFor(SHOP, { contactEmail: null, customerId: "gid://shopify/Customer/7294052471661" });
    const outcome = await handoffs.replyToTicket(db, SHOP, ticket.id, "Your refund was issued.");
    expect(outcome).toMatchObject({ ok: true, email: { status: "skipped", reason: "no_contact_email" } });
    expect(await db.message.count({ where: { conversationId: ticket.conversationId, role: "agent" } })).toBe(1);
    expect(smtp.mails).toHaveLength(0);
  });

  it("keeps the reply when the mail server refuses the message, and says so", async () => {
    useSmtp();
    const ticket = await ticketFor(SHOP, { contactEmail: "bounce@example.com" });
    const outcome = await handoffs.replyToTicket(db, SHOP, ticket.id, "Hello again.");
    expect(outcome).toMatchObject({ ok: true, email: { status: "failed", to: "bounce@example.com" } });
    if (outcome?.ok && outcome.email.status === "failed") {
      expect(outcome.email.error).toMatch(/550/);
      expect(outcome.email.error).not.toContain("s3cret");
    }
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("replied");
    expect(smtp.mails).toHaveLength(0);
  });

  it("refuses an empty or overlong reply and stores nothing", async () => {
    const ticket = await ticketFor(SHOP);
    expect(await handoffs.replyToTicket(db, SHOP, ticket.id, "   \n ")).toMatchObject({ ok: false });
    expect(await handoffs.replyToTicket(db, SHOP, ticket.id, "x".repeat(handoffs.MAX_REPLY_LENGTH + 1))).toMatchObject({
      ok: false,
    });
    expect(await db.message.count({ where: { conversationId: ticket.conversationId } })).toBe(2);
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");
  });
});

describe("shop scoping", () => {
  it("another shop's ticket is not found: no read, reply, close or email", async () => {
    useSmtp();
    const theirs = await ticketFor(OTHER_SHOP);
    expect(await handoffs.getTicket(db, SHOP, theirs.id)).toBeNull();
    expect(await handoffs.replyToTicket(db, SHOP, theirs.id, "Not yours to answer")).toBeNull();
    expect(await handoffs.closeTicket(db, SHOP, theirs.id)).toBe(false);
    expect(await handoffs.reopenTicket(db, SHOP, theirs.id)).toBe(false);
    expect(await handoffs.getTicket(db, OTHER_SHOP, theirs.id)).not.toBeNull();

    const untouched = await db.handoffTicket.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(untouched).toMatchObject({ status: "open", reply: null, repliedAt: null });
    expect(await db.message.count({ where: { conversationId: theirs.conversationId, role: "agent" } })).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    expect((await handoffs.listTickets(db, SHOP, null)).map((t) => t.id)).not.toContain(theirs.id);
  });
});

describe("the inbox", () => {
  it("lists by status with the shopper's contact, counts each status, and closes/reopens", async () => {
    const shop = "handoffs-inbox.myshopify.com";
    const guest = await ticketFor(shop, { contactEmail: "guest@example.com", kind: "complaint" });
    const customer = await ticketFor(shop, { contactEmail: null, customerId: "gid://shopify/Customer/42" });
    const replied = await ticketFor(shop, { status: "replied" });

    const open = await handoffs.listTickets(db, shop, "open");
    expect(open.map((t) => t.id).sort()).toEqual([guest.id, customer.id].sort());
    expect(open.find((t) => t.id === guest.id)).toMatchObject({
      contact: "guest@example.com",
      kindLabel: "Complaint",
      conversationId: guest.conversationId,
    });
    expect(open.find((t) => t.id === customer.id)).toMatchObject({
      contact: "Logged-in customer",
      customerId: "gid://shopify/Customer/42",
    });
    expect((await handoffs.listTickets(db, shop, "replied")).map((t) => t.id)).toEqual([replied.id]);
    expect(await handoffs.listTickets(db, shop, null)).toHaveLength(3);
    expect(await handoffs.listTickets(db, shop, "bogus")).toHaveLength(3);
    expect(await handoffs.ticketCounts(db, shop)).toEqual({ open: 2, replied: 1, closed: 0 });

    expect(await handoffs.closeTicket(db, shop, guest.id)).toBe(true);
    expect((await handoffs.listTickets(db, shop, "closed")).map((t) => t.id)).toEqual([guest.id]);
    expect(await handoffs.ticketCounts(db, shop)).toEqual({ open: 1, replied: 1, closed: 1 });
    expect(await handoffs.reopenTicket(db, shop, guest.id)).toBe(true);
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: guest.id } })).status).toBe("open");
  });

  it("a shopper writing back after the team's reply puts the ticket back in Open, marked as new", async () => {
    const shop = "handoffs-writeback.myshopify.com";
    const ticket = await ticketFor(shop, { contactEmail: "pat@example.com" });
    const untouched = await ticketFor(shop, { contactEmail: "sam@example.com" });
    await handoffs.replyToTicket(db, shop, ticket.id, "Your refund is on its way.", { mailer: null });
    expect((await handoffs.listTickets(db, shop, "replied")).map((t) => [t.id, t.shopperWroteBack])).toEqual([
      [ticket.id, false],
    ]);

    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: ticket.conversationId } });
    // A new question the bot answers itself leaves the team's reply standing.
    await exchange(conversation, "Do you ship to Canada?", "answer");
    expect((await handoffs.listTickets(db, shop, "replied")).map((t) => [t.id, t.shopperWroteBack])).toEqual([
      [ticket.id, false],
    ]);
    // A message for the team: the bot only acknowledged it (team-thread.ts).
    await exchange(conversation, "Thanks, but it's only half the amount?", "team_followup");
    const open = await handoffs.listTickets(db, shop, "open");
    expect(open.map((t) => t.id).sort()).toEqual([ticket.id, untouched.id].sort());
    expect(open.find((t) => t.id === ticket.id)?.shopperWroteBack).toBe(true);
    expect(open.find((t) => t.id === untouched.id)?.shopperWroteBack).toBe(false);
    expect(await handoffs.ticketCounts(db, shop)).toEqual({ open: 2, replied: 0, closed: 0 });
    expect((await handoffs.getTicket(db, shop, ticket.id))?.ticket.shopperWroteBack).toBe(true);

    // Answered again: no longer new.
    await handoffs.replyToTicket(db, shop, ticket.id, "Sorry — the rest follows tomorrow.", {
      mailer: null,
      now: new Date(Date.now() + 1000),
    });
    expect((await handoffs.listTickets(db, shop, "replied")).map((t) => [t.id, t.shopperWroteBack])).toEqual([
      [ticket.id, false],
    ]);
  });

  /** A shopper message and the bot's reply of this kind, stored as the proxy stores them. */
  async function exchange(conversation: Conversation, text: string, replyKind: ReplyKind) {
    const { message } = await recordShopperMessage(db, conversation, text, null);
    await recordBotReply(db, conversation, message, {
      text: "…",
      intent: null,
      confidence: null,
      entities: {},
      engine: "local",
      latencyMs: 1,
      lookups: [],
      state: {},
      replyKind,
    });
  }

  it("names a logged-in customer by their Shopify name and email, never by a raw id", async () => {
    const shop = "handoffs-names.myshopify.com";
    const customer = await ticketFor(shop, { contactEmail: null, customerId: "gid://shopify/Customer/7294051849937" });
    const unknown = await ticketFor(shop, { contactEmail: null, customerId: "gid://shopify/Customer/999" });
    const guest = await ticketFor(shop, { contactEmail: "guest@example.com" });
    const rows = await handoffs.withCustomerNames(commerce, await handoffs.listTickets(db, shop, null));
    const byId = (id: string) => rows.find((t) => t.id === id)!;
    expect(byId(customer.id)).toMatchObject({ contact: "Emma Larsen", contactDetail: "emma.larsen@example.com" });
    expect(byId(unknown.id)).toMatchObject({ contact: "Logged-in customer", contactDetail: null });
    expect(byId(guest.id)).toMatchObject({ contact: "guest@example.com", contactDetail: null });
    expect(JSON.stringify(rows)).not.toMatch(/customer 999|customer 729/i);
    // The Admin API failing costs the names, not the inbox.
    const broken = { customersByIds: async () => Promise.reject(new Error("Shopify is down")) };
    expect(
      byIdIn(await handoffs.withCustomerNames(broken, await handoffs.listTickets(db, shop, null)), customer.id),
    ).toMatchObject({ contact: "Logged-in customer" });
  });

  it("pages through a long inbox: every ticket is reachable, none twice", async () => {
    const shop = "handoffs-paging.myshopify.com";
    const made = new Set<string>();
    for (let i = 0; i < handoffs.TICKET_PAGE_SIZE * 2 + 7; i++) made.add((await ticketFor(shop)).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const rows = await handoffs.listTickets(db, shop, "open", { after });
      seen.push(...rows.map((t) => t.id));
      if (rows.length < handoffs.TICKET_PAGE_SIZE) break;
      after = rows[rows.length - 1].id;
    }
    expect(seen).toHaveLength(made.size);
    expect(new Set(seen)).toEqual(made);
  });

  it("shows a ticket with its transcript and the shopper's rating", async () => {
    const ticket = await ticketFor(SHOP);
    await db.conversation.update({ where: { id: ticket.conversationId }, data: { csat: 4, csatComment: "Quick" } });
    await handoffs.replyToTicket(db, SHOP, ticket.id, "Done!", { mailer: null });
    const detail = await handoffs.getTicket(db, SHOP, ticket.id);
    expect(detail?.ticket).toMatchObject({
      id: ticket.id,
      status: "replied",
      reply: "Done!",
      contact: "jane.doe@example.com",
    });
    expect(detail?.conversation.messages.map((m) => [m.role, m.text])).toEqual([
      ["shopper", "I need to talk to a person about my order"],
      ["bot", "I'm passing this conversation to a person on our team."],
      ["agent", "Done!"],
    ]);
    expect(detail?.conversation).toMatchObject({ csat: 4, csatComment: "Quick" });
  });
});
