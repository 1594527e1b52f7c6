import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";

configureTestApp("conversations");
const { default: db } = await import("../../app/db.server");
const { getConversationDetail } = await import("../../app/admin/conversations.server");

describe("a conversation's transcript in the admin", () => {
  it("shows the product cards the shopper saw and their rating, and only to the conversation's shop", async () => {
    const shop = "transcript.myshopify.com";
    const conversation = await db.conversation.create({
      data: { id: crypto.randomUUID().replace(/-/g, ""), shop, csat: 4, csatComment: "quick and clear" },
    });
    const question = await db.message.create({
      data: { shop, conversationId: conversation.id, role: "shopper", text: "any gift ideas?" },
    });
    await db.message.create({
      data: {
        shop,
        conversationId: conversation.id,
        role: "bot",
        text: "Here's what I found:",
        replyToId: question.id,
        products: JSON.stringify([
          { handle: "gift-card", title: "Northwind Gift Card", price: "$25.00", url: "/products/gift-card" },
        ]),
      },
    });
    const detail = await getConversationDetail(db, shop, conversation.id);
    expect(detail).toMatchObject({ csat: 4, csatComment: "quick and clear" });
    expect(detail!.messages.map((m) => m.products)).toEqual([[], [{ title: "Northwind Gift Card", price: "$25.00" }]]);
    expect(await getConversationDetail(db, "other.myshopify.com", conversation.id)).toBeNull();
  });
});

describe("a transcript's links into the Shopify admin", () => {
  it("names the logged-in customer and links them and every order the conversation looked up", async () => {
    const { ordersMentioned, shopifyRecords } = await import("../../app/admin/shopify-links.server");
    const { createCommerce } = await import("../../app/commerce/store");
    const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
    const { SNAPSHOT_PATH } = await import("../helpers/chat-context");
    const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
    const commerce = createCommerce(createDemoStore(snapshot).graphql);
    const order = snapshot.orders.find((o: any) => o.name === "#1006");
    const customer = snapshot.customers.find((c: any) => c.id === order.customerId);
    const numeric = (gid: string) => gid.split("/").pop();

    const orderNumbers = ordersMentioned([
      { role: "shopper", entities: { order_number: "1006" }, lookups: [] },
      {
        role: "bot",
        entities: {},
        lookups: [
          { kind: "order", ref: "#1006", outcome: "verified" },
          { kind: "customer_orders", ref: "customer orders", outcome: "ok" },
          { kind: "order", ref: "#99999", outcome: "not_found" },
        ],
      },
    ]);
    expect(orderNumbers).toEqual(["#1006", "#99999"]);
    const records = await shopifyRecords(commerce, { customerId: customer.id, orderNumbers });
    expect(records.customer).toEqual({
      name: customer.displayName,
      email: customer.email,
      url: `shopify://admin/customers/${numeric(customer.id)}`,
    });
    // #1006 once, linked; an order number Shopify doesn't know is named without a link.
    expect(records.orders).toEqual([
      { name: "#1006", url: `shopify://admin/orders/${numeric(order.id)}` },
      { name: "#99999", url: null },
    ]);

    const guest = await shopifyRecords(commerce, { customerId: null, orderNumbers: [] });
    expect(guest).toEqual({ customer: null, orders: [] });
  });
});
