/**
 * Refunds asked in other requests' words: the money of a return already sent back ("I sent it back,
 * how much am I getting?") is the refund, not a new return; after a cancellation, "is the refund on my
 * card?" says where it went in the shop's own refund-policy words; "and my other order?" moves to the
 * customer's other order. Orders come from the dev store snapshots, in each store's languages.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const digits = (text: string) => text.replace(/[^\d]/g, "");
const quotes = (text: string) => [...text.matchAll(/[“«"]\s?([^”»"]+?)\s?[”»"]/g)].map((m) => m[1].trim());
const PAYMENT_METHOD = /payment method|moyen de paiement|m[ée]todo de pago/i;

async function conversation(store: string, customerId: string) {
  return demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath(store))), customerId });
}

const sentBack = [
  { store: "northwind", ask: "I sent it back, how much am I getting?" },
  { store: "maison-coquelicot", ask: "je l'ai renvoyé, j'ai récupéré combien ?" },
  { store: "cafe-colibri", ask: "I sent it back, was the shipping included in what you gave back?" },
];

describe("the money of a return already sent back", () => {
  for (const c of sentBack) {
    it(`${c.store}: "${c.ask}" is the refund, with its amount`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const refundsOf = (customerId: string) =>
        snapshot.orders.filter((o: any) => o.customerId === customerId && o.refunds.length > 0);
      const order = snapshot.orders.find(
        (o: any) =>
          o.customerId &&
          !o.cancelledAt &&
          o.returns.some((r: any) => r.status === "CLOSED") &&
          refundsOf(o.customerId).length === 1,
      );
      const say = await conversation(c.store, order.customerId);
      const reply = await say(c.ask);
      expect(reply.intent).toBe("refund_status");
      expect(digits(reply.text)).toContain(digits(order.refunds[0].amount));
    });
  }
});

const cancelled = [
  {
    store: "northwind",
    why: "why was my order cancelled?",
    card: "is the refund on my card?",
    other: "and my other order?",
  },
  {
    store: "maison-coquelicot",
    why: "pourquoi ma commande a été annulée ?",
    card: "le remboursement est sur ma carte ?",
    other: "et mon autre commande ?",
  },
  {
    store: "cafe-colibri",
    why: "¿por qué cancelaron mi pedido?",
    card: "¿el reembolso va a mi tarjeta?",
    other: "¿y mi otro pedido?",
  },
];

describe("after a cancellation", () => {
  for (const c of cancelled) {
    it(`${c.store}: the cancelled order, where its refund went, then the other order`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const policy = snapshot.policies.refundPolicy.body.replace(/\s+/g, " ").toLowerCase();
      const ordersOf = (customerId: string) => snapshot.orders.filter((o: any) => o.customerId === customerId);
      // A customer with one cancelled, refunded order and others.
      const order = snapshot.orders.find(
        (o: any) =>
          o.customerId &&
          o.cancelledAt &&
          o.refunds.length > 0 &&
          ordersOf(o.customerId).filter((x: any) => x.cancelledAt).length === 1 &&
          ordersOf(o.customerId).length >= 2,
      );
      const others = ordersOf(order.customerId).filter((o: any) => o.id !== order.id);
      const say = await conversation(c.store, order.customerId);
      expect((await say(c.why)).text).toContain(order.name);
      const card = await say(c.card);
      expect(card.intent).toBe("refund_status");
      expect(digits(card.text)).toContain(digits(order.refunds[0].amount));
      expect(quotes(card.text).some((q) => policy.includes(q.toLowerCase()) && PAYMENT_METHOD.test(q))).toBe(true);
      const next = await say(c.other);
      expect(others.some((o: any) => next.text.includes(o.name))).toBe(true);
      expect(next.text).not.toContain(order.name);
    });
  }
});

describe("'I only got …' names what arrived, or money", () => {
  it("'I only got the candle, where is the blanket?' about a partly shipped order is its tracking", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("maison-coquelicot")) as any;
    const order = snapshot.orders.find(
      (o: any) => o.displayFulfillmentStatus === "PARTIALLY_FULFILLED" && o.customerId && o.lineItems.length === 2,
    );
    const shipped = order.fulfillments[0].fulfillmentLineItems[0].title as string;
    const waiting = order.lineItems.find((l: any) => l.title !== shipped).title as string;
    const say = await conversation("maison-coquelicot", order.customerId);
    const out = await say(`I only got the ${shipped} from order ${order.name}, where is the ${waiting}?`);
    expect(out.intent).toBe("track_order");
    expect(out.text).toContain(waiting);
  });

  it("'I only got 20 € back' is still about the money refunded", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("maison-coquelicot")) as any;
    const order = snapshot.orders.find((o: any) => o.displayFinancialStatus === "PARTIALLY_REFUNDED" && o.customerId);
    const say = await conversation("maison-coquelicot", order.customerId);
    const out = await say(`I only got 20 € back for order ${order.name}`);
    expect(["refund_status", "return_item"]).toContain(out.intent);
    expect(digits(out.text)).toContain(digits(order.totalRefunded));
  });
});
