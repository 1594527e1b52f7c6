/**
 * Answers about one of the shopper's orders. Every path goes through findShopperOrder, so an
 * order is described only once the verification policy has let it through.
 */
import type { Fulfillment, Order } from "../../commerce/types";
import { formatDate, formatMoney, joinList } from "../format";
import { findShopperOrder, type OrderAccess } from "../verification";
import type { Answer, Lookup, Turn } from "../types";

type VerifiedAnswer = (order: Order, turn: Turn, access: Extract<OrderAccess, { kind: "verified" }>) => Answer;

/** Resolve the order the turn is about, asking for exactly the missing piece, then answer. */
export async function withVerifiedOrder(turn: Turn, answer: VerifiedAnswer): Promise<Answer> {
  const orderNumber = turn.entities.order_number ?? turn.state.orderNumber ?? null;
  const email = turn.entities.email ?? turn.state.email ?? null;
  const access = await findShopperOrder(turn.ctx.commerce, {
    orderNumber,
    email,
    customerId: turn.shopper.customerId,
  });
  const lookup: Lookup = { kind: "order", ref: orderNumber ? `#${orderNumber}` : "customer orders", outcome: access.kind };
  switch (access.kind) {
    case "verified": {
      const result = answer(access.order, turn, access);
      return {
        ...result,
        lookups: [{ ...lookup, ref: access.order.name, outcome: `verified via ${access.via}` }, ...(result.lookups ?? [])],
        state: { orderNumber: access.order.name.replace(/^#/, ""), awaiting: undefined, ...result.state },
      };
    }
    case "need_order_number":
      return {
        text: "I can check that for you. What's your order number? It's in your confirmation email and starts with #. Please add the email address you ordered with too.",
        lookups: [lookup],
        state: { awaiting: "order_number" },
      };
    case "need_email":
      return {
        text: `Thanks! To keep your details safe, what's the email address you used for order #${access.orderNumber}?`,
        lookups: [lookup],
        state: { orderNumber: access.orderNumber, awaiting: "email" },
      };
    case "denied":
      return {
        text: turn.shopper.customerId
          ? `I couldn't find an order #${access.orderNumber} on your account. Please check the number in your confirmation email; if it was placed with a different email address, tell me that address.`
          : `I couldn't find an order matching #${access.orderNumber} with that email address. Please check both against your confirmation email and try again.`,
        lookups: [lookup],
        state: { orderNumber: access.orderNumber, email: undefined, awaiting: "email" },
      };
    case "no_orders":
      return {
        text: "I don't see any orders on your account yet. If you checked out as a guest, tell me the order number and the email you used.",
        lookups: [lookup],
        state: { awaiting: "order_number" },
      };
  }
}

export function trackOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t, access) => {
    const lines = [describeOrderStatus(order, t.ctx.now)];
    if (access.otherOrders.length > 0) {
      lines.push(`You have ${access.otherOrders.length} other order${access.otherOrders.length === 1 ? "" : "s"} too (${access.otherOrders.map((o) => o.name).join(", ")}); just ask if you meant one of those.`);
    }
    return { text: lines.join("\n\n") };
  });
}

export function describeOrderStatus(order: Order, now: Date): string {
  const placed = formatDate(order.createdAt, now);
  if (order.cancelledAt) {
    const refunded = Number(order.totalRefunded) > 0 ? ` and ${formatMoney(order.totalRefunded, order.currencyCode)} was refunded to your original payment method` : "";
    return `Order ${order.name} (placed ${placed}) was cancelled on ${formatDate(order.cancelledAt, now)}${refunded}.`;
  }
  const parts: string[] = [];
  const shipments = order.fulfillments.filter((f) => f.status !== "CANCELLED");
  if (shipments.length === 0) {
    parts.push(`Order ${order.name} (placed ${placed}) hasn't shipped yet. Orders usually leave our warehouse within 1 business day; you'll get an email with tracking as soon as it does.`);
  } else {
    parts.push(`Here's the latest on order ${order.name} (placed ${placed}):`);
    for (const shipment of shipments) parts.push(describeShipment(shipment, now, shipments.length > 1));
  }
  const waiting = order.lineItems.filter((l) => l.unfulfilledQuantity > 0);
  if (shipments.length > 0 && waiting.length > 0) {
    parts.push(`Not shipped yet: ${joinList(waiting.map((l) => itemName(l.title, l.variantTitle, l.unfulfilledQuantity)))}.`);
  }
  if (order.note && waiting.length > 0) parts.push(`Note on your order: ${order.note}`);
  return parts.join("\n");
}

function describeShipment(shipment: Fulfillment, now: Date, several: boolean): string {
  const items = joinList(shipment.lines.map((l) => itemName(l.title, l.variantTitle, l.quantity)));
  const tracking = shipment.trackingInfo[0];
  const carrier = tracking?.company ? ` with ${tracking.company}` : "";
  const status = shipmentStatus(shipment, now);
  const trackingText = tracking?.number
    ? ` Tracking number: ${tracking.number}${tracking.url ? ` (${tracking.url})` : ""}.`
    : "";
  return `${several ? "• " : ""}${items}: shipped${carrier}, ${status}.${trackingText}`;
}

function shipmentStatus(shipment: Fulfillment, now: Date): string {
  const eta = shipment.estimatedDeliveryAt ? formatDate(shipment.estimatedDeliveryAt, now) : null;
  switch (shipment.displayStatus) {
    case "DELIVERED":
      return shipment.deliveredAt ? `delivered ${formatDate(shipment.deliveredAt, now)}` : "delivered";
    case "OUT_FOR_DELIVERY":
      return "out for delivery, arriving today";
    case "IN_TRANSIT":
      return eta ? `in transit, estimated delivery ${eta}` : "in transit";
    case "ATTEMPTED_DELIVERY":
      return `the carrier attempted delivery but couldn't complete it${eta ? ` (it was due ${eta})` : ""}`;
    case "FAILURE":
      return "the delivery failed and the parcel is on its way back to us";
    case "READY_FOR_PICKUP":
      return "ready for pickup";
    case "LABEL_PRINTED":
    case "LABEL_PURCHASED":
    case "CONFIRMED":
      return "the label is created and it's waiting for the carrier to pick it up";
    default:
      return eta ? `estimated delivery ${eta}` : "on its way";
  }
}

function itemName(title: string, variantTitle: string | null, quantity: number): string {
  const name = variantTitle ? `${title} (${variantTitle})` : title;
  return quantity > 1 ? `${quantity} × ${name}` : name;
}
