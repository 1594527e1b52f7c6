/**
 * A short follow-up about the order just discussed, in the words shoppers use rather than ours:
 * "c'était quel jour ?", "à quelle date ?" after a refund is that refund's date; "il contient quoi ?",
 * "c'est quoi dans le colis ?", "rappelez-moi ce qu'il y a dedans" after its tracking are its items
 * (a "remind me" is no call-back); "vous me facturez des frais en plus ?" is the order's note on charges.
 */
import { describe, expect, it } from "vitest";
import type { DialogueState } from "../../app/chat/types";
import { readsAs } from "../helpers/order-question-rows";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";
import { digits, newestOrderWhere, orderInTransit } from "../helpers/dev-store-orders";

const afterTracking: DialogueState = { lastIntent: "track_order", orderNumber: "2051" };
const afterRefund: DialogueState = { lastIntent: "refund_status", orderNumber: "2043" };

describe("the date of what was just answered, asked in a sentence of its own", () => {
  it("stays on the refund", () => {
    readsAs(afterRefund, [
      ["out_of_scope", "c'était quel jour ?", "refund_status"],
      ["out_of_scope", "à quelle date ?", "refund_status"],
      ["complaint", "it was on which day?", "refund_status"],
      ["out_of_scope", "¿en qué fecha fue eso?", "refund_status"],
      ["out_of_scope", "c'était à quelle date exactement ?", "refund_status"],
    ]);
  });

  it("an unsure reading of a short question asking when stays on the order answer just given", () => {
    readsAs(afterRefund, [
      ["out_of_scope", "et ça date de quand ?", "refund_status"],
      ["out_of_scope", "¿y cuándo me lo depositaron?", "refund_status"],
      ["complaint", "so when did that happen?", "refund_status"],
      ["track_order", "when did you send it?", "refund_status"],
    ]);
    // The parcel named, its timing is the shipment's.
    readsAs(afterRefund, [["track_order", "when will my package arrive?", null]]);
    readsAs(afterTracking, [["out_of_scope", "¿y para qué fecha?", "track_order"]]);
  });

  it("is no date question when it asks something else of a day", () => {
    readsAs(afterRefund, [["shipping_options", "quel jour livrez-vous à Lyon ?", null]]);
  });
});

describe("what the order holds, asked in other words", () => {
  it("is the order's items", () => {
    readsAs(afterTracking, [
      ["out_of_scope", "il contient quoi déjà", "track_order"],
      ["out_of_scope", "c'est quoi dans le colis ?", "track_order"],
      ["human_agent", "rappelez-moi ce qu'il y a dedans ?", "track_order"],
      ["out_of_scope", "qu'est-ce que contient la commande ?", "track_order"],
      ["out_of_scope", "¿qué hay en el paquete?", "track_order"],
      ["out_of_scope", "¿qué productos trae?", "track_order"],
      ["complaint", "what was in that parcel again?", "track_order"],
      ["out_of_scope", "remind me which items are in it?", "track_order"],
    ]);
    // Right after a refund, the refund's answer names them, and the conversation stays on it.
    readsAs(afterRefund, [
      ["product_search", "which item was that for?", "refund_status"],
      ["out_of_scope", "c'était pour quel article ?", "refund_status"],
      ["out_of_scope", "¿de qué producto fue?", "refund_status"],
      ["out_of_scope", "c'était quelle couleur déjà ?", "refund_status"],
      ["product_search", "what was it for?", "refund_status"],
      ["out_of_scope", "c'était pour quoi ?", "refund_status"],
      ["return_policy", "quels articles ?", "refund_status"],
      ["out_of_scope", "¿por qué concepto?", "refund_status"],
      ["change_order", "¿qué había pedido?", "refund_status"],
      ["out_of_scope", "remind me what I bought", "refund_status"],
      ["out_of_scope", "ça concernait quoi ?", "refund_status"],
      ["greeting", "¿qué incluía?", "refund_status"],
    ]);
    readsAs({ lastIntent: "payment_issue", orderNumber: "2043" }, [["payment_issue", "¿qué café era?", "track_order"]]);
  });

  it("an amount asked again in a sentence of its own is the amount of the answer just given", () => {
    readsAs(afterRefund, [
      ["shipping_options", "c'était combien déjà ?", "refund_status"],
      ["product_info", "ça fait combien ?", "refund_status"],
      ["out_of_scope", "¿de cuánto fue?", "refund_status"],
    ]);
  });

  it("a day or an amount asked of it is no item", () => {
    readsAs(afterRefund, [
      ["track_order", "¿qué día fue?", "refund_status"],
      ["refund_status", "c'était quel montant ?", null],
    ]);
  });

  it("a call-back or a person stays one", () => {
    readsAs(afterTracking, [
      ["human_agent", "rappelez-moi demain s'il vous plaît", null],
      ["human_agent", "can someone call me back?", null],
      ["human_agent", "je veux parler à quelqu'un de ce qu'il y a dans le colis", null],
    ]);
  });
});

describe("a charge the order's note speaks of, asked in invoice words", () => {
  it("is the order's note", () => {
    const withNote: DialogueState = {
      ...afterTracking,
      language: "fr",
      orderNote: "Le plaid arrive le 4 décembre et partira sans frais supplémentaires.",
    };
    readsAs(withNote, [["get_invoice", "vous me facturez des frais de port en plus pour le plaid ?", "track_order"]]);
  });
});

const contentCases = [
  { store: "northwind", where: "where is my order?", what: "what was in that parcel again?" },
  { store: "maison-coquelicot", where: "où est ma commande ?", what: "il contient quoi déjà" },
  { store: "cafe-colibri", where: "¿dónde está mi pedido?", what: "¿qué hay en el paquete?" },
];

describe("the items of the order just tracked", () => {
  for (const c of contentCases) {
    it(`${c.store}: "${c.what}" names each of its items`, async () => {
      const { customerId, order } = orderInTransit(c.store);
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId,
      });
      await say(c.where);
      const reply = await say(c.what);
      expect(reply.intent).toBe("track_order");
      for (const line of order.lineItems) expect(reply.text).toContain(line.title);
    });
  }
});

const refundDateCases = [
  { store: "northwind", ask: "did I get my refund?", when: "it was on which day?", what: "which item was that for?" },
  {
    store: "maison-coquelicot",
    ask: "j'ai été remboursée ?",
    when: "c'était quel jour ?",
    what: "c'était pour quel article ?",
  },
  { store: "cafe-colibri", ask: "¿ya me reembolsaron?", when: "¿en qué fecha fue eso?", what: "¿de qué producto fue?" },
];

describe("the day of the refund just given", () => {
  for (const c of refundDateCases) {
    it(`${c.store}: "${c.when}" gives the refund again, with its amount and date`, async () => {
      const { customerId, order } = newestOrderWhere(c.store, (o) => o.refunds.length > 0);
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId,
      });
      expect((await say(c.ask)).intent).toBe("refund_status");
      const reply = await say(c.when);
      expect(reply.intent).toBe("refund_status");
      const refund = order.refunds[0];
      expect(digits(reply.text)).toContain(digits(refund.amount));
      // The refund's day of the month, however the language writes the date.
      expect(reply.text).toMatch(new RegExp(`\\b${Number(refund.createdAt.slice(8, 10))}\\b`));
      // What it was for: the order's items, and still the refund.
      const items = await say(c.what);
      expect(items.intent).toBe("refund_status");
      for (const line of order.lineItems) expect(items.text).toContain(line.title);
      expect(digits(items.text)).toContain(digits(refund.amount));
    });
  }
});

/** The customer's newest order with items of two different products, in a state "where is it?" answers. */
function orderWithTwoItems(store: string) {
  return newestOrderWhere(
    store,
    (o) => o.lineItems.length >= 2 && new Set(o.lineItems.map((l: any) => l.title)).size >= 2 && !o.cancelledAt,
  );
}

const namedItemCases = [
  {
    store: "northwind",
    where: "where is my order?",
    asks: [(word: string) => `and is the ${word} in it?`, (word: string) => `was the ${word} included?`],
  },
  {
    store: "maison-coquelicot",
    where: "où est ma commande ?",
    asks: [(word: string) => `et c'est bien le ${word} ?`, (word: string) => `le ${word} est inclus ?`],
  },
  {
    store: "cafe-colibri",
    where: "¿dónde está mi pedido?",
    asks: [(word: string) => `¿y viene la ${word}?`, (word: string) => `¿incluye la ${word}?`],
  },
];

describe("an item of the order in focus, named to ask about the order", () => {
  for (const c of namedItemCases) {
    it(`${c.store}: stays on the order, whose answer names its items`, async () => {
      const { customerId, order } = orderWithTwoItems(c.store);
      // The last word of the second item's title that the first item's title doesn't share.
      const first = order.lineItems[0].title.toLowerCase();
      const word = order.lineItems[1].title
        .split(/\s+/)
        .reverse()
        .find((w: string) => w.length > 3 && /^[\p{L}-]+$/u.test(w) && !first.includes(w.toLowerCase()));
      for (const ask of c.asks) {
        const say = await demoConversation({
          store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
          customerId,
        });
        await say(c.where);
        const reply = await say(ask(word));
        expect(reply.intent, ask(word)).toBe("track_order");
        for (const line of order.lineItems) expect(reply.text, ask(word)).toContain(line.title);
      }
    });
  }
});

describe("a return of an item that can't come back", () => {
  it("still names the order the verdict is about", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("northwind")) as any;
    const finalSale = new Set(
      snapshot.products.filter((p: any) => p.tags.includes("final-sale")).map((p: any) => p.id),
    );
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        finalSale.has(o.lineItems[0].productId) &&
        o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED"),
    );
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))),
      customerId: order.customerId,
    });
    const reply = await say(`I want to return the ${order.lineItems[0].title} from order ${order.name}`);
    expect(reply.intent).toBe("return_item");
    expect(reply.text).toContain(order.name);
    expect(reply.text).toMatch(/final sale/);
  });
});
