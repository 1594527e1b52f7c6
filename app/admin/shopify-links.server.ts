/**
 * The Shopify records behind a conversation, as links into the Shopify admin: the logged-in
 * customer (named as in Shopify) and the orders the conversation is about. `shopify://admin/…` is
 * App Bridge's address for an admin page; opened with target="_top" it leaves the app's frame.
 */
import type { Commerce } from "../commerce/store";

export interface ShopifyRecords {
  customer: { name: string; email: string | null; url: string } | null;
  /** url null: Shopify has no order by that number (the shopper may have mistyped it). */
  orders: { name: string; url: string | null }[];
}

/** At most this many orders are looked up for one transcript (each is an Admin API request). */
const MAX_ORDERS = 5;

export function adminUrl(resource: "customers" | "orders", gid: string): string {
  return `shopify://admin/${resource}/${gid.split("/").pop()}`;
}

interface MessageFacts {
  role: string;
  entities: Record<string, string>;
  lookups: { kind: string; ref: string; outcome?: string }[];
}

/** Order numbers ("#1006") a shopper gave or the bot looked up, first mention first. */
export function ordersMentioned(messages: MessageFacts[]): string[] {
  const names = messages.flatMap((m) => [
    ...(m.entities.order_number ? [`#${m.entities.order_number.replace(/^#/, "")}`] : []),
    ...m.lookups.filter((l) => l.kind === "order" && /^#\d+$/.test(l.ref)).map((l) => l.ref),
  ]);
  return [...new Set(names)];
}

/** The customer (GID) and orders ("#1006"), looked up in Shopify; what can't be found has no link. */
export async function shopifyRecords(
  commerce: Pick<Commerce, "customersByIds" | "findOrderByNumber">,
  about: { customerId: string | null; orderNumbers: string[] },
): Promise<ShopifyRecords> {
  const names = [...new Set(about.orderNumbers)].slice(0, MAX_ORDERS);
  const [customers, orders] = await Promise.all([
    about.customerId ? commerce.customersByIds([about.customerId]).catch(() => null) : null,
    Promise.all(names.map((name) => commerce.findOrderByNumber(name).catch(() => null))),
  ]);
  const found = about.customerId ? customers?.get(about.customerId) : undefined;
  return {
    customer: about.customerId && found ? { ...found, url: adminUrl("customers", about.customerId) } : null,
    orders: names.map((name, i) => ({ name, url: orders[i] ? adminUrl("orders", orders[i]!.id) : null })),
  };
}
