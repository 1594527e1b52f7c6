/**
 * Shopify's mandatory privacy webhooks, and uninstall: each deletes or exports exactly the data
 * it names and nothing else.
 */
import type { Db } from "../db.server";
import { customerGid } from "../commerce/store";

export interface CustomerRef {
  id?: number | string | null;
  email?: string | null;
}


/** Conversations of one shopper in one shop: theirs when logged in, or guest ones where they typed their email. */
async function shopperConversationIds(db: Db, shop: string, customer: CustomerRef): Promise<string[]> {
  const gid = customer.id === null || customer.id === undefined || customer.id === "" ? null : customerGid(String(customer.id));
  const email = customer.email?.trim();
  const byCustomer = gid ? await db.conversation.findMany({ where: { shop, customerId: gid }, select: { id: true } }) : [];
  const byEmail = email
    ? await db.message.findMany({
        where: { shop, role: "shopper", OR: [{ text: { contains: email } }, { text: { contains: email.toLowerCase() } }] },
        select: { conversationId: true },
        distinct: ["conversationId"],
      })
    : [];
  return [...new Set([...byCustomer.map((c) => c.id), ...byEmail.map((m) => m.conversationId)])];
}

export async function exportShopperData(db: Db, shop: string, customer: CustomerRef) {
  const ids = await shopperConversationIds(db, shop, customer);
  const conversations = await db.conversation.findMany({
    where: { shop, id: { in: ids } },
    include: { messages: { orderBy: { createdAt: "asc" }, select: { role: true, text: true, createdAt: true } } },
  });
  return {
    shop,
    customer: { id: customer.id ?? null, email: customer.email ?? null },
    conversations: conversations.map((c) => ({
      id: c.id,
      startedAt: c.createdAt.toISOString(),
      messages: c.messages.map((m) => ({ role: m.role, text: m.text, at: m.createdAt.toISOString() })),
    })),
  };
}

/**
 * Deletes the shopper's conversations (messages, feedback and tickets go with them), and what the
 * merchant's teaching copied out of them: approved answers made from their questions, and their
 * relabelled messages among the examples stored with the shop's model versions.
 */
export async function redactShopper(db: Db, shop: string, customer: CustomerRef): Promise<number> {
  const ids = await shopperConversationIds(db, shop, customer);
  const messages = await db.message.findMany({ where: { shop, conversationId: { in: ids }, role: "shopper" }, select: { id: true, text: true } });
  const [, { count }] = await db.$transaction([
    db.approvedAnswer.deleteMany({ where: { shop, sourceMessageId: { in: messages.map((m) => m.id) } } }),
    db.conversation.deleteMany({ where: { shop, id: { in: ids } } }),
  ]);
  const texts = new Set(messages.map((m) => m.text));
  for (const version of await db.modelVersion.findMany({ where: { shop }, select: { id: true, examples: true } })) {
    const examples = JSON.parse(version.examples) as { text: string }[];
    const kept = examples.filter((example) => !texts.has(example.text));
    if (kept.length < examples.length) await db.modelVersion.update({ where: { id: version.id }, data: { examples: JSON.stringify(kept) } });
  }
  return count;
}

export async function redactShop(db: Db, shop: string): Promise<void> {
  await db.$transaction([
    db.conversation.deleteMany({ where: { shop } }),
    db.approvedAnswer.deleteMany({ where: { shop } }),
    db.modelVersion.deleteMany({ where: { shop } }),
    db.shopSettings.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
  ]);
}

/** Whether the shop has the app: any stored session means it does (uninstalling deletes them). */
export async function shopInstalled(db: Db, shop: string): Promise<boolean> {
  return (await db.session.count({ where: { shop } })) > 0;
}

/** On uninstall the access tokens are useless; transcripts stay until shop/redact (48 h later). */
export async function forgetSessions(db: Db, shop: string): Promise<void> {
  await db.session.deleteMany({ where: { shop } });
}
