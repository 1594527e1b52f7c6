/**
 * Taking one item out of an order not shipped yet, keeping the rest, is a change, not a cancellation:
 * "can I cancel just the headlamp and keep the poles?", "je voudrais annuler la carafe mais garder le
 * vase", "ya no quiero los filtros, mándenme solo el café". The bot proposes removing that item, never
 * cancelling the whole order. Orders come from the dev store snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const cases = [
  { store: "northwind", order: "#1061", ask: "can I cancel just the headlamp and keep the poles?", drop: "Headlamp" },
  {
    store: "northwind",
    order: "#1061",
    ask: "can I cancel just the headlamp?",
    drop: "Headlamp",
    label: "cancel_order",
  },
  {
    store: "northwind",
    order: "#1061",
    ask: "can you take the headlamp off my order? just send the poles",
    drop: "Headlamp",
  },
  {
    store: "maison-coquelicot",
    order: "FR-3047",
    ask: "je voudrais annuler la carafe mais garder le vase",
    drop: "Carafe",
  },
  { store: "cafe-colibri", order: "MX5050-W", ask: "ya no quiero los filtros, mándenme solo el café", drop: "Filtros" },
];

describe("one item out of an order not shipped yet", () => {
  for (const c of cases) {
    it(`${c.store}: "${c.ask}" proposes removing that item, not cancelling the order`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const order = snapshot.orders.find((o: any) => o.name === c.order);
      const kept = order.lineItems.filter((l: any) => !l.title.includes(c.drop));
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: order.customerId,
      });
      const reply = await say(c.ask);
      // "Cancel just the …" keeps its cancellation label; the answer is the same removal.
      expect(reply.intent).toBe(c.label ?? "change_order");
      expect(reply.text).toContain(c.drop);
      expect(reply.text).toContain(order.name);
      for (const line of kept) expect(reply.text).not.toContain(line.title);
      // Nothing is cancelled: the whole order's refund is not offered.
      expect(reply.text).not.toContain(order.totalPrice.replace(/\.00$/, ""));
    });
  }
});
