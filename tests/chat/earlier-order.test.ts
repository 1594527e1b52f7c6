/**
 * "And the one before that?" after an order was discussed: the customer's order placed before it,
 * in any store's language; a guest, whose email unlocks only the order it was given with, is asked
 * for that order's number. Facts come from the dev store snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

function storeNamed(name: string) {
  const snapshot = loadDemoSnapshot(devStorePath(name)) as any;
  return { snapshot, store: createDemoStore(loadDemoSnapshot(devStorePath(name))) };
}

/** A customer's orders, newest first. */
function ordersOf(snapshot: any, customerId: string): any[] {
  return snapshot.orders
    .filter((o: any) => o.customerId === customerId)
    .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt));
}

describe("the order before the one discussed", () => {
  const cases = [
    { store: "northwind", first: "where's my order?", then: "and the one before that?" },
    { store: "maison-coquelicot", first: "où en est ma commande ?", then: "et la précédente ?" },
    { store: "cafe-colibri", first: "¿dónde está mi pedido?", then: "¿y el anterior?" },
  ];
  for (const c of cases) {
    it(`${c.store}: "${c.then}" answers about the order placed before the one just shown`, async () => {
      const { snapshot, store } = storeNamed(c.store);
      // A customer with three orders or more whose newest is shown first.
      const customer = snapshot.customers.find((cu: any) => ordersOf(snapshot, cu.id).length >= 3);
      const say = await demoConversation({ store, customerId: customer.id });
      const first = await say(c.first);
      const shown = ordersOf(snapshot, customer.id).find((o: any) => first.text.includes(o.name))!;
      const earlier = ordersOf(snapshot, customer.id).find((o: any) => o.createdAt < shown.createdAt)!;
      const reply = await say(c.then);
      expect(reply.intent).toBe("track_order");
      // The answer is about the earlier order (the shown one may only be listed among the others).
      const [headline] = reply.text.split("\n");
      expect(headline).toContain(earlier.name);
      expect(headline).not.toContain(shown.name);
    });
  }

  it("a guest who unlocked one order by email is asked for the other order's number", async () => {
    const { snapshot, store } = storeNamed("northwind");
    const guestEmail = snapshot.orders.find(
      (o: any) => !o.customerId && snapshot.orders.filter((x: any) => x.email === o.email).length >= 2,
    ).email;
    const [newest, older] = snapshot.orders
      .filter((o: any) => o.email === guestEmail)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt));
    const say = await demoConversation({ store });
    await say(`where is order ${newest.name}? my email is ${guestEmail}`);
    const reply = await say("and the one before that?");
    expect(reply.text).toMatch(/order number/i);
    expect(reply.text).not.toContain(older.name);
    for (const line of older.lineItems) expect(reply.text).not.toContain(line.title);
  });

  it('"my latest order" after an earlier one was discussed is the newest again', async () => {
    const { snapshot, store } = storeNamed("northwind");
    const customer = snapshot.customers.find((cu: any) => ordersOf(snapshot, cu.id).length >= 3);
    const say = await demoConversation({ store, customerId: customer.id });
    const first = await say("where's my order?");
    const shown = ordersOf(snapshot, customer.id).find((o: any) => first.text.includes(o.name))!;
    await say("and the one before that?");
    const reply = await say("ok, and where is my latest order?");
    expect(reply.text.split("\n")[0]).toContain(shown.name);
  });
});
