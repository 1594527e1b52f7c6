import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, TEST_SECRET } from "../helpers/app-env";
import { webhookHmac } from "../../demo/shopify-surrogate";

configureTestApp("webhooks");
const { default: db } = await import("../../app/db.server");
const compliance = await import("../../app/routes/webhooks.compliance");
const uninstalled = await import("../../app/routes/webhooks.app.uninstalled");

function webhook(topic: string, payload: object, options: { secret?: string; shop?: string } = {}): Request {
  const body = JSON.stringify(payload);
  return new Request("http://localhost:3999/webhooks/compliance", {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, options.secret ?? TEST_SECRET),
      "X-Shopify-Shop-Domain": options.shop ?? DEMO_SHOP,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
      "X-Shopify-Event-Id": crypto.randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

const call = (route: { action: (args: never) => Promise<Response> }, request: Request) =>
  route.action({ request, params: {}, context: {} } as never).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });

async function seedConversation(shop: string, customerId: string | null, text: string) {
  return db.conversation.create({
    data: {
      id: crypto.randomUUID().replace(/-/g, ""),
      shop,
      customerId,
      messages: { create: [{ shop, role: "shopper", text }] },
    },
  });
}

describe("webhooks", () => {
  beforeAll(installDemoShop);

  it("rejects a compliance webhook with a wrong HMAC and deletes nothing", async () => {
    const conversation = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/77", "hello");
    const response = await call(compliance, webhook("customers/redact", { shop_domain: DEMO_SHOP, customer: { id: 77 } }, { secret: "wrong" }));
    expect(response.status).toBe(401);
    expect(await db.conversation.findUnique({ where: { id: conversation.id } })).not.toBeNull();
  });

  it("customers/redact erases exactly that shopper's conversations", async () => {
    const theirs = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/501", "where is my order");
    const guestWithEmail = await seedConversation(DEMO_SHOP, null, "order 1002, my email is pat.redact@example.com");
    const someoneElse = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/502", "hi");
    const otherShop = await seedConversation("other-shop.myshopify.com", "gid://shopify/Customer/501", "hi");
    // What the merchant taught from these conversations: an approved answer and model examples.
    const [theirQuestion] = await db.message.findMany({ where: { conversationId: theirs.id } });
    const [otherQuestion] = await db.message.findMany({ where: { conversationId: someoneElse.id } });
    const fromTheirs = await db.approvedAnswer.create({ data: { shop: DEMO_SHOP, question: theirQuestion.text, answer: "a", sourceMessageId: theirQuestion.id } });
    const fromOther = await db.approvedAnswer.create({ data: { shop: DEMO_SHOP, question: otherQuestion.text, answer: "b", sourceMessageId: otherQuestion.id } });
    const examples = [{ text: "where is my order", intent: "track_order" }, { text: "hi", intent: "greeting" }];
    const version = await db.modelVersion.create({ data: { shop: DEMO_SHOP, version: 501, status: "active", examples: JSON.stringify(examples) } });
    const response = await call(
      compliance,
      webhook("customers/redact", { shop_domain: DEMO_SHOP, customer: { id: 501, email: "pat.redact@example.com" }, orders_to_redact: [] }),
    );
    expect(response.status).toBe(200);
    expect(await db.conversation.findUnique({ where: { id: theirs.id } })).toBeNull();
    expect(await db.conversation.findUnique({ where: { id: guestWithEmail.id } })).toBeNull();
    expect(await db.message.count({ where: { conversationId: theirs.id } })).toBe(0);
    expect(await db.conversation.findUnique({ where: { id: someoneElse.id } })).not.toBeNull();
    expect(await db.conversation.findUnique({ where: { id: otherShop.id } })).not.toBeNull();
    expect(await db.approvedAnswer.findUnique({ where: { id: fromTheirs.id } })).toBeNull();
    expect(await db.approvedAnswer.findUnique({ where: { id: fromOther.id } })).not.toBeNull();
    const kept = JSON.parse((await db.modelVersion.findUniqueOrThrow({ where: { id: version.id } })).examples);
    expect(kept).toEqual([{ text: "hi", intent: "greeting" }]);
  });

  it("customers/data_request exports that shopper's conversations", async () => {
    await seedConversation(DEMO_SHOP, "gid://shopify/Customer/601", "is the alpine jacket waterproof?");
    await seedConversation(DEMO_SHOP, "gid://shopify/Customer/602", "not mine");
    const response = await call(compliance, webhook("customers/data_request", { shop_domain: DEMO_SHOP, customer: { id: 601 }, data_request: { id: 1 } }));
    expect(response.status).toBe(200);
    const exported = await response.json();
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0].messages[0].text).toBe("is the alpine jacket waterproof?");
  });

  it("shop/redact erases the shop's data and leaves other shops alone", async () => {
    const other = await seedConversation("other-shop.myshopify.com", null, "keep me");
    await seedConversation(DEMO_SHOP, null, "delete me");
    await db.shopSettings.upsert({ where: { shop: DEMO_SHOP }, create: { shop: DEMO_SHOP }, update: {} });
    await db.approvedAnswer.create({ data: { shop: DEMO_SHOP, question: "q", answer: "a" } });
    await db.modelVersion.create({ data: { shop: DEMO_SHOP, version: 900, examples: JSON.stringify([{ text: "delete me", intent: "greeting" }]) } });
    const othersAnswer = await db.approvedAnswer.create({ data: { shop: "other-shop.myshopify.com", question: "q", answer: "keep" } });
    const response = await call(compliance, webhook("shop/redact", { shop_domain: DEMO_SHOP, shop_id: 1 }));
    expect(response.status).toBe(200);
    expect(await db.conversation.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.shopSettings.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.approvedAnswer.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.modelVersion.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.conversation.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect(await db.approvedAnswer.findUnique({ where: { id: othersAnswer.id } })).not.toBeNull();
  });

  it("app/uninstalled removes the shop's sessions after verifying the HMAC", async () => {
    await installDemoShop();
    const bad = await call(uninstalled, webhook("app/uninstalled", { id: 1 }, { secret: "nope" }));
    expect(bad.status).toBe(401);
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(1);
    const ok = await call(uninstalled, webhook("app/uninstalled", { id: 1 }));
    expect(ok.status).toBe(200);
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(0);
  });
});
