/**
 * "and?", "?", "et alors ?", "¿y?" right after an answer asks for more of that answer: the same
 * topic continues, it is not a goodbye or an unclear message. Facts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";
import { orderInTransit } from "../helpers/dev-store-orders";

describe("a bare prompt for more after an answer", () => {
  it.each(["and?", "?", "so??", "and then?"])("%j after an order's status keeps the order", async (prompt) => {
    const { customerId, order } = orderInTransit("northwind");
    const say = await demoConversation({ customerId });
    await say("where is my order?");
    const more = await say(prompt);
    expect(more.intent).toBe("track_order");
    expect(more.text).toContain(order.name);
  });

  it("is not taken for a question of its own when nothing was answered yet", async () => {
    const say = await demoConversation();
    expect((await say("?")).intent).not.toBe("track_order");
  });
});

describe("'which carrier?' after the shop's shipping options", () => {
  it("stays on shipping options when no order is in the conversation", async () => {
    const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
    const { devStorePath } = await import("../../demo/dev-stores");
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    await say("¿cuánto cuesta el envío a Estados Unidos?");
    const carrier = await say("¿con qué paquetería?");
    expect(carrier.intent).toBe("shipping_options");
    expect(carrier.text).not.toMatch(/n[úu]mero de pedido/i);
  });
});

describe("'and my previous order?' once the talk moved on to a product", () => {
  it("is the customer's order before the one discussed", async () => {
    const { loadDemoSnapshot } = await import("../../demo/demo-store");
    const { SNAPSHOT_PATH } = await import("../helpers/chat-context");
    const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
    const { customerId, order } = orderInTransit("northwind");
    const earlier = snapshot.orders
      .filter((o: any) => o.customerId === customerId && o.createdAt < order.createdAt)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
    const say = await demoConversation({ customerId });
    await say("where is my order?");
    await say("do you sell gift cards?");
    const previous = await say("and my previous order?");
    expect(previous.intent).toBe("track_order");
    expect(previous.text).toContain(earlier.name);
  });
});

describe("'was it the black one?' about the order just shown", () => {
  it("lists what the order holds, with each item's options, rather than offering a swap", async () => {
    const { customerId, order } = orderInTransit("northwind");
    const say = await demoConversation({ customerId });
    await say("where is my order?");
    const which = await say("was it the black one?");
    expect(which.intent).toBe("track_order");
    for (const line of order.lineItems) expect(which.text).toContain(line.title);
  });
});
