import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, TEST_SECRET } from "../helpers/app-env";
import { webhookHmac } from "../../demo/shopify-surrogate";

configureTestApp("webhooks");
const { default: db } = await import("../../app/db.server");
const compliance = await import("../../app/routes/webhooks.compliance");
const uninstalled = await import("../../app/routes/webhooks.app.uninstalled");

interface WebhookOptions {
  secret?: string;
  shop?: string;
  webhookId?: string;
  /** Sent as is instead of the JSON of `payload`. */
  rawBody?: string;
}

function webhook(topic: string, payload: object, options: WebhookOptions = {}): Request {
  const body = options.rawBody ?? JSON.stringify(payload);
  return new Request("http://localhost:3999/webhooks/compliance", {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, options.secret ?? TEST_SECRET),
      "X-Shopify-Shop-Domain": options.shop ?? DEMO_SHOP,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": options.webhookId ?? crypto.randomUUID(),
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

/** The shop object Shopify sends with app/uninstalled. */
const uninstallPayload = (shop: string) => ({ id: 1, name: "A shop", domain: shop, myshopify_domain: shop });

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
    // Shopify sends shop/redact 48 hours after the uninstall.
    expect((await call(uninstalled, webhook("app/uninstalled", uninstallPayload(DEMO_SHOP)))).status).toBe(200);
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
    const bad = await call(uninstalled, webhook("app/uninstalled", uninstallPayload(DEMO_SHOP), { secret: "nope" }));
    expect(bad.status).toBe(401);
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(1);
    const ok = await call(uninstalled, webhook("app/uninstalled", uninstallPayload(DEMO_SHOP)));
    expect(ok.status).toBe(200);
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(0);
  });
});

describe("compliance webhooks are bound to their topic, their shop and their delivery", () => {
  beforeAll(installDemoShop);
  const OTHER = "other-shop.myshopify.com";
  const dataRequest = (shop: string) => ({ shop_id: 1, shop_domain: shop, orders_requested: [], customer: { id: 701, email: "ann@example.com", phone: null }, data_request: { id: 9001 } });

  it("a data_request body replayed as shop/redact, for its own or another shop, erases nothing", async () => {
    await db.session.deleteMany({ where: { shop: OTHER } }); // the other shop is uninstalled: only the binding protects it
    const others = await seedConversation(OTHER, null, "keep me");
    const ours = await seedConversation(DEMO_SHOP, null, "keep me too");
    for (const [shop, body] of [[OTHER, dataRequest(DEMO_SHOP)], [OTHER, dataRequest(OTHER)], [DEMO_SHOP, dataRequest(DEMO_SHOP)]] as const) {
      const response = await call(compliance, webhook("shop/redact", body, { shop }));
      expect(response.status).toBe(400);
    }
    expect(await db.conversation.findUnique({ where: { id: others.id } })).not.toBeNull();
    expect(await db.conversation.findUnique({ where: { id: ours.id } })).not.toBeNull();
  });

  it("refuses a payload whose shop_domain is not the shop the request is for", async () => {
    const theirs = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/702", "mine");
    const response = await call(compliance, webhook("customers/redact", { shop_domain: OTHER, customer: { id: 702 }, orders_to_redact: [] }));
    expect(response.status).toBe(400);
    const swapped = await call(compliance, webhook("customers/redact", { shop_domain: DEMO_SHOP, customer: { id: 702 }, orders_to_redact: [] }, { shop: OTHER }));
    expect(swapped.status).toBe(400);
    expect(await db.conversation.findUnique({ where: { id: theirs.id } })).not.toBeNull();
  });

  it("refuses a customers/redact body sent as customers/data_request and the reverse", async () => {
    const redactBody = { shop_id: 1, shop_domain: DEMO_SHOP, customer: { id: 703, email: null, phone: null }, orders_to_redact: [] };
    expect((await call(compliance, webhook("customers/data_request", redactBody))).status).toBe(400);
    const theirs = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/701", "mine");
    expect((await call(compliance, webhook("customers/redact", dataRequest(DEMO_SHOP)))).status).toBe(400);
    expect(await db.conversation.findUnique({ where: { id: theirs.id } })).not.toBeNull();
  });

  it("shop/redact erases nothing while the shop is still installed", async () => {
    await installDemoShop();
    const conversation = await seedConversation(DEMO_SHOP, null, "still here");
    const response = await call(compliance, webhook("shop/redact", { shop_id: 1, shop_domain: DEMO_SHOP }));
    expect(response.status).toBe(409);
    expect(await db.conversation.findUnique({ where: { id: conversation.id } })).not.toBeNull();
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(1);
  });

  it("does a delivery once: the same webhook id again changes nothing", async () => {
    const webhookId = crypto.randomUUID();
    const body = { shop_id: 1, shop_domain: DEMO_SHOP, customer: { id: 704, email: null, phone: null }, orders_to_redact: [] };
    await seedConversation(DEMO_SHOP, "gid://shopify/Customer/704", "first");
    expect((await call(compliance, webhook("customers/redact", body, { webhookId }))).status).toBe(200);
    expect(await db.conversation.count({ where: { customerId: "gid://shopify/Customer/704" } })).toBe(0);
    const later = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/704", "a new conversation after the redaction");
    const replay = await call(compliance, webhook("customers/redact", body, { webhookId }));
    expect(replay.status).toBe(200);
    expect(await db.conversation.findUnique({ where: { id: later.id } })).not.toBeNull();
  });

  it("answers a validly signed webhook whose body is not JSON with 400", async () => {
    for (const rawBody of ["{not json", ""]) {
      const response = await call(compliance, webhook("customers/redact", {}, { rawBody }));
      expect(response.status).toBe(400);
    }
    expect((await call(uninstalled, webhook("app/uninstalled", {}, { rawBody: "{oops" }))).status).toBe(400);
  });

  it("app/uninstalled for another shop's payload keeps the sessions", async () => {
    await installDemoShop();
    const response = await call(uninstalled, webhook("app/uninstalled", uninstallPayload(OTHER)));
    expect(response.status).toBe(400);
    expect(await db.session.count({ where: { shop: DEMO_SHOP } })).toBe(1);
  });
});
