/**
 * Whether an order may still be cancelled, changed or sent elsewhere: verdicts from the order's
 * own state (Shopify's fulfillments, cancellation, holds) and the merchant's permissions. The
 * verdict says what is possible and why; answers word it, the model's tools return it as data.
 * Nothing here changes an order: a possible change is only ever proposed (change-proof.ts).
 */
import type { Order } from "../../commerce/types";
import { isDigitalOnly } from "./digital-delivery";
import { fulfillmentHold } from "./fulfillment-holds";
import { isPickupOrder } from "./pickup";

/** Who carries out a change the shopper confirms: the bot through Shopify, or the shop's team. */
export type ChangeBy = "bot" | "team";

/** Facts about a still-open order that don't stop a change but that the shopper may ask about. */
export interface OpenOrderFacts {
  /** Shopify shows the fulfillment on hold. */
  onHold: boolean;
  /** The payment isn't captured yet (pending or only authorized). */
  paymentPending: boolean;
}

export type CancelVerdict =
  | ({ kind: "cancellable"; by: ChangeBy } & OpenOrderFacts)
  /** Part of it shipped; the named items still waiting can be dropped, by the team. */
  | { kind: "partly_cancellable"; by: "team"; lineItemIds: string[] }
  | { kind: "not_cancellable"; reason: "already_cancelled" | "shipped" };

export type ChangeVerdict =
  | ({ kind: "changeable"; by: "team" } & OpenOrderFacts)
  | { kind: "not_changeable"; reason: "already_cancelled" | "shipped" };

export type AddressChangeVerdict =
  | ({ kind: "changeable"; by: ChangeBy } & OpenOrderFacts)
  /** Delivery failed and the parcel is on its way back: the team can ship it again. */
  | { kind: "returning_to_sender"; by: "team"; carrierMessage: string | null }
  /** pickup: collected at the shop (its delivery method named `method`); nothing_to_ship: only digital goods or gift cards. */
  | { kind: "not_changeable"; reason: "already_cancelled" | "shipped" | "nothing_to_ship" }
  | { kind: "not_changeable"; reason: "pickup"; method: string | null };

/** Nothing of the order has left: no fulfillment, or only cancelled ones. */
export function isUnfulfilled(order: Order): boolean {
  return !order.cancelledAt && order.fulfillments.every((f) => f.status === "CANCELLED");
}

function openOrderFacts(order: Order): OpenOrderFacts {
  const payment = (order.displayFinancialStatus ?? "").toUpperCase();
  return { onHold: fulfillmentHold(order) !== null, paymentPending: payment === "PENDING" || payment === "AUTHORIZED" };
}

/**
 * Cancelling: an unshipped order can be cancelled (by the bot if the merchant allows it); once
 * part of it shipped, only items the shopper names that are still waiting can be, by the team.
 */
export function cancelVerdict(
  order: Order,
  options: { botMayCancel: boolean; namedLineItemIds: readonly string[] },
): CancelVerdict {
  if (order.cancelledAt) return { kind: "not_cancellable", reason: "already_cancelled" };
  if (!isUnfulfilled(order)) {
    const named = new Set(options.namedLineItemIds);
    const waiting = order.lineItems
      .filter((line) => named.has(line.id) && line.unfulfilledQuantity > 0)
      .map((line) => line.id);
    return waiting.length > 0
      ? { kind: "partly_cancellable", by: "team", lineItemIds: waiting }
      : { kind: "not_cancellable", reason: "shipped" };
  }
  return { kind: "cancellable", by: options.botMayCancel ? "bot" : "team", ...openOrderFacts(order) };
}

/** Changing an item (size, colour): only before anything shipped, and always by the team. */
export function changeVerdict(order: Order): ChangeVerdict {
  if (order.cancelledAt) return { kind: "not_changeable", reason: "already_cancelled" };
  if (!isUnfulfilled(order)) return { kind: "not_changeable", reason: "shipped" };
  return { kind: "changeable", by: "team", ...openOrderFacts(order) };
}

/** Changing where it goes: before it ships, or (a reship by the team) once a failed delivery comes back. */
export function addressChangeVerdict(order: Order, options: { botMayChange: boolean }): AddressChangeVerdict {
  const failed = order.fulfillments.find((f) => f.displayStatus === "FAILURE");
  if (failed)
    return {
      kind: "returning_to_sender",
      by: "team",
      carrierMessage: failed.events.find((e) => e.message)?.message ?? null,
    };
  if (order.cancelledAt) return { kind: "not_changeable", reason: "already_cancelled" };
  // Whether or not it has left, an order nothing of which travels to an address has none to change.
  if (isDigitalOnly(order)) return { kind: "not_changeable", reason: "nothing_to_ship" };
  if (isPickupOrder(order)) return { kind: "not_changeable", reason: "pickup", method: order.shippingLineTitle };
  if (!isUnfulfilled(order)) return { kind: "not_changeable", reason: "shipped" };
  return { kind: "changeable", by: options.botMayChange ? "bot" : "team", ...openOrderFacts(order) };
}
