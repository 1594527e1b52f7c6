/**
 * The hand-off inbox: work for a person on the merchant's team. Every read and write is scoped by
 * the authenticated shop: a ticket id from another shop is simply not found.
 *
 * A reply is stored on the ticket (status "replied") and appended to the conversation as a message
 * with role "agent", so the shopper sees it in the bubble; when SMTP is configured (SMTP_URL,
 * SMTP_FROM — app/notify/mailer.server.ts) and the shopper left an email, it is emailed too.
 */
import type { Db } from "../db.server";
import { agentMessageWrites } from "../chat/transcript.server";
import { describeMailError, mailerFromEnv, type Mailer } from "../notify/mailer.server";
import { getShopSettings } from "../settings.server";
import type { Commerce } from "../commerce/store";
import type { HandoffReason } from "../chat/handoff-reason";

export const TICKET_STATUSES = ["open", "replied", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const MAX_REPLY_LENGTH = 5000;

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === "string" && (TICKET_STATUSES as readonly string[]).includes(value);
}

export const KIND_LABELS: Record<string, string> = {
  handoff: "Wants a person",
  complaint: "Complaint",
  cancel_request: "Cancel order",
  change_request: "Change items",
  address_request: "Change address",
  return_request: "Return",
  reship_request: "Reship",
  invoice_request: "Invoice",
  trace_request: "Carrier trace",
};

/** Why the bot handed over (app/chat/handoff-reason.ts), in the merchant's words. */
export const REASON_LABELS: Record<HandoffReason, string> = {
  asked_for_person: "Asked for a person",
  complaint: "Complaint",
  couldnt_answer: "The bot couldn't answer",
  needs_approval: "Action needs approval",
  verification_failed: "Order verification failed",
};

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason as HandoffReason] ?? reason;
}

export interface TicketRow {
  id: string;
  conversationId: string;
  kind: string;
  kindLabel: string;
  reasonCategory: string;
  reasonLabel: string;
  status: string;
  summary: string;
  orderNumber: string | null;
  contactEmail: string | null;
  /** The shopper's Shopify customer (GID) when they were logged in. */
  customerId: string | null;
  /** Who the shopper is, for display: their name (a logged-in customer, see withCustomerNames) or email. */
  contact: string;
  /** A second line under `contact`: a named customer's email. */
  contactDetail: string | null;
  createdAt: string;
  repliedAt: string | null;
  /** The shopper wrote after the team's last reply: unread. */
  shopperWroteBack: boolean;
}

export const TICKET_PAGE_SIZE = 50;

/**
 * The newest tickets, optionally with one status (anything else lists every status); `after` a
 * ticket id continues the list past it (the inbox's next page).
 */
export async function listTickets(
  db: Db,
  shop: string,
  status: string | null,
  options: { after?: string | null; take?: number } = {},
): Promise<TicketRow[]> {
  const tickets = await db.handoffTicket.findMany({
    where: { shop, ...(isTicketStatus(status) ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? TICKET_PAGE_SIZE,
    ...(options.after ? { cursor: { id: options.after }, skip: 1 } : {}),
    include: { conversation: { select: { customerId: true } } },
  });
  // Each conversation's newest shopper message, in one query: what the team hasn't answered yet.
  const replied = tickets.filter((t) => t.repliedAt);
  const latest = replied.length
    ? await db.message.groupBy({
        by: ["conversationId"],
        where: { shop, role: "shopper", conversationId: { in: replied.map((t) => t.conversationId) } },
        _max: { createdAt: true },
      })
    : [];
  const lastWord = new Map(latest.map((row) => [row.conversationId, row._max.createdAt]));
  return tickets.map((ticket) => toRow(ticket, lastWord.get(ticket.conversationId) ?? null));
}

/**
 * The inbox's rows with logged-in customers named as in Shopify (name, and email beneath), looked
 * up through the Admin API in one request. If that fails the inbox still opens, without the names.
 */
export async function withCustomerNames(
  commerce: Pick<Commerce, "customersByIds">,
  rows: TicketRow[],
): Promise<TicketRow[]> {
  const ids = rows.filter((row) => row.customerId && !row.contactEmail).map((row) => row.customerId!);
  if (ids.length === 0) return rows;
  const found = await commerce.customersByIds(ids).catch((error) => {
    console.error("hand-off inbox: customer names unavailable", error instanceof Error ? error.message : error);
    return new Map();
  });
  return rows.map((row) => {
    const customer = row.customerId && !row.contactEmail ? found.get(row.customerId) : undefined;
    return customer ? { ...row, contact: customer.name, contactDetail: customer.email } : row;
  });
}

/** How many tickets have each status, for the inbox's tabs. */
export async function ticketCounts(db: Db, shop: string): Promise<Record<TicketStatus, number>> {
  const groups = await db.handoffTicket.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  const counts: Record<TicketStatus, number> = { open: 0, replied: 0, closed: 0 };
  for (const group of groups) if (isTicketStatus(group.status)) counts[group.status] = group._count._all;
  return counts;
}

export interface TicketDetail {
  ticket: TicketRow & { reply: string | null };
  conversation: {
    id: string;
    status: string;
    language: string;
    csat: number | null;
    csatComment: string | null;
    messages: { id: string; role: string; text: string; createdAt: string }[];
  };
}

export async function getTicket(db: Db, shop: string, id: string): Promise<TicketDetail | null> {
  // (The ticket's shopperWroteBack is read off its transcript below.)
  const ticket = await db.handoffTicket.findFirst({
    where: { id, shop },
    include: {
      conversation: {
        include: {
          messages: {
            where: { shop },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, role: true, text: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!ticket) return null;
  const { conversation } = ticket;
  const lastWord = conversation.messages.filter((m) => m.role === "shopper").at(-1)?.createdAt ?? null;
  return {
    ticket: { ...toRow(ticket, lastWord), reply: ticket.reply },
    conversation: {
      id: conversation.id,
      status: conversation.status,
      language: conversation.language,
      csat: conversation.csat,
      csatComment: conversation.csatComment,
      messages: conversation.messages.map((m) => ({
        id: m.id,
        role: m.role,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      })),
    },
  };
}

export type EmailOutcome =
  | { status: "sent"; to: string }
  | { status: "skipped"; reason: "no_smtp" | "no_contact_email" }
  | { status: "failed"; to: string; error: string };

export type ReplyOutcome = { ok: true; messageId: string; email: EmailOutcome } | { ok: false; error: string };

export interface ReplyOptions {
  /** Defaults to the SMTP_URL/SMTP_FROM mailer; null sends no email. */
  mailer?: Mailer | null;
  now?: Date;
}

/**
 * The team's reply to a ticket: stored on the ticket and in the conversation (one transaction),
 * then emailed when possible. A failed email doesn't undo the reply. Null: no such ticket in this shop.
 */
export async function replyToTicket(
  db: Db,
  shop: string,
  id: string,
  text: string,
  options: ReplyOptions = {},
): Promise<ReplyOutcome | null> {
  const ticket = await db.handoffTicket.findFirst({ where: { id, shop } });
  if (!ticket) return null;
  const reply = text.replace(/\r\n?/g, "\n").trim();
  if (!reply) return { ok: false, error: "Write a reply first." };
  if (reply.length > MAX_REPLY_LENGTH)
    return { ok: false, error: `Keep the reply under ${MAX_REPLY_LENGTH} characters.` };

  const now = options.now ?? new Date();
  const [, message] = await db.$transaction([
    db.handoffTicket.update({ where: { id: ticket.id, shop }, data: { status: "replied", reply, repliedAt: now } }),
    ...agentMessageWrites(db, { id: ticket.conversationId, shop }, reply, now),
  ]);

  const mailer = options.mailer === undefined ? mailerFromEnv() : options.mailer;
  let email: EmailOutcome;
  if (!ticket.contactEmail) email = { status: "skipped", reason: "no_contact_email" };
  else if (!mailer) email = { status: "skipped", reason: "no_smtp" };
  else {
    const settings = await getShopSettings(db, shop);
    try {
      await mailer.send({
        to: ticket.contactEmail,
        replyTo: settings.handoffEmail || undefined,
        subject: ticket.orderNumber ? `About your order ${ticket.orderNumber}` : "A reply to your question",
        text: replyEmailText(reply, ticket.orderNumber),
      });
      email = { status: "sent", to: ticket.contactEmail };
    } catch (error) {
      console.error("hand-off reply email failed", describeMailError(error));
      email = { status: "failed", to: ticket.contactEmail, error: describeMailError(error) };
    }
  }
  return { ok: true, messageId: message.id, email };
}

/** Done with: the ticket leaves the open and replied lists. False: no such ticket in this shop. */
export async function closeTicket(db: Db, shop: string, id: string): Promise<boolean> {
  const { count } = await db.handoffTicket.updateMany({ where: { id, shop }, data: { status: "closed" } });
  return count === 1;
}

/** Back to open (e.g. closed by mistake). */
export async function reopenTicket(db: Db, shop: string, id: string): Promise<boolean> {
  const { count } = await db.handoffTicket.updateMany({ where: { id, shop }, data: { status: "open" } });
  return count === 1;
}

/** The email body: the reply as written, then where the conversation can go on. */
export function replyEmailText(reply: string, orderNumber: string | null): string {
  return [
    reply,
    "",
    "—",
    ...(orderNumber ? [`Order ${orderNumber}`] : []),
    "Reply to this email, or continue the conversation in the chat on our store.",
  ].join("\n");
}

function toRow(
  ticket: {
    id: string;
    conversationId: string;
    kind: string;
    reasonCategory: string;
    status: string;
    summary: string;
    orderNumber: string | null;
    contactEmail: string | null;
    createdAt: Date;
    repliedAt: Date | null;
    conversation: { customerId: string | null };
  },
  lastShopperMessageAt: Date | null,
): TicketRow {
  return {
    id: ticket.id,
    conversationId: ticket.conversationId,
    kind: ticket.kind,
    kindLabel: KIND_LABELS[ticket.kind] ?? ticket.kind,
    reasonCategory: ticket.reasonCategory,
    reasonLabel: reasonLabel(ticket.reasonCategory),
    status: ticket.status,
    summary: ticket.summary,
    orderNumber: ticket.orderNumber,
    contactEmail: ticket.contactEmail,
    customerId: ticket.conversation.customerId,
    // A customer id means nothing to the team: withCustomerNames puts the name in its place.
    contact: ticket.contactEmail ?? (ticket.conversation.customerId ? "Logged-in customer" : "Guest (no email)"),
    contactDetail: null,
    createdAt: ticket.createdAt.toISOString(),
    repliedAt: ticket.repliedAt?.toISOString() ?? null,
    // Reopened by the shopper's message (a question the bot answered itself leaves it "replied").
    shopperWroteBack:
      ticket.status === "open" &&
      !!ticket.repliedAt &&
      !!lastShopperMessageAt &&
      lastShopperMessageAt > ticket.repliedAt,
  };
}
