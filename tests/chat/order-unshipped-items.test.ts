/**
 * An order that hasn't shipped names no shipment, so its status says what is in it ("Items: …"), and
 * a change asked without saying what names the order's items it could be about. Orders come from each
 * dev store's snapshot: a customer whose newest order is paid, not shipped, not held or cancelled.
 * And a question on a partial refund just shown stays on that refund.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";
import { digits, newestOrderWhere } from "../helpers/dev-store-orders";

/** The reply to `second` right after `first`, in a new conversation. */
async function say2(store: ReturnType<typeof createDemoStore>, customerId: string, first: string, second: string) {
  const say = await demoConversation({ store, customerId });
  await say(first);
  return say(second);
}

/** The newest order of a customer whose newest order is paid, not shipped and not cancelled. */
const newestUnshipped = (store: string) =>
  newestOrderWhere(
    store,
    (o) => o.displayFinancialStatus === "PAID" && o.displayFulfillmentStatus === "UNFULFILLED" && !o.cancelledAt,
  );

const cases = [
  { store: "northwind", where: "where is my order?", howMuch: "how much?", change: "I want to change my order" },
  {
    store: "maison-coquelicot",
    where: "où est ma commande ?",
    howMuch: "combien ?",
    change: "je voudrais modifier ma commande",
  },
  { store: "cafe-colibri", where: "¿dónde está mi pedido?", howMuch: "¿cuánto?", change: "quiero modificar mi pedido" },
];

describe("an order not shipped yet names its items", () => {
  for (const c of cases) {
    it(`${c.store}: in its status and in a change asked without saying what`, async () => {
      const { customerId, order } = newestUnshipped(c.store);
      const store = createDemoStore(loadDemoSnapshot(devStorePath(c.store)));
      const where = await (await demoConversation({ store, customerId }))(c.where);
      expect(where.intent).toBe("track_order");
      for (const line of order.lineItems) expect(where.text).toContain(line.title);
      // A bare "how much?" right after it is that order's total.
      const amount = await say2(store, customerId, c.where, c.howMuch);
      expect(amount.intent).toBe("track_order");
      expect(digits(amount.text)).toContain(digits(order.totalPrice));
      const change = await (await demoConversation({ store, customerId }))(c.change);
      expect(change.intent).toBe("change_order");
      expect(change.text).toContain(order.name);
      for (const line of order.lineItems) expect(change.text).toContain(line.title);
    });
  }
});

describe("a question on a partial refund right after it", () => {
  it("stays the refund, though its words read as a status question ('why not the whole order?')", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("northwind")) as any;
    const partial = snapshot.orders.find(
      (o: any) => o.customerId && o.displayFinancialStatus === "PARTIALLY_REFUNDED" && o.returns.length > 0,
    );
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))),
      customerId: partial.customerId,
    });
    const refund = await say(`did I get my refund for order ${partial.name}?`);
    expect(refund.intent).toBe("refund_status");
    const why = await say("why not the whole order?");
    expect(why.intent).toBe("refund_status");
    expect(why.text).toContain(partial.refunds[0].amount);
  });
});
