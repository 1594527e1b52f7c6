/**
 * A size/colour/model swap on an order is read in the product's own option values, whatever its
 * options are called ("Tamaño", "Taille"): the value named that the item bought doesn't have is
 * the one wanted, and its stock is what the answer gives. Read from the Colibrí snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext } from "../helpers/chat-context";
import { devStorePath } from "../../demo/dev-stores";

let ctx: ChatContext;
let snapshot: any;
beforeAll(async () => {
  snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))));
});

/** Delivered order lines whose product has another value of an option (not size or colour by name) in stock, one per value bought. */
function swapCases() {
  const cases = new Map<string, any>();
  for (const order of [...snapshot.orders].reverse()) {
    const customer = snapshot.customers.find((c: any) => c.email === order.email);
    if (!customer || order.displayFulfillmentStatus !== "FULFILLED") continue;
    for (const line of order.lineItems) {
      const product = snapshot.products.find((p: any) => p.id === line.productId);
      const bought = product?.variants.find((v: any) => v.id === line.variantId);
      // A measure ("350 ml", "1 L"): an option not called size, whose values are amounts.
      if (!bought || product.options.length !== 1 || /size|colou?r/i.test(product.options[0].name)) continue;
      if (product.isGiftCard || !product.options[0].values.every((v: string) => /\d/.test(v))) continue;
      const other = product.variants.find((v: any) => v.id !== bought.id && v.availableForSale);
      if (other && !cases.has(bought.id))
        cases.set(bought.id, { customer, product, bought: bought.title as string, other: other.title as string });
    }
  }
  expect(cases.size).toBeGreaterThan(1);
  return [...cases.values()];
}

describe("a swap for another value of the item's own option", () => {
  it("gives the stock of the value wanted, not of the one bought, in either order", async () => {
    for (const { customer, product, bought, other } of swapCases())
      for (const text of [
        `Quiero cambiar mi ${product.title} de ${bought} por la de ${other}`,
        `Quiero cambiar por la de ${other} mi ${product.title} de ${bought}`,
      ]) {
        const out = await respond({ text, state: {}, shopper: { customerId: customer.id } }, ctx);
        expect(out.intent, text).toBe("exchange_item");
        const swapLine = out.text.split("\n").find((l) => l.includes(product.title) && /disponible|agotado/.test(l));
        expect(swapLine, text).toBeDefined();
        expect(swapLine, text).toContain(other);
        expect(swapLine, text).not.toContain(`${bought} `);
      }
  });
});
