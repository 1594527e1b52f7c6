/**
 * "Can I return the coffee I didn't like?" asked about a product of a kind the shop's own
 * exclusions sentence names: whichever way the question is read (the return policy, or a return of
 * an order), the answer starts with that exclusion, quoted from the shop.
 */
import { describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, demoConversation } from "../helpers/chat-context";

describe("a product of a kind the shop excludes from returns", () => {
  it("is answered with the shop's exclusion first, in the policy answer and the order one", async () => {
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot("demo/stores/cafe-colibri.json")));
    const product = [...ctx.productsByHandle.values()].find((p) => /oaxaca/i.test(p.title))!;
    expect(product).toBeDefined();
    for (const text of [
      `What is your return policy for the ${product.title}?`,
      `Can I return the ${product.title}? I didn't like it.`,
    ]) {
      const out = await respond({ text, state: {}, shopper: { customerId: null } }, ctx);
      expect(out.text.split("\n")[0], text).toMatch(/exclusion/i);
    }
  });

  it("an item of that kind, still in its window, goes to the team for review instead of a return the bot opens", async () => {
    const snapshot = loadDemoSnapshot("demo/stores/cafe-colibri.json") as any;
    const now = Date.parse(snapshot.referenceDate);
    // A delivered or collected coffee (a kind the shop's exclusions name) from the last few days.
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.returns.length === 0 &&
        o.fulfillments.some(
          (f: any) =>
            ["DELIVERED", "PICKED_UP"].includes(f.displayStatus) && now - Date.parse(f.deliveredAt) < 5 * 864e5,
        ) &&
        o.lineItems.some((l: any) => /^Café /.test(l.title)),
    );
    expect(order).toBeDefined();
    const coffee = order.lineItems.find((l: any) => /^Café /.test(l.title));
    const say = await demoConversation({ customerId: order.customerId, store: createDemoStore(snapshot) });
    const out = await say(`Quiero devolver el ${coffee.title} de mi pedido ${order.name}`);
    expect(out.intent).toBe("return_item");
    expect(out.text).toContain("No tienen devolución");
    expect(out.text).not.toMatch(/se puede devolver hasta/);
    expect(out.state.pendingAction).toMatchObject({ kind: "request", ticket: { reason: "needs_approval" } });
  });
});

describe("returning an ordered item of an excluded kind", () => {
  it('offers no return the bot opens itself, and "¿y el <other item>?" is a new question, not a yes', async () => {
    const snapshot = loadDemoSnapshot("demo/stores/cafe-colibri.json") as any;
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot("demo/stores/cafe-colibri.json")));
    const coffee = [...ctx.productsByHandle.values()].find((p) => /chiapas/i.test(p.title) && p.status === "ACTIVE")!;
    // The newest delivered order (still inside the window) holding that coffee and an item the exclusions don't name.
    const newestFirst = [...snapshot.orders].sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt));
    const order = newestFirst.find(
      (o: any) =>
        o.customerId &&
        o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED") &&
        o.lineItems.some((l: any) => l.productId === coffee.id) &&
        o.lineItems.some((l: any) => l.productId !== coffee.id),
    );
    const other = order.lineItems.find((l: any) => l.productId !== coffee.id);
    let state = {};
    const say = async (text: string) => {
      const out = await respond({ text, state, shopper: { customerId: order.customerId } }, ctx);
      state = out.state;
      return out;
    };
    const first = await say(`quiero devolver el ${coffee.title} del pedido ${order.name}`);
    expect(first.text).not.toMatch(/¿Abro una devolución/);
    const next = await say(`¿y el ${other.title.split(" ")[0].toLowerCase()}?`);
    expect(next.text).not.toMatch(/se ha solicitado la devolución/);
  });
});

describe("exchanging an ordered item", () => {
  it("of an excluded kind: the exclusion, not a return window for it", async () => {
    const snapshot = loadDemoSnapshot("demo/stores/cafe-colibri.json") as any;
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot("demo/stores/cafe-colibri.json")));
    const coffee = [...ctx.productsByHandle.values()].find((p) => /chiapas/i.test(p.title) && p.status === "ACTIVE")!;
    const newestFirst = [...snapshot.orders].sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt));
    const order = newestFirst.find(
      (o: any) =>
        o.customerId &&
        o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED") &&
        o.lineItems.some((l: any) => l.productId === coffee.id),
    );
    const out = await respond(
      { text: "quiero cambiar mi café por otra molienda", state: {}, shopper: { customerId: order.customerId } },
      ctx,
    );
    expect(out.text.split("\n")[0]).toMatch(/exclusi/i);
    expect(out.text).not.toMatch(/se puede devolver hasta/);
  });

  it("quotes the shop's own exchange rule, in its language, on the order path too", async () => {
    const snapshot = loadDemoSnapshot("demo/stores/maison-coquelicot.json") as any;
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot("demo/stores/maison-coquelicot.json")));
    // The shop's sentence on exchanges: no exchange by post, exchange at its boutique.
    const rule = snapshot.policies.refundPolicy.body.match(/Échanges : ([^.]+)\./)[1];
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED"),
    );
    const item = order.lineItems[0].title.split(" ")[0].toLowerCase();
    const out = await respond(
      {
        text: `je voudrais échanger ${item} de la commande ${order.name} contre une autre couleur`,
        state: {},
        shopper: { customerId: order.customerId },
      },
      ctx,
    );
    expect(out.text).toContain(rule);
  });
});
