/**
 * Stage 4 of the pipeline: the verification policy, enforced where order data is fetched so no
 * wording downstream can leak it. An order is revealed only to
 *   - the logged-in customer who owns it (the app proxy's logged_in_customer_id), or
 *   - a shopper who gives its order number AND the email on the order.
 * A wrong email, an unknown number and someone else's order all look the same: "denied".
 */
import type { Order } from "../commerce/types";

export interface OrderReader {
  findOrderByNumber(orderNumber: string): Promise<Order | null>;
  customerOrders(customerId: string, first?: number): Promise<Order[]>;
}

export interface OrderClaim {
  orderNumber?: string | null;
  email?: string | null;
  /** Shopify customer GID from the signed app proxy request, never from the shopper's text. */
  customerId?: string | null;
}

export type OrderAccess =
  | { kind: "verified"; order: Order; via: "customer" | "email"; otherOrders: Order[] }
  | { kind: "need_order_number"; loggedIn: boolean }
  | { kind: "need_email"; orderNumber: string }
  | { kind: "denied"; orderNumber: string }
  | { kind: "no_orders" };

export async function findShopperOrder(reader: OrderReader, claim: OrderClaim): Promise<OrderAccess> {
  const orderNumber = claim.orderNumber?.replace(/^#/, "") || null;
  const email = claim.email?.trim().toLowerCase() || null;
  const customerId = claim.customerId || null;

  if (orderNumber) {
    const order = await reader.findOrderByNumber(orderNumber);
    if (order && customerId && order.customerId === customerId) {
      return { kind: "verified", order, via: "customer", otherOrders: [] };
    }
    if (!email) return customerId ? { kind: "denied", orderNumber } : { kind: "need_email", orderNumber };
    if (order && order.email && order.email.toLowerCase() === email) {
      return { kind: "verified", order, via: "email", otherOrders: [] };
    }
    return { kind: "denied", orderNumber };
  }

  if (!customerId) return { kind: "need_order_number", loggedIn: false };
  const orders = await reader.customerOrders(customerId, 10);
  // The proxy's customer id is trusted, but re-check ownership in case the API returned extra rows.
  const own = orders.filter((o) => o.customerId === customerId);
  if (own.length === 0) return { kind: "no_orders" };
  const [order, ...otherOrders] = rankOrdersForQuestion(own);
  return { kind: "verified", order, via: "customer", otherOrders };
}

/** Which of a customer's orders "my order" most likely means: one still on its way, else the newest. */
export function rankOrdersForQuestion(orders: Order[]): Order[] {
  const score = (o: Order) => {
    if (o.cancelledAt) return 0;
    const moving = o.fulfillments.some((f) => f.displayStatus && !["DELIVERED", "CANCELED", "CANCELLED"].includes(f.displayStatus));
    const waiting = o.lineItems.some((l) => l.unfulfilledQuantity > 0);
    return moving || waiting ? 2 : 1;
  };
  return [...orders].sort((a, b) => score(b) - score(a) || b.createdAt.localeCompare(a.createdAt));
}
