/**
 * Asking to cancel an order while naming one of its items cancels the order: the item only says
 * which order is meant ("cancel my order with the …", "I ordered the … by mistake"). Only a
 * message that limits itself to some items ("just", "only", "seulement", "solo", "keep the rest")
 * is a removal of those items, and never one that says the whole order. Orders and item words come
 * from the dev store snapshots; the phrasings are made up.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

type Case = { store: string; order: string; item: string; ask: (item: string, number: string) => string };

const wholeOrder: Case[] = [
  {
    store: "northwind",
    order: "#1061",
    item: "Headlamp",
    ask: (i) => `I need to cancel my order, the one with the ${i}`,
  },
  {
    store: "northwind",
    order: "#1061",
    item: "Headlamp",
    ask: (i, n) => `cancel order ${n} please, I bought the ${i} by accident`,
  },
  { store: "northwind", order: "#1061", item: "Headlamp", ask: (i) => `cancel the entire order please, ${i} and all` },
  {
    store: "maison-coquelicot",
    order: "FR-3047",
    item: "carafe",
    ask: (i) => `je veux annuler ma commande avec la ${i}`,
  },
  {
    store: "maison-coquelicot",
    order: "FR-3047",
    item: "carafe",
    ask: (i) => `annulez toute la commande s'il vous plaît, la ${i} comprise`,
  },
  { store: "cafe-colibri", order: "MX5050-W", item: "filtros", ask: (i) => `quiero cancelar mi pedido de los ${i}` },
  {
    store: "cafe-colibri",
    order: "MX5050-W",
    item: "filtros",
    ask: (i) => `cancelen todo el pedido por favor, también los ${i}`,
  },
];

const someItems: Case[] = [
  { store: "northwind", order: "#1061", item: "Headlamp", ask: (i) => `please cancel only the ${i}` },
  {
    store: "maison-coquelicot",
    order: "FR-3047",
    item: "carafe",
    ask: (i) => `je voudrais annuler seulement la ${i}, s'il vous plaît`,
  },
  { store: "cafe-colibri", order: "MX5050-W", item: "filtros", ask: (i) => `quiero cancelar solo los ${i}` },
];

async function ask(c: Case) {
  const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
  const order = snapshot.orders.find((o: any) => o.name === c.order);
  const say = await demoConversation({
    store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
    customerId: order.customerId,
  });
  const reply = await say(c.ask(c.item, order.name.replace(/^#/, "")));
  return { order, reply };
}

describe("a cancellation that names an item", () => {
  for (const c of wholeOrder) {
    it(`${c.store}: "${c.ask(c.item, c.order)}" cancels the whole order`, async () => {
      const { order, reply } = await ask(c);
      expect(reply.intent).toBe("cancel_order");
      expect(reply.text).toContain(order.name);
      // The whole order's cancellation lists every item; a removal would name only the one.
      for (const line of order.lineItems) expect(reply.text).toContain(line.title);
    });
  }

  for (const c of someItems) {
    it(`${c.store}: "${c.ask(c.item, c.order)}" takes out only that item`, async () => {
      const { order, reply } = await ask(c);
      const dropped = order.lineItems.filter((l: any) => l.title.toLowerCase().includes(c.item.toLowerCase()));
      const kept = order.lineItems.filter((l: any) => !dropped.includes(l));
      expect(dropped.length).toBe(1);
      for (const line of dropped) expect(reply.text).toContain(line.title);
      for (const line of kept) expect(reply.text).not.toContain(line.title);
    });
  }
});
