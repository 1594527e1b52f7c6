/**
 * A swap asked without the word "exchange" ("switch the black shell for the glacier blue one") reads as a change
 * of the order; which one it is, the order decides. Not sent yet, it is a change (exchangeItem already turns an
 * exchange of an unsent order into one); delivered, it is an exchange of what came: its window, the wanted
 * variant's stock and the shop's exchange rule, not "it has shipped, it can't be changed". Dev snapshot facts.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(devStorePath("northwind")) as any;

/** A delivered order of a logged-in customer whose one line has a colour in stock it wasn't bought in. */
function deliveredSwap() {
  for (const order of [...snapshot.orders].reverse()) {
    if (!order.customerId || order.displayFulfillmentStatus !== "FULFILLED" || order.lineItems.length !== 1) continue;
    if (!order.fulfillments.every((f: any) => f.displayStatus === "DELIVERED")) continue;
    const line = order.lineItems[0];
    const product = snapshot.products.find((p: any) => p.id === line.productId);
    if (!product || product.tags.includes("final-sale") || product.options.length !== 2) continue;
    const bought = product.variants.find((v: any) => v.id === line.variantId);
    const size = bought.selectedOptions.find((o: any) => o.name === "Size")?.value;
    const colour = bought.selectedOptions.find((o: any) => o.name === "Color")?.value;
    const other = product.variants.find(
      (v: any) =>
        v.availableForSale &&
        v.selectedOptions.some((o: any) => o.name === "Size" && o.value === size) &&
        v.selectedOptions.some((o: any) => o.name === "Color" && o.value !== colour),
    );
    if (other)
      return { order, product, colour, wanted: other.selectedOptions.find((o: any) => o.name === "Color").value };
  }
  throw new Error("no delivered order to swap");
}

describe("a swap asked of a delivered order", () => {
  it("is an exchange, with the wanted colour's stock", async () => {
    const c = deliveredSwap();
    const say = await demoConversation({ store: createDemoStore(snapshot), customerId: c.order.customerId });
    const reply = await say(
      `switch the ${c.colour.toLowerCase()} one from ${c.order.name} for the ${c.wanted.toLowerCase()} one, same size`,
    );
    expect(reply.intent).toBe("exchange_item");
    expect(reply.text).toContain(c.wanted);
    expect(reply.text).not.toMatch(/can't be changed/);
  });
});
