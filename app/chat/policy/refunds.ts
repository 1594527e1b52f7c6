/**
 * Where a shopper's money stands on one order: refunds Shopify shows, whether they cover only
 * part of the order, returns still waiting for the shop, and returns the shop declined.
 */
import type { Order } from "../../commerce/types";
import { isOpenReturn } from "./returns";

export interface RefundVerdict {
  kind: "refunded" | "partly_refunded" | "return_in_progress" | "return_declined" | "nothing_yet";
  refunds: { amount: string; date: string; note: string | null }[];
  /** What the order cost, to compare a partial refund with. */
  orderTotal: string;
  returnsInProgress: { name: string; status: string; items: string[] }[];
  returnsDeclined: { name: string; reason: string }[];
}

export function refundVerdict(order: Order): RefundVerdict {
  const refunds = order.refunds.map((r) => ({ amount: r.totalRefunded, date: r.createdAt, note: r.note }));
  const refunded = order.refunds.reduce((sum, r) => sum + Number(r.totalRefunded), 0);
  const partly = refunded > 0 && !order.cancelledAt && refunded < Number(order.totalPrice) - 0.005;
  const returnsInProgress = order.returns
    .filter((r) => isOpenReturn(r.status))
    .map((r) => ({ name: r.name, status: r.status, items: r.lines.map((l) => l.title) }));
  const returnsDeclined = order.returns
    .filter((r) => r.status === "DECLINED" && r.decline)
    .map((r) => ({ name: r.name, reason: r.decline!.note ?? r.decline!.reason }));
  const kind: RefundVerdict["kind"] =
    refunds.length > 0
      ? partly
        ? "partly_refunded"
        : "refunded"
      : returnsInProgress.length > 0
        ? "return_in_progress"
        : returnsDeclined.length > 0
          ? "return_declined"
          : "nothing_yet";
  return { kind, refunds, orderTotal: order.totalPrice, returnsInProgress, returnsDeclined };
}
