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
