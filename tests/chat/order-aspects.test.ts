/**
 * One aspect of the order in focus asked in another request's words: "what was in it?" (not a product
 * question or a change), "how did I pay for it?" (not the shop's payment methods), "did I use a code on
 * it?" (not the shop's codes). The reply gives that aspect from the order, whichever store and language.
 * Orders come from the dev store snapshots: each store's customer whose newest order is in transit.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";
import { digits, orderInTransit } from "../helpers/dev-store-orders";

const cases = [
  {
    store: "northwind",
    where: "where is my order?",
    contents: "what was in that order again?",
    paid: "how did I pay for it?",
    code: "did I use a discount code on it?",
  },
  {
    store: "maison-coquelicot",
    where: "où est ma commande ?",
    contents: "j'avais pris quoi déjà ?",
    paid: "je l'ai payée comment ?",
    code: "j'ai utilisé un code promo ?",
  },
  {
    store: "cafe-colibri",
    where: "¿dónde está mi pedido?",
    contents: "¿qué traía ese pedido?",
    paid: "¿cómo lo pagué?",
    code: "¿usé algún código de descuento?",
  },
];

describe("an aspect of the order in focus, asked in another topic's words", () => {
  for (const c of cases) {
    it(`${c.store}: what was in it, how it was paid, which code it used`, async () => {
      const { customerId, order } = orderInTransit(c.store);
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId,
      });
      await say(c.where);
      const contents = await say(c.contents);
      expect(contents.intent).toBe("track_order");
      for (const line of order.lineItems) expect(contents.text).toContain(line.title);
      const paid = await say(c.paid);
      expect(paid.intent).toBe("track_order");
      expect(digits(paid.text)).toContain(digits(order.totalPrice));
      const code = await say(c.code);
      expect(code.intent).toBe("track_order");
      expect(code.text).toContain(order.name);
      for (const used of order.discountCodes) expect(code.text).toContain(used);
    });
  }
});

const unshippedStatus = [
  { store: "northwind", ask: "did everything in my order ship?" },
  { store: "maison-coquelicot", ask: "tout est parti ?" },
  { store: "cafe-colibri", ask: "¿ya va en camino todo mi pedido?" },
];

describe("whether the whole order shipped", () => {
  for (const c of unshippedStatus) {
    it(`${c.store}: "${c.ask}" is where the order stands, not a change`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const partial = snapshot.orders.find(
        (o: any) => o.customerId && o.displayFulfillmentStatus === "PARTIALLY_FULFILLED",
      );
      const newest = snapshot.orders
        .filter((o: any) => o.customerId === partial.customerId)
        .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: partial.customerId,
      });
      const reply = await say(newest.name === partial.name ? c.ask : `${c.ask} ${partial.name}`);
      expect(reply.intent).toBe("track_order");
      const waiting = partial.lineItems.find((l: any) => l.requiresShipping !== false && l.unfulfilledQuantity > 0);
      if (waiting) expect(reply.text).toContain(waiting.title);
    });
  }
});

const giftCardFollowUps = [
  { store: "cafe-colibri", where: "¿ya enviaron mi pedido?", ask: "¿y la tarjeta de regalo?" },
  { store: "maison-coquelicot", where: "has my order shipped?", ask: "and the gift card?" },
];

describe("an item of the order just shown, named elliptically", () => {
  for (const c of giftCardFollowUps) {
    it(`${c.store}: "${c.ask}" stays on that order, whose gift card went by email`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      // The newest order with a gift card and an item still to ship; a guest names it with its email.
      const order = snapshot.orders
        .filter((o: any) => o.lineItems.some((l: any) => l.isGiftCard) && o.lineItems.some((l: any) => !l.isGiftCard))
        .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: order.customerId,
      });
      await say(`${c.where} ${order.name} ${order.email}`);
      const reply = await say(c.ask);
      expect(reply.intent).toBe("track_order");
      expect(reply.text).toContain(order.name);
      expect(reply.text).toMatch(/e-?mail|correo/i);
    });
  }
});

describe("a later return of an order still on its way", () => {
  it("cafe-colibri: an item of a kind the shop's policy excludes is not promised a return window", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const policy = snapshot.policies.refundPolicy.body.replace(/\s+/g, " ").toLowerCase();
    const { customerId, order } = orderInTransit("cafe-colibri");
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))),
      customerId,
    });
    await say("¿dónde está mi pedido?");
    const reply = await say("quiero devolverlo cuando llegue");
    expect(reply.intent).toBe("return_item");
    expect(reply.text).toContain(order.lineItems[0].title);
    // The order's first item (a coffee): the shop's own exclusion sentence, quoted, and no "you'll be able to return it".
    const quoted = [...reply.text.matchAll(/[“«]\s?([^”»]+?)\s?[”»]/g)].map((m) => m[1].trim().toLowerCase());
    expect(quoted.some((q) => policy.includes(q))).toBe(true);
    const first = reply.text.split("\n").find((line) => line.startsWith(order.lineItems[0].title))!;
    expect(first).not.toContain("podrás devolverlo");
  });
});
