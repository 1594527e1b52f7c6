/**
 * Stage 4 of the pipeline: the verification policy, enforced where order data is fetched so no
 * wording downstream can leak it. An order is revealed only to
 *   - the logged-in customer who owns it (the app proxy's logged_in_customer_id), or
 *   - a shopper who gives its order number AND the email on the order.
 * A wrong email, an unknown number and someone else's order all look the same: "denied".
 *
 * verifyOrderAccess adds what one conversation can't see on its own, and is the only way either
 * engine reaches an order: failed verifications are counted across conversations (attempts.ts)
 * and a locked key gets no lookups; and a shopper who says the order is someone else's is not
 * verified for it by email, whatever email they give.
 */
import type { Order } from "../commerce/types";
import { attemptKeys, type AttemptStore } from "./attempts";

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
  | { kind: "no_orders" }
  /** Too many failed verifications on a key this attempt involves; nothing was checked. */
  | { kind: "locked"; retryAfterMs: number }
  /** The shopper said the order is someone else's. */
  | { kind: "not_theirs" };

export interface GuardedClaim extends OrderClaim {
  /** Who is asking, as the proxy's rate limits see it (Shopper.clientKey). */
  clientKey?: string | null;
  /** The shopper said the order is someone else's (DialogueState.thirdPartyClaim). */
  thirdParty?: boolean;
}

/**
 * The verification policy with its guards. The logged-in owner of an order is never guessing, so
 * nothing below applies to them; every other outcome is checked against the locks first (even a
 * right pair gets nothing while locked), and a miss counts against the shopper, the email and
 * the order number alike.
 */
export async function verifyOrderAccess(
  reader: OrderReader,
  attempts: AttemptStore,
  claim: GuardedClaim,
): Promise<OrderAccess> {
  const keys = attemptKeys({ ...claim, orderNumber: claim.orderNumber ?? null });
  const lockedFor = async (): Promise<OrderAccess | null> => {
    const locked = await attempts.lockedFor(keys);
    return locked !== null ? { kind: "locked", retryAfterMs: locked } : null;
  };
  // A guest can't be an owner: a locked guest costs no order lookup at all.
  if (!claim.customerId && !claim.thirdParty) {
    const locked = await lockedFor();
    if (locked) return locked;
  }
  const access = await findShopperOrder(reader, claim);
  if (access.kind === "verified" && access.via === "customer" && (claim.orderNumber || !claim.thirdParty))
    return access;
  if (claim.thirdParty) return { kind: "not_theirs" };
  if (claim.customerId) {
    const locked = await lockedFor();
    if (locked) return locked;
  }
  if (access.kind !== "denied") return access;
  const lockedNow = await attempts.recordFailure(keys);
  return lockedNow !== null ? { kind: "locked", retryAfterMs: lockedNow } : access;
}

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
    const moving = o.fulfillments.some(
      (f) => f.displayStatus && !["DELIVERED", "CANCELED", "CANCELLED"].includes(f.displayStatus),
    );
    const waiting = o.lineItems.some((l) => l.unfulfilledQuantity > 0);
    return moving || waiting ? 2 : 1;
  };
  return [...orders].sort((a, b) => score(b) - score(a) || b.createdAt.localeCompare(a.createdAt));
}
