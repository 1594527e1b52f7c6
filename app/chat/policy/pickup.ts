/**
 * Store pickup ("click & collect"): where an order collected at the shop stands, and how soon the
 * shop says a pickup order is ready, read from its own policies and FAQs.
 */
import type { Order } from "../../commerce/types";
import type { Passage } from "../knowledge";
import { normalize } from "../preprocess";
import { findDurations } from "../shop/durations";

export type PickupStage =
  { stage: "preparing" } | { stage: "ready"; since: string } | { stage: "collected"; at: string };

/** Whether the shopper collects this order at the shop rather than receiving a parcel. */
export function isPickupOrder(order: Order): boolean {
  if (order.fulfillmentOrders.some((f) => f.deliveryMethod === "PICK_UP")) return true;
  // A carrier's pickup point (a relay with a tracking number) is still a parcel, not the shop.
  return order.fulfillments.some(
    (f) =>
      (f.displayStatus === "READY_FOR_PICKUP" || f.displayStatus === "PICKED_UP") &&
      !f.trackingInfo.some((t) => t.number),
  );
}

/** Where a pickup order stands; null for an order that isn't collected at the shop. */
export function pickupStage(order: Order): PickupStage | null {
  if (order.cancelledAt || !isPickupOrder(order)) return null;
  const collected = order.fulfillments.find(
    (f) => f.displayStatus === "PICKED_UP" || (f.displayStatus === "DELIVERED" && f.deliveredAt),
  );
  if (collected) return { stage: "collected", at: collected.deliveredAt ?? collected.createdAt };
  const ready = order.fulfillments.find((f) => f.displayStatus === "READY_FOR_PICKUP");
  if (ready) return { stage: "ready", since: ready.createdAt };
  return { stage: "preparing" };
}

export interface PickupReadiness {
  amount: number;
  unit: "hours" | "days";
  /** Counted in business hours/days ("24 heures ouvrées", "24 business hours"). */
  business: boolean;
}

const PICKUP = /\b(pick ?up|pickup|collect|click (?:&|and) collect|retrait|retirer|recoger|recoges|recogida)\b/;
const READY = /\b(ready|prete?s?|lista?s?|listo?s?|disponible)\b/;
const BUSINESS = /^\s*(business|working|ouvre|ouvrable|habil|laborable)/;

/** How soon the shop says a pickup order is ready ("ready within 24 business hours"), or null. */
export function pickupReadiness(passages: Passage[]): PickupReadiness | null {
  for (const passage of passages) {
    // "24 business hours" → "24 hours business": the number meets its unit, the qualifier follows.
    const text = normalize(passage.text).replace(/\b(business|working) (hours?)\b/g, "$2 $1");
    // "Store pickup: free, ready within …": the heading may carry the topic.
    if (!PICKUP.test(`${normalize(passage.section)} ${text}`) || !READY.test(text)) continue;
    const readyAt = text.search(READY);
    const duration = findDurations(text).find(
      (d) => (d.unit === "hours" || d.unit === "days" || d.unit === "business_days") && d.index > readyAt,
    );
    if (!duration) continue;
    const unitWords = duration.text.split(/\s+/).slice(1).join(" ");
    const after = text.slice(duration.index + duration.text.length);
    const business =
      duration.unit === "business_days" || BUSINESS.test(after) || /ouvr|business|habil|working/.test(unitWords);
    return { amount: duration.max, unit: duration.unit === "hours" ? "hours" : "days", business };
  }
  return null;
}
