/**
 * Shopify's mandatory privacy webhooks, and uninstall: each deletes or exports exactly the data
 * it names and nothing else.
 */
import type { Db } from "../db.server";
import { invalidateShop } from "../shop-cache.server";
import { customerGid } from "../commerce/store";
import { mentionsEmail, verifiedOrderIn } from "./matching";

export interface CustomerRef {
  id?: number | string | null;
  email?: string | null;
}

/** Whose data a webhook names: the customer, and the names ("#1014") of the orders it lists. */
export interface ShopperRef {
  customer: CustomerRef;
  orderNames: string[];
}

export function customerGidOf(customer: CustomerRef): string | null {
  return customer.id === null || customer.id === undefined || customer.id === ""
    ? null
    : customerGid(String(customer.id));
}

/**
 * Conversations of one shopper in one shop: their own as a logged-in customer, and guest ones
 * where they wrote their whole email address or proved one of the named orders. Another
 * customer's logged-in conversation is never theirs, whatever it mentions.
 */
export async function shopperConversationIds(
  db: Db,
  shop: string,
  { customer, orderNames }: ShopperRef,
): Promise<string[]> {
  const gid = customerGidOf(customer);
  const email = customer.email?.trim() ?? "";
  const [own, byEmail, byOrder] = await Promise.all([
    gid
      ? db.conversation
          .findMany({ where: { shop, customerId: gid }, select: { id: true } })
          .then((rows) => rows.map((r) => r.id))
      : [],
    email ? guestConversationsMentioning(db, shop, email) : [],
    orderNames.length ? guestConversationsVerifying(db, shop, orderNames) : [],
  ]);
  return [...new Set([...own, ...byEmail, ...byOrder])];
}

async function guestConversationsMentioning(db: Db, shop: string, email: string): Promise<string[]> {
  // LIKE narrows the rows in the database, case-insensitively on both engines; mentionsEmail decides.
  const pattern = `%${email.toLowerCase()}%`;
  const messages = await db.$queryRaw<{ conversationId: string; text: string }[]>`
    SELECT m."conversationId", m."text" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE m."shop" = ${shop} AND m."role" = 'shopper' AND c."customerId" IS NULL AND LOWER(m."text") LIKE ${pattern}`;
  const tickets = await db.handoffTicket.findMany({
    where: { shop, contactEmail: { not: null }, conversation: { customerId: null } },
    select: { conversationId: true, contactEmail: true },
  });
  return [
    ...messages.filter((m) => mentionsEmail(m.text, email)).map((m) => m.conversationId),
    ...tickets.filter((t) => t.contactEmail!.trim().toLowerCase() === email.toLowerCase()).map((t) => t.conversationId),
  ];
}

async function guestConversationsVerifying(db: Db, shop: string, orderNames: string[]): Promise<string[]> {
  const names = new Set(orderNames);
  const replies = await db.message.findMany({
    where: {
      shop,
      role: "bot",
      conversation: { customerId: null },
      OR: orderNames.map((name) => ({ lookups: { contains: JSON.stringify(name) } })),
    },
    select: { conversationId: true, lookups: true },
  });
  return replies.filter((reply) => verifiedOrderIn(reply.lookups, names)).map((reply) => reply.conversationId);
}

export interface ShopperExport {
  shop: string;
  customer: { id: string | number | null; email: string | null };
  orders: string[];
  exportedAt: string;
  conversations: {
    id: string;
    startedAt: string;
    csat: number | null;
    csatComment: string | null;
    messages: { role: string; text: string; at: string }[];
    requests: {
      kind: string;
      summary: string;
      orderNumber: string | null;
      contactEmail: string | null;
      reply: string | null;
      at: string;
    }[];
  }[];
}

export async function exportShopperData(
  db: Db,
  shop: string,
  shopper: ShopperRef,
  now: Date = new Date(),
): Promise<ShopperExport> {
  const ids = await shopperConversationIds(db, shop, shopper);
  const conversations = await db.conversation.findMany({
    where: { shop, id: { in: ids } },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { role: true, text: true, createdAt: true } },
      tickets: { orderBy: { createdAt: "asc" } },
    },
  });
  return {
    shop,
    customer: { id: shopper.customer.id ?? null, email: shopper.customer.email ?? null },
    orders: shopper.orderNames,
    exportedAt: now.toISOString(),
    conversations: conversations.map((c) => ({
      id: c.id,
      startedAt: c.createdAt.toISOString(),
      csat: c.csat,
      csatComment: c.csatComment,
      messages: c.messages.map((m) => ({ role: m.role, text: m.text, at: m.createdAt.toISOString() })),
      requests: c.tickets.map((t) => ({
        kind: t.kind,
        summary: t.summary,
        orderNumber: t.orderNumber,
        contactEmail: t.contactEmail,
        reply: t.reply,
        at: t.createdAt.toISOString(),
      })),
    })),
  };
}

/**
 * Deletes the shopper's conversations (messages, feedback and tickets go with them), what the
 * merchant's teaching copied out of them (approved answers made from their questions, their
 * relabelled messages among the examples stored with the shop's model versions), and the data
 * exports made for them.
 */
export async function redactShopper(db: Db, shop: string, shopper: ShopperRef): Promise<number> {
  const ids = await shopperConversationIds(db, shop, shopper);
  const messages = await db.message.findMany({
    where: { shop, conversationId: { in: ids }, role: "shopper" },
    select: { id: true, text: true },
  });
  const gid = customerGidOf(shopper.customer);
  const email = shopper.customer.email?.trim().toLowerCase();
  const exportsOf = [...(gid ? [{ customerId: gid }] : []), ...(email ? [{ customerEmail: email }] : [])];
  const [, { count }] = await db.$transaction([
    db.approvedAnswer.deleteMany({ where: { shop, sourceMessageId: { in: messages.map((m) => m.id) } } }),
    db.conversation.deleteMany({ where: { shop, id: { in: ids } } }),
    ...(exportsOf.length ? [db.dataRequestExport.deleteMany({ where: { shop, OR: exportsOf } })] : []),
  ]);
  const texts = new Set(messages.map((m) => m.text));
  for (const version of await db.modelVersion.findMany({ where: { shop }, select: { id: true, examples: true } })) {
    const examples = JSON.parse(version.examples) as { text: string }[];
    const kept = examples.filter((example) => !texts.has(example.text));
    if (kept.length < examples.length)
      await db.modelVersion.update({ where: { id: version.id }, data: { examples: JSON.stringify(kept) } });
  }
  // Cached approved answers may quote the erased questions: the next message reads them afresh.
  invalidateShop(shop);
  return count;
}

export async function redactShop(db: Db, shop: string): Promise<void> {
  await db.$transaction([
    db.conversation.deleteMany({ where: { shop } }),
    db.approvedAnswer.deleteMany({ where: { shop } }),
    db.modelVersion.deleteMany({ where: { shop } }),
    db.shopSettings.deleteMany({ where: { shop } }),
    db.dataRequestExport.deleteMany({ where: { shop } }),
    db.verificationAttempt.deleteMany({ where: { shop } }),
    db.orderChangeCode.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
  ]);
  invalidateShop(shop);
}

/** Whether the shop has the app: any stored session means it does (uninstalling deletes them). */
export async function shopInstalled(db: Db, shop: string): Promise<boolean> {
  return (await db.session.count({ where: { shop } })) > 0;
}

/** On uninstall the access tokens are useless; transcripts stay until shop/redact (48 h later). */
export async function forgetSessions(db: Db, shop: string): Promise<void> {
  await db.session.deleteMany({ where: { shop } });
  invalidateShop(shop);
}
