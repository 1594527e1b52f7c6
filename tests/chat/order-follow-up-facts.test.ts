/**
 * A follow-up about the order just shown asks one of its facts: what it cost, where it is going,
 * which carrier has it. The reply gives that fact from the order, whichever store and language.
 * Orders come from the dev store snapshots; the customer is each store's one with an order in transit.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const cases = [
  { store: "northwind", where: "where is my order?", cost: "how much did it cost?", to: "where is it being shipped to?", carrier: "which carrier?" },
  { store: "maison-coquelicot", where: "où est ma commande ?", cost: "combien j'ai payé ?", to: "elle est envoyée à quelle adresse ?", carrier: "quel transporteur ?" },
  { store: "cafe-colibri", where: "¿dónde está mi pedido?", cost: "¿cuánto pagué?", to: "¿a qué dirección va?", carrier: "¿qué paquetería es?" },
];

/** The newest order of the customer whose newest order is in transit: what "where is my order?" shows. */
function orderInTransit(store: string) {
  const snapshot = loadDemoSnapshot(devStorePath(store)) as any;
  const newest = (customerId: string) =>
    snapshot.orders
      .filter((o: any) => o.customerId === customerId)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
  const customers = [...new Set(snapshot.orders.map((o: any) => o.customerId).filter(Boolean))] as string[];
  const customerId = customers.find((c) =>
    newest(c).fulfillments.some((f: any) => f.displayStatus === "IN_TRANSIT" && f.trackingInfo.length > 0),
  )!;
  return { customerId, order: newest(customerId) };
}

const digits = (text: string) => text.replace(/[^\d]/g, "");

describe("a fact of the order just shown", () => {
  for (const c of cases) {
    it(`${c.store}: its total, its address and its carrier, each asked after the status`, async () => {
      const { customerId, order } = orderInTransit(c.store);
      const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))), customerId });
      expect((await say(c.where)).text).toContain(order.name.replace(/^#/, ""));
      const cost = await say(c.cost);
      expect(cost.intent).toBe("track_order");
      expect(digits(cost.text)).toContain(digits(order.totalPrice));
      const to = await say(c.to);
      expect(to.text).toContain(order.shippingAddress.city);
      expect(to.text).toContain(order.shippingAddress.zip);
      const carrier = await say(c.carrier);
      expect(carrier.intent).toBe("track_order");
      expect(carrier.text).toContain(order.fulfillments[0].trackingInfo[0].company);
    });
  }
});
