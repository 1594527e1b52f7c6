/**
 * Hand-offs that respect the person, through the app proxy as the bubble calls it: a ticket is
 * filed only with a way to reach the shopper; every ticket says why it was filed; once the team
 * has replied, the shopper's messages go to the ticket (reopened, the team emailed) and the bot
 * only acknowledges them — unless the shopper asks it a new question about the shop.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";
import { startSmtpCapture, type SmtpCapture } from "./smtp-capture";

configureTestApp("team-thread");
const { default: db } = await import("../../app/db.server");
const { replyToTicket, listTickets } = await import("../../app/admin/handoffs.server");
const { getShopSettings } = await import("../../app/settings.server");

const TEAM = "team@shop.example";
const CUSTOMER = "7294052471661";

let smtp: SmtpCapture;

beforeAll(async () => {
  await installDemoShop();
  smtp = await startSmtpCapture();
  await getShopSettings(db, DEMO_SHOP);
  await db.shopSettings.update({ where: { shop: DEMO_SHOP }, data: { handoffEmail: TEAM } });
});

afterAll(async () => {
  await smtp?.close();
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  smtp.mails.length = 0;
});

async function say(
  text: string,
  conversationId?: string,
  customerId?: string,
): Promise<{ conversationId: string; reply: string }> {
  const { status, body } = await sendToProxy(
    proxyRequest("messages", { body: { text, ...(conversationId ? { conversationId } : {}) }, customerId }),
  );
  expect(status).toBe(200);
  return { conversationId: body.conversationId, reply: body.reply.text };
}

const ticketsOf = (conversationId: string) =>
  db.handoffTicket.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
const lastBotReply = (conversationId: string) =>
  db.message.findFirstOrThrow({
    where: { conversationId, role: "bot" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });

/** A guest's hand-off with a reply address, answered by the team. */
async function answeredHandoff(email: string): Promise<{ conversationId: string; ticketId: string }> {
  const { conversationId } = await say("I'd like to talk to a real person please");
  await say(email, conversationId);
  const [ticket] = await ticketsOf(conversationId);
  const replied = await replyToTicket(db, DEMO_SHOP, ticket.id, "Hi, your exchange is approved.", { mailer: null });
  expect(replied?.ok).toBe(true);
  return { conversationId, ticketId: ticket.id };
}

describe("filing a hand-off", () => {
  it("files nothing for a guest until they leave a reply address; then one ticket, with the request and the address", async () => {
    const { conversationId, reply } = await say("I'd like to talk to a real person please");
    expect(reply).toMatch(/email/i);
    expect(await ticketsOf(conversationId)).toEqual([]);

    await say("jamie.rivera@example.com", conversationId);
    const tickets = await ticketsOf(conversationId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      kind: "handoff",
      reasonCategory: "asked_for_person",
      contactEmail: "jamie.rivera@example.com",
      summary: "I'd like to talk to a real person please",
    });
  });

  it("files at once for a logged-in customer: the team can reach them through their account", async () => {
    const { conversationId } = await say("I'd like to talk to a real person please", undefined, CUSTOMER);
    expect(await ticketsOf(conversationId)).toMatchObject([
      { kind: "handoff", reasonCategory: "asked_for_person", contactEmail: null },
    ]);
  });

  it("records why: a complaint, and a request for a person right after the bot couldn't help", async () => {
    const complaint = await say(
      "This is unacceptable, the jacket I got is torn and nobody answers my emails. I want a person",
      undefined,
      CUSTOMER,
    );
    expect((await ticketsOf(complaint.conversationId)).map((t) => t.reasonCategory)).toEqual(["complaint"]);

    const stuck = await say("blorft zingle wozzle", undefined, CUSTOMER);
    expect(["clarification", "no_answer"]).toContain((await lastBotReply(stuck.conversationId)).replyKind);
    await say("Talk to a person", stuck.conversationId, CUSTOMER);
    expect((await ticketsOf(stuck.conversationId)).map((t) => t.reasonCategory)).toEqual(["couldnt_answer"]);
  });
});

describe("after the team has replied", () => {
  it("the shopper's reply goes to the ticket, reopened and marked, the team is emailed, and the bot only acknowledges it", async () => {
    process.env.SMTP_URL = smtp.url;
    process.env.SMTP_FROM = "Shop <support@shop.example>";
    const { conversationId, ticketId } = await answeredHandoff("pat.doe@example.com");

    const followUp = "Thanks, but where is order #1006 now? It still hasn't arrived";
    const { reply } = await say(followUp, conversationId);
    expect(reply).toMatch(/added this to your request/);
    const bot = await lastBotReply(conversationId);
    // No order was looked up on the hand-off's address: the team has it.
    expect(bot).toMatchObject({ replyKind: "team_followup", lookups: "[]" });
    const ticket = (await listTickets(db, DEMO_SHOP, "open")).find((t) => t.id === ticketId);
    expect(ticket).toMatchObject({ status: "open", shopperWroteBack: true });
    expect(await ticketsOf(conversationId)).toHaveLength(1);

    await vi.waitFor(() => expect(smtp.mails.filter((m) => m.to.includes(TEAM))).toHaveLength(1), { timeout: 10_000 });
    const notice = smtp.mails.find((m) => m.to.includes(TEAM))!;
    expect(notice.text).toContain(followUp);
    expect(notice.header("reply-to")).toContain("pat.doe@example.com");

    // A second message while the ticket is open again joins it; the team was already told.
    expect((await say("Also, the box was damaged", conversationId)).reply).toMatch(/added this to your request/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.filter((m) => m.to.includes(TEAM))).toHaveLength(1);
  });

  it("a new question about the shop is answered as usual, and the team's reply stands", async () => {
    const { conversationId, ticketId } = await answeredHandoff("sam.lee@example.com");
    const { reply } = await say("What is your return policy?", conversationId);
    expect(reply).not.toMatch(/added this to your request/);
    expect(await lastBotReply(conversationId)).toMatchObject({ replyKind: "answer", intent: "return_policy" });
    expect(await db.handoffTicket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "replied" });
  });
});
