/** Orders picked from the dev stores' snapshots for tests that need one in a given state. */
import { loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";

/** The newest order of the first customer whose newest order passes `test`: what "where is my order?" shows. */
export function newestOrderWhere(store: string, test: (order: any) => boolean) {
  const snapshot = loadDemoSnapshot(devStorePath(store)) as any;
  const newest = (customerId: string) =>
    snapshot.orders
      .filter((o: any) => o.customerId === customerId)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
  const customers = [...new Set(snapshot.orders.map((o: any) => o.customerId).filter(Boolean))] as string[];
  const customerId = customers.find((c) => test(newest(c)))!;
  return { customerId, order: newest(customerId) };
}

/** The newest order of the customer whose newest order is in transit. */
export function orderInTransit(store: string) {
  return newestOrderWhere(store, (order) =>
    order.fulfillments.some((f: any) => f.displayStatus === "IN_TRANSIT" && f.trackingInfo.length > 0),
  );
}

/** An order with a parcel in transit more than six days past its estimated delivery, and that estimate. */
export function orderPastItsEstimate(snapshot: any) {
  const now = Date.parse(snapshot.referenceDate);
  const late = (f: any) =>
    f.displayStatus === "IN_TRANSIT" && f.estimatedDeliveryAt && now - Date.parse(f.estimatedDeliveryAt) > 6 * 864e5;
  const order = snapshot.orders.find((o: any) => o.fulfillments.some(late));
  return { order, now, eta: Date.parse(order.fulfillments.find(late).estimatedDeliveryAt) };
}

/** A text's digits alone, to find an amount or a number however it is formatted. */
export const digits = (text: string) => text.replace(/[^\d]/g, "");
