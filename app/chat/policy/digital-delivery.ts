/**
 * Items delivered without a parcel (gift cards, courses, e-books): Shopify marks their lines
 * requiresShipping false and fulfils them by email, with no carrier and no tracking.
 */
import type { Fulfillment, Order } from "../../commerce/types";

/** Whether this fulfillment only holds items sent by email (so it has no carrier to name). */
export function isEmailedFulfillment(order: Order, fulfillment: Fulfillment): boolean {
  if (fulfillment.trackingInfo.some((t) => t.company || t.number)) return false;
  const byId = new Map(order.lineItems.map((line) => [line.id, line]));
  return (
    fulfillment.lines.length > 0 && fulfillment.lines.every((l) => byId.get(l.lineItemId)?.requiresShipping === false)
  );
}

/** Whether nothing on the order travels by parcel. */
export function isDigitalOnly(order: Order): boolean {
  return order.lineItems.length > 0 && order.lineItems.every((line) => !line.requiresShipping);
}
