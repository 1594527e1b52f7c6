/**
 * A cancelled order is described with why it was cancelled, when the reason is one a shopper may
 * hear (their own request, an item out of stock, a declined payment); a fraud cancellation is not
 * put in words. Orders come from the dev store snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const cases = [
  { store: "northwind", ask: "why was order {n} cancelled?", stock: /out of stock/i, request: /at your request/i },
  {
    store: "maison-coquelicot",
    ask: "pourquoi la commande {n} a été annulée ?",
    stock: /rupture de stock/i,
    request: /à votre demande/i,
  },
  { store: "cafe-colibri", ask: "¿por qué se canceló el pedido {n}?", stock: /agot/i, request: /a petición tuya/i },
];

describe("why an order was cancelled", () => {
  for (const c of cases) {
    it(`${c.store}: says an item was out of stock, or that the shopper asked for it`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const cancelled = (reason: string) =>
        snapshot.orders.find((o: any) => o.cancelledAt && o.cancelReason === reason && o.customerId);
      for (const [reason, expected] of [
        ["INVENTORY", c.stock],
        ["CUSTOMER", c.request],
      ] as const) {
        const order = cancelled(reason);
        const say = await demoConversation({
          store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
          customerId: order.customerId,
        });
        const reply = await say(c.ask.replace("{n}", order.name));
        expect(reply.text, order.name).toMatch(expected);
      }
    });
  }
});
