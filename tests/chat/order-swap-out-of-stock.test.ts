/**
 * A swap asked on an order not sent yet, for an option value that is sold out: the answer says so
 * and names the order it is about (a shopper with several orders must know which one). Cases are
 * read from the dev stores' snapshots.
 */
import { describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoChatContext } from "../helpers/chat-context";

function soldOutSwaps(store: string) {
  const snapshot = loadDemoSnapshot(devStorePath(store)) as any;
  const cases = [];
  for (const order of snapshot.orders) {
    const customer = snapshot.customers.find((c: any) => c.email === order.email);
    if (!customer || order.displayFulfillmentStatus !== "UNFULFILLED" || order.cancelledAt) continue;
    for (const line of order.lineItems) {
      const product = snapshot.products.find((p: any) => p.id === line.productId);
      if (!product || product.options.length !== 1) continue;
      const soldOut = product.variants.find((v: any) => v.id !== line.variantId && !v.availableForSale);
      if (soldOut) cases.push({ snapshot, order, customer, product, soldOut });
    }
  }
  return cases;
}

describe("a sold-out swap on an order not sent yet", () => {
  const cases = ["northwind", "maison-coquelicot", "cafe-colibri"].flatMap(soldOutSwaps);

  it("finds such orders in the dev stores", () => expect(cases.length).toBeGreaterThan(0));

  it("says the value is out of stock and names the order", async () => {
    for (const { snapshot, order, customer, product, soldOut } of cases) {
      const ctx = await demoChatContext(createDemoStore(snapshot));
      const text = `Can I switch the ${product.title} on order ${order.name} to ${soldOut.title}?`;
      const out = await respond({ text, state: {}, shopper: { customerId: customer.id } }, ctx);
      expect(out.text, text).toContain(soldOut.title);
      expect(out.text, text).toMatch(/out of stock/);
      expect(out.text, text).toContain(order.name);
    }
  });
});
