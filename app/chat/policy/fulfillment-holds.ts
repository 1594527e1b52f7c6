/**
 * Why an order isn't leaving: Shopify's fulfillment holds. A held order must never be described
 * as "leaving within N days"; the reason decides what the shopper is told (never the merchant's
 * hold notes, which are written for staff).
 */
import type { Order } from "../../commerce/types";

export type HoldReason = "verification" | "payment" | "address" | "stock" | "other";

export interface HoldVerdict {
  held: true;
  reason: HoldReason;
}

const REASONS: Record<string, HoldReason> = {
  HIGH_RISK_OF_FRAUD: "verification",
  AWAITING_PAYMENT: "payment",
  INCORRECT_ADDRESS: "address",
  INVENTORY_OUT_OF_STOCK: "stock",
};

// The reason that asks most of the shopper is the one told.
const BY_PRIORITY: HoldReason[] = ["verification", "payment", "address", "stock", "other"];

/** The order's hold, when something still to ship is on hold; null when nothing is held. */
export function fulfillmentHold(order: Order): HoldVerdict | null {
  if (order.cancelledAt) return null;
  // Paid by cash voucher or bank transfer and not yet received: nothing is prepared until it is.
  if (order.displayFinancialStatus === "PENDING" && order.fulfillments.length === 0)
    return { held: true, reason: "payment" };
  const held = order.fulfillmentOrders.filter((f) => f.status === "ON_HOLD");
  if (held.length === 0 && order.displayFulfillmentStatus !== "ON_HOLD") return null;
  const reasons = held.flatMap((f) => f.holdReasons).map((r) => REASONS[r] ?? "other");
  return { held: true, reason: BY_PRIORITY.find((r) => reasons.includes(r)) ?? "other" };
}
