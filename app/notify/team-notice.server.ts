/**
 * Telling the merchant's team that a shopper wrote back after their reply to a hand-off: an email
 * to the shop's hand-off address (Settings), when the app can send email and the merchant set one.
 */
import type { Db } from "../db.server";
import { getShopSettings } from "../settings.server";
import type { Mailer } from "./mailer.server";

export interface AnsweredTicket {
  id: string;
  status: string;
  summary: string;
  orderNumber: string | null;
  contactEmail: string | null;
}

/** Sends one notice for the tickets the shopper's message reopened; resolves once it is sent (or not needed). */
export async function notifyShopperWroteBack(
  db: Db,
  mailer: Mailer,
  shop: string,
  tickets: AnsweredTicket[],
  text: string,
): Promise<void> {
  const to = (await getShopSettings(db, shop)).handoffEmail.trim();
  if (!to || tickets.length === 0) return;
  const [ticket] = tickets;
  const about = ticket.orderNumber ? ` (order ${ticket.orderNumber})` : "";
  await mailer.send({
    to,
    // A reply goes to the shopper when they left an address.
    replyTo: ticket.contactEmail ?? undefined,
    subject: `The shopper wrote back: ${ellipsis(ticket.summary, 60)}${about}`,
    text: [
      `A shopper you replied to wrote back${about}:`,
      "",
      text,
      "",
      "—",
      `Their request: ${ellipsis(ticket.summary, 300)}`,
      "The hand-off is open again under Hand-offs in the app, with the whole conversation.",
    ].join("\n"),
  });
}

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
