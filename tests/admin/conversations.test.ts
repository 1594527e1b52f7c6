import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";

configureTestApp("conversations");
const { default: db } = await import("../../app/db.server");
const { getConversationDetail } = await import("../../app/admin/conversations.server");

describe("a conversation's transcript in the admin", () => {
  it("shows the product cards the shopper saw and their rating, and only to the conversation's shop", async () => {
    const shop = "transcript.myshopify.com";
    const conversation = await db.conversation.create({ data: { id: crypto.randomUUID().replace(/-/g, ""), shop, csat: 4, csatComment: "quick and clear" } });
    const question = await db.message.create({ data: { shop, conversationId: conversation.id, role: "shopper", text: "any gift ideas?" } });
    await db.message.create({
      data: {
        shop,
        conversationId: conversation.id,
        role: "bot",
        text: "Here's what I found:",
        replyToId: question.id,
        products: JSON.stringify([{ handle: "gift-card", title: "Northwind Gift Card", price: "$25.00", url: "/products/gift-card" }]),
      },
    });
    const detail = await getConversationDetail(db, shop, conversation.id);
    expect(detail).toMatchObject({ csat: 4, csatComment: "quick and clear" });
    expect(detail!.messages.map((m) => m.products)).toEqual([[], [{ title: "Northwind Gift Card", price: "$25.00" }]]);
    expect(await getConversationDetail(db, "other.myshopify.com", conversation.id)).toBeNull();
  });
});
