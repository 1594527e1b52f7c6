/**
 * "What's in the parcel that shipped?" right after the order's status: that parcel's items answer it.
 * The status again would list, after them, the items still waiting, which are not in that parcel.
 * Orders come from each dev store that has one: a customer's order with a parcel a carrier took and
 * another item not shipped yet.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

/** A customer's order with a carried parcel and a shipped-to-the-shopper item in no parcel yet. */
function partlyShipped(store: string) {
  const snapshot = loadDemoSnapshot(devStorePath(store)) as any;
  for (const order of snapshot.orders) {
    if (!order.customerId || order.cancelledAt) continue;
    const carried = order.fulfillments.filter(
      (f: any) => f.status !== "CANCELLED" && f.trackingInfo.some((i: any) => i.company),
    );
    const shipped = new Set(
      order.fulfillments.flatMap((f: any) => f.fulfillmentLineItems.map((l: any) => l.lineItemId)),
    );
    const waiting = order.lineItems.filter((l: any) => l.requiresShipping && !shipped.has(l.id));
    if (carried.length === 1 && waiting.length > 0)
      return {
        order,
        inParcel: carried[0].fulfillmentLineItems[0].title as string,
        waiting: waiting[0].title as string,
      };
  }
  throw new Error(`${store} has no partly shipped order`);
}

const cases = [
  {
    store: "maison-coquelicot",
    where: "où en est ma commande {order} ?",
    parcel: "qu'y a-t-il dans le colis déjà parti ?",
  },
  { store: "cafe-colibri", where: "¿dónde está mi pedido {order}?", parcel: "¿qué viene en el paquete que ya salió?" },
  { store: "cafe-colibri", where: "where's my order {order}?", parcel: "what's in the package that shipped?" },
];

describe("what one parcel holds, asked after the order's status", () => {
  for (const c of cases) {
    it(`${c.store}: "${c.parcel}" names that parcel's items, not the ones still waiting`, async () => {
      const { order, inParcel, waiting } = partlyShipped(c.store);
      const say = await demoConversation({
        customerId: order.customerId,
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
      });
      const status = await say(c.where.replace("{order}", order.name));
      expect(status.intent).toBe("track_order");
      const out = await say(c.parcel);
      expect(out.text).toContain(inParcel);
      expect(out.text).not.toContain(waiting);
    });
  }
});
