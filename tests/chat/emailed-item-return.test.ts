/**
 * An item sent by email (an online course) is delivered when it is sent: its return window runs
 * from then, not "once it's delivered", and the shop's exclusion for its kind is quoted when the
 * shopper names it from their order. Orders come from the Café Colibrí dev snapshot.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("returning an item sent by email", () => {
  it("counts the window from the email and quotes the shop's exclusion for digital items", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const emailed = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.lineItems.length === 1 &&
        o.lineItems[0].requiresShipping === false &&
        !o.lineItems[0].isGiftCard &&
        o.fulfillments.length === 1 &&
        o.fulfillments[0].trackingInfo.length === 0,
    );
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))),
      customerId: emailed.customerId,
    });
    const reply = await say(`quiero devolver el ${emailed.lineItems[0].title.toLowerCase()}`);
    expect(reply.intent).toBe("return_item");
    expect(reply.text).not.toMatch(/no se ha entregado/);
    // The window ran from the day the course was emailed.
    const sent = new Date(emailed.fulfillments[0].createdAt).getUTCDate();
    expect(reply.text).toContain(`${sent} de`);
    const policy = snapshot.policies.refundPolicy.body;
    const quoted = [...reply.text.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    expect(quoted.some((q) => policy.includes(q) && /digital/i.test(q))).toBe(true);
  });
});
