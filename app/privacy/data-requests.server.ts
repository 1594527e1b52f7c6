/**
 * A customer's data request reaches the merchant: the export is kept for download in the admin
 * (Privacy requests) and emailed to the shop's hand-off address when SMTP is set up. Shopify only
 * tells the app about the request; answering the customer is the merchant's job.
 */
import type { Db } from "../db.server";
import { describeMailError, type Mailer } from "../notify/mailer.server";
import { customerGidOf, type ShopperExport } from "./compliance.server";

/** Stores the export under Shopify's request id: the same request again refreshes it. */
export async function keepDataRequest(db: Db, shop: string, requestId: string, data: ShopperExport) {
  const fields = {
    customerId: customerGidOf(data.customer),
    customerEmail: data.customer.email?.trim().toLowerCase() || null,
    conversations: data.conversations.length,
    data: JSON.stringify(data, null, 2),
  };
  return db.dataRequestExport.upsert({
    where: { shop_requestId: { shop, requestId } },
    create: { shop, requestId, ...fields },
    update: fields,
  });
}

/**
 * Emails the export to the shop's hand-off address once; the outcome is kept with the export
 * (which shop/redact or customers/redact may have deleted in the meantime).
 */
export async function emailDataRequest(db: Db, shop: string, exportId: string, mailer: Mailer | null): Promise<void> {
  // Read, not getShopSettings: this must not recreate the settings of a shop erased meanwhile.
  const handoffEmail = (await db.shopSettings.findUnique({ where: { shop }, select: { handoffEmail: true } }))
    ?.handoffEmail;
  if (!mailer || !handoffEmail) return;
  const stored = await db.dataRequestExport.findFirst({ where: { id: exportId, shop } });
  if (!stored || stored.emailedAt) return;
  const data = JSON.parse(stored.data) as ShopperExport;
  let outcome: { emailedAt: Date; emailError: null } | { emailError: string };
  try {
    await mailer.send({
      to: handoffEmail,
      subject: `Customer data request: ${customerLabel(data)}`,
      text: renderExport(data),
    });
    outcome = { emailedAt: new Date(), emailError: null };
  } catch (error) {
    outcome = { emailError: describeMailError(error) };
  }
  await db.dataRequestExport.updateMany({ where: { id: exportId }, data: { emailedTo: handoffEmail, ...outcome } });
}

export function customerLabel(data: Pick<ShopperExport, "customer">): string {
  return data.customer.email || (data.customer.id !== null ? `customer ${data.customer.id}` : "unknown customer");
}

/** The export as plain text: what the customer asked for, readable without tools. */
export function renderExport(data: ShopperExport): string {
  const lines = [
    `Shopify sent a data request for ${customerLabel(data)} (${data.shop}).`,
    `Below is everything the support chat keeps about them: ${data.conversations.length} conversation(s)${data.orders.length ? ` (orders ${data.orders.join(", ")})` : ""}.`,
    "Send it to the customer. The same export can be downloaded as JSON under Privacy requests in the app.",
  ];
  for (const conversation of data.conversations) {
    lines.push("", `Conversation started ${conversation.startedAt}`);
    for (const message of conversation.messages) lines.push(`  [${message.at}] ${message.role}: ${message.text}`);
    for (const request of conversation.requests)
      lines.push(
        `  Request to the team (${request.kind}, ${request.at}): ${request.summary}${request.reply ? `\n    Team's reply: ${request.reply}` : ""}`,
      );
    if (conversation.csat !== null)
      lines.push(`  Rating: ${conversation.csat}/5${conversation.csatComment ? ` — ${conversation.csatComment}` : ""}`);
  }
  return lines.join("\n");
}

export async function listDataRequests(db: Db, shop: string, take = 50) {
  return db.dataRequestExport.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      requestId: true,
      customerEmail: true,
      customerId: true,
      conversations: true,
      emailedTo: true,
      emailedAt: true,
      emailError: true,
      createdAt: true,
    },
  });
}

/** The export as the merchant downloads it, or null when this shop has no such export. */
export async function dataRequestDownload(
  db: Db,
  shop: string,
  id: string,
): Promise<{ filename: string; body: string } | null> {
  const stored = await db.dataRequestExport.findFirst({ where: { id, shop }, select: { requestId: true, data: true } });
  return stored
    ? { filename: `data-request-${stored.requestId.replace(/[^\w-]/g, "")}.json`, body: stored.data }
    : null;
}
