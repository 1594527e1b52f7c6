/**
 * "How is my return going?" from a customer with several orders: the order with the return is the
 * one meant, not whichever order "my order" would mean. Orders come from the dev store snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const cases = [
  { store: "northwind", ask: "what's the status of my return?" },
  { store: "maison-coquelicot", ask: "où en est mon retour ?" },
  { store: "cafe-colibri", ask: "¿cómo va mi devolución?" },
];

describe("a question about one's return", () => {
  for (const c of cases) {
    it(`${c.store}: "${c.ask}" answers about the order whose return is pending`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const ordersOf = (customerId: string) => snapshot.orders.filter((o: any) => o.customerId === customerId);
      // A customer with other orders besides the one whose return (requested or open) is pending.
      const withReturn = snapshot.orders.find(
        (o: any) =>
          o.customerId &&
          o.returns.some((r: any) => ["REQUESTED", "OPEN"].includes(r.status)) &&
          ordersOf(o.customerId).length >= 2,
      );
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: withReturn.customerId,
      });
      const reply = await say(c.ask);
      expect(reply.text).toContain(withReturn.returns[0].name);
    });
  }
});

const sendBack = [
  { store: "northwind", ask: "how do I send it back?" },
  { store: "maison-coquelicot", ask: "comment je le renvoie ?" },
  { store: "cafe-colibri", ask: "¿y cómo la envío?" },
];

describe("how to send back an approved return", () => {
  for (const c of sendBack) {
    it(`${c.store}: "${c.ask}" after an open return quotes the shop's rule on the return's postage`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const open = snapshot.orders.find((o: any) => o.customerId && o.returns.some((r: any) => r.status === "OPEN"));
      const say = await demoConversation({
        store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))),
        customerId: open.customerId,
      });
      const status = await say(`${open.name}: ${cases.find((k) => k.store === c.store)!.ask}`);
      expect(status.text).toContain(open.returns[0].name);
      const reply = await say(c.ask);
      // The refund policy's sentence on who pays the return postage (label, cost), in the shop's words.
      const policy = snapshot.policies.refundPolicy.body.replace(/\s+/g, " ");
      const quoted = reply.text.match(/[“«]\s?([^”»]+?)\s?[”»]/g)?.map((q: string) => q.slice(1, -1).trim()) ?? [];
      expect(
        quoted.some((q: string) => policy.includes(q) && /label|[ée]tiquette|gu[ií]a|frais|costo|pagas/i.test(q)),
      ).toBe(true);
    });
  }
});
