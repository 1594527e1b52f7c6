/**
 * A follow-up about the order just shown asks one of its facts: what it cost, where it is going,
 * which carrier has it. The reply gives that fact from the order, whichever store and language.
 * Orders come from the dev store snapshots; the customer is each store's one with an order in transit.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";
import { digits, orderInTransit } from "../helpers/dev-store-orders";
import { formatDate } from "../../app/chat/format";

const cases = [
  {
    store: "northwind",
    where: "where is my order?",
    cost: "how much did it cost?",
    to: "where is it being shipped to?",
    carrier: "which carrier?",
    left: "when did it leave?",
    language: "en",
  },
  {
    store: "maison-coquelicot",
    where: "où est ma commande ?",
    cost: "combien j'ai payé ?",
    to: "elle est envoyée à quelle adresse ?",
    carrier: "quel transporteur ?",
    left: "quand est-elle partie ?",
    language: "fr",
  },
  {
    store: "cafe-colibri",
    where: "¿dónde está mi pedido?",
    cost: "¿cuánto pagué?",
    to: "¿a qué dirección va?",
    carrier: "¿qué paquetería es?",
    left: "¿cuándo salió?",
    language: "es",
  },
];

describe("a fact of the order just shown", () => {
  for (const c of cases) {
    it(`${c.store}: its total, its address and its carrier, each asked after the status`, async () => {
      const { customerId, order } = orderInTransit(c.store);
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId,
      });
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

    it(`${c.store}: the day it left, asked after the status`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const { customerId, order } = orderInTransit(c.store);
      const say = await demoConversation({ store: createDemoStore(snapshot), customerId });
      await say(c.where);
      const left = await say(c.left);
      expect(left.intent).toBe("track_order");
      const shipped = order.fulfillments.find((f: any) => f.trackingInfo.length > 0);
      const day = formatDate(
        shipped.createdAt,
        new Date(snapshot.referenceDate),
        c.language as any,
        snapshot.shop.ianaTimezone,
      );
      expect(left.text).toContain(day);
    });
  }
});

const refundCases = [
  {
    store: "northwind",
    ask: "did I get a refund?",
    shipping: "was shipping refunded too?",
    card: "which card did it go to?",
  },
  {
    store: "maison-coquelicot",
    ask: "j'ai été remboursée ?",
    shipping: "et les frais de livraison ?",
    card: "sur quelle carte ?",
  },
  { store: "cafe-colibri", ask: "¿ya me reembolsaron?", shipping: "¿y el envío?", card: "¿a qué tarjeta?" },
];

/** The sentences the reply quotes (between “…” or « … »). */
const quotes = (text: string) => [...text.matchAll(/[“«]\s?([^”»]+?)\s?[”»]/g)].map((m) => m[1].trim());

describe("details of a partial refund", () => {
  for (const c of refundCases) {
    it(`${c.store}: whether shipping was refunded and where the money went, in the shop's refund-policy words`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      // Quoted sentences start with a capital where the policy may run on after a heading ("Refunds: when …").
      const policy = snapshot.policies.refundPolicy.body.replace(/\s+/g, " ").toLowerCase();
      const order = snapshot.orders.find(
        (o: any) =>
          o.customerId &&
          o.displayFinancialStatus === "PARTIALLY_REFUNDED" &&
          o.returns.length > 0 &&
          snapshot.orders.filter((x: any) => x.customerId === o.customerId && x.refunds.length > 0).length === 1,
      );
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: order.customerId,
      });
      expect((await say(c.ask)).intent).toBe("refund_status");
      const shipping = await say(c.shipping);

      expect(shipping.intent).toBe("refund_status");
      expect(
        quotes(shipping.text).some((q) => policy.includes(q.toLowerCase()) && /shipping|livraison|env[ií]o/i.test(q)),
      ).toBe(true);
      const card = await say(c.card);
      expect(card.intent).toBe("refund_status");
      expect(
        quotes(card.text).some(
          (q) => policy.includes(q.toLowerCase()) && /payment method|moyen de paiement|m[ée]todo de pago/i.test(q),
        ),
      ).toBe(true);
    });
  }
});

const chooseRefund = [
  { store: "northwind", where: "where is my order?", refund: "ok refund it" },
  { store: "maison-coquelicot", where: "où est ma commande ?", refund: "remboursez-moi s'il vous plaît" },
  { store: "cafe-colibri", where: "¿dónde está mi pedido?", refund: "mejor reembólsenme" },
];

describe("choosing a refund for a parcel that came back", () => {
  for (const c of chooseRefund) {
    it(`${c.store}: "${c.refund}" after the reship offer asks the team for the refund, on the shop's terms`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const back = snapshot.orders.find(
        (o: any) =>
          o.customerId && o.refunds.length === 0 && o.fulfillments.some((f: any) => f.displayStatus === "FAILURE"),
      );
      const newest = snapshot.orders
        .filter((o: any) => o.customerId === back.customerId)
        .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: back.customerId,
      });
      await say(newest.name === back.name ? c.where : `${c.where} ${back.name}`);
      const reply = await say(c.refund);
      expect(reply.intent).toBe("refund_status");
      expect(reply.handoff).toBe(true);
      expect(reply.ticket?.orderNumber).toBe(back.name);
      expect(reply.text).toContain(back.name);
    });
  }
});
