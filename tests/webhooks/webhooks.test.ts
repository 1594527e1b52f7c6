import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, TEST_SECRET } from "../helpers/app-env";
import { webhookHmac } from "../../demo/shopify-surrogate";
import { startSmtpCapture, type SmtpCapture } from "../handoffs/smtp-capture";

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

async function seedConversation(shop: string, customerId: string | null, text: string, botLookups?: object[]) {
  return db.conversation.create({
    data: {
      id: crypto.randomUUID().replace(/-/g, ""),
      shop,
      customerId,
      messages: {
        create: [
          { shop, role: "shopper", text },
          ...(botLookups
            ? [{ shop, role: "bot", text: "Here is what I found.", lookups: JSON.stringify(botLookups) }]
            : []),
        ],
      },
    },
  });
}

/** The names of the conversations that still exist. */
async function survivors(conversations: Record<string, { id: string }>): Promise<string[]> {
  const left = new Set(
    (
      await db.conversation.findMany({
        where: { id: { in: Object.values(conversations).map((c) => c.id) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return Object.keys(conversations)
    .filter((name) => left.has(conversations[name].id))
    .sort();
}

const exists = async (conversation: { id: string }) =>
  (await db.conversation.findUnique({ where: { id: conversation.id } })) !== null;

/**
 * One customer's conversations among look-alikes. In the demo store, #1014 (order id
 * 5981259757908) belongs to the customer whose id is `customerId` and whose email is `email`.
 */
async function seedLookAlikes(customerId: string, email: string, order: string) {
  const [local, domain] = email.split("@");
  const theirs = {
    own: await seedConversation(DEMO_SHOP, `gid://shopify/Customer/${customerId}`, "where is my parcel?"),
    guestShouting: await seedConversation(
      DEMO_SHOP,
      null,
      `hi, my email is ${local.toUpperCase()}@${domain.toUpperCase()}.`,
    ),
    // A guest who proved the order with the email it had then (the customer changed it since).
    guestVerifiedOrder: await seedConversation(
      DEMO_SHOP,
      null,
      `where is ${order}? my email was old.address@example.com`,
      [{ kind: "order", ref: order, outcome: "verified via email" }],
    ),
  };
  const notTheirs = {
    longerLocalPart: await seedConversation(DEMO_SHOP, null, `my email is g${email}`),
    longerDomain: await seedConversation(DEMO_SHOP, null, `write to ${email}.au please`),
    anotherCustomerMentioning: await seedConversation(
      DEMO_SHOP,
      "gid://shopify/Customer/999000",
      `my friend ${email} told me about you`,
    ),
    guestDeniedOrder: await seedConversation(DEMO_SHOP, null, `where is ${order}? email guess@example.com`, [
      { kind: "order", ref: order, outcome: "denied" },
    ]),
  };
  return { theirs, notTheirs };
}

describe("webhooks", () => {
  beforeAll(installDemoShop);

  it("rejects a compliance webhook with a wrong HMAC and deletes nothing", async () => {
    const conversation = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/77", "hello");
    const response = await call(
      compliance,
      webhook("customers/redact", { shop_domain: DEMO_SHOP, customer: { id: 77 } }, { secret: "wrong" }),
    );
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
    const fromTheirs = await db.approvedAnswer.create({
      data: { shop: DEMO_SHOP, question: theirQuestion.text, answer: "a", sourceMessageId: theirQuestion.id },
    });
    const fromOther = await db.approvedAnswer.create({
      data: { shop: DEMO_SHOP, question: otherQuestion.text, answer: "b", sourceMessageId: otherQuestion.id },
    });
    const examples = [
      { text: "where is my order", intent: "track_order" },
      { text: "hi", intent: "greeting" },
    ];
    const version = await db.modelVersion.create({
      data: { shop: DEMO_SHOP, version: 501, status: "active", examples: JSON.stringify(examples) },
    });
    const response = await call(
      compliance,
      webhook("customers/redact", {
        shop_domain: DEMO_SHOP,
        customer: { id: 501, email: "pat.redact@example.com" },
        orders_to_redact: [],
      }),
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
    const response = await call(
      compliance,
      webhook("customers/data_request", { shop_domain: DEMO_SHOP, customer: { id: 601 }, data_request: { id: 1 } }),
    );
    expect(response.status).toBe(200);
    const stored = await db.dataRequestExport.findFirstOrThrow({ where: { shop: DEMO_SHOP, requestId: "1" } });
    const exported = JSON.parse(stored.data);
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0].messages[0].text).toBe("is the alpine jacket waterproof?");
  });

  it("shop/redact erases the shop's data and leaves other shops alone", async () => {
    const other = await seedConversation("other-shop.myshopify.com", null, "keep me");
    await seedConversation(DEMO_SHOP, null, "delete me");
    await db.shopSettings.upsert({ where: { shop: DEMO_SHOP }, create: { shop: DEMO_SHOP }, update: {} });
    await db.approvedAnswer.create({ data: { shop: DEMO_SHOP, question: "q", answer: "a" } });
    await db.modelVersion.create({
      data: { shop: DEMO_SHOP, version: 900, examples: JSON.stringify([{ text: "delete me", intent: "greeting" }]) },
    });
    const othersAnswer = await db.approvedAnswer.create({
      data: { shop: "other-shop.myshopify.com", question: "q", answer: "keep" },
    });
    await db.verificationAttempt.create({
      data: { shop: DEMO_SHOP, keyHash: "k", kind: "email", label: "e•••@example.org", lastFailureAt: new Date() },
    });
    await db.orderChangeCode.create({
      data: {
        id: "challenge-1",
        shop: DEMO_SHOP,
        orderNumber: "1055",
        codeHash: "h",
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    // Shopify sends shop/redact 48 hours after the uninstall.
    expect((await call(uninstalled, webhook("app/uninstalled", uninstallPayload(DEMO_SHOP)))).status).toBe(200);
    const response = await call(compliance, webhook("shop/redact", { shop_domain: DEMO_SHOP, shop_id: 1 }));
    expect(response.status).toBe(200);
    expect(await db.conversation.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.shopSettings.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.approvedAnswer.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.modelVersion.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.verificationAttempt.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await db.orderChangeCode.count({ where: { shop: DEMO_SHOP } })).toBe(0);
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
  const dataRequest = (shop: string) => ({
    shop_id: 1,
    shop_domain: shop,
    orders_requested: [],
    customer: { id: 701, email: "ann@example.com", phone: null },
    data_request: { id: 9001 },
  });

  it("a data_request body replayed as shop/redact, for its own or another shop, erases nothing", async () => {
    await db.session.deleteMany({ where: { shop: OTHER } }); // the other shop is uninstalled: only the binding protects it
    const others = await seedConversation(OTHER, null, "keep me");
    const ours = await seedConversation(DEMO_SHOP, null, "keep me too");
    for (const [shop, body] of [
      [OTHER, dataRequest(DEMO_SHOP)],
      [OTHER, dataRequest(OTHER)],
      [DEMO_SHOP, dataRequest(DEMO_SHOP)],
    ] as const) {
      const response = await call(compliance, webhook("shop/redact", body, { shop }));
      expect(response.status).toBe(400);
    }
    expect(await db.conversation.findUnique({ where: { id: others.id } })).not.toBeNull();
    expect(await db.conversation.findUnique({ where: { id: ours.id } })).not.toBeNull();
  });

  it("refuses a payload whose shop_domain is not the shop the request is for", async () => {
    const theirs = await seedConversation(DEMO_SHOP, "gid://shopify/Customer/702", "mine");
    const response = await call(
      compliance,
      webhook("customers/redact", { shop_domain: OTHER, customer: { id: 702 }, orders_to_redact: [] }),
    );
    expect(response.status).toBe(400);
    const swapped = await call(
      compliance,
      webhook(
        "customers/redact",
        { shop_domain: DEMO_SHOP, customer: { id: 702 }, orders_to_redact: [] },
        { shop: OTHER },
      ),
    );
    expect(swapped.status).toBe(400);
    expect(await db.conversation.findUnique({ where: { id: theirs.id } })).not.toBeNull();
  });

  it("refuses a customers/redact body sent as customers/data_request and the reverse", async () => {
    const redactBody = {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      customer: { id: 703, email: null, phone: null },
      orders_to_redact: [],
    };
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
    const body = {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      customer: { id: 704, email: null, phone: null },
      orders_to_redact: [],
    };
    await seedConversation(DEMO_SHOP, "gid://shopify/Customer/704", "first");
    expect((await call(compliance, webhook("customers/redact", body, { webhookId }))).status).toBe(200);
    expect(await db.conversation.count({ where: { customerId: "gid://shopify/Customer/704" } })).toBe(0);
    const later = await seedConversation(
      DEMO_SHOP,
      "gid://shopify/Customer/704",
      "a new conversation after the redaction",
    );
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

describe("the compliance webhooks find one customer's conversations exactly", () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    await installDemoShop();
    smtp = await startSmtpCapture();
    Object.assign(process.env, { SMTP_URL: smtp.url, SMTP_FROM: "Support <support@shop.example>" });
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    await smtp.close();
  });

  it("customers/redact: whole addresses, the customer's id and the orders named, never someone else's conversation", async () => {
    const { theirs, notTheirs } = await seedLookAlikes("7294051849937", "emma.larsen@example.com", "#1014");
    const response = await call(
      compliance,
      webhook("customers/redact", {
        shop_id: 1,
        shop_domain: DEMO_SHOP,
        customer: { id: 7294051849937, email: "emma.larsen@example.com", phone: null },
        orders_to_redact: [5981259757908],
      }),
    );
    expect(response.status).toBe(200);
    expect(await survivors({ ...theirs, ...notTheirs })).toEqual(Object.keys(notTheirs).sort());
  });

  it("customers/data_request: exports the same set, keeps it for the merchant, emails it to the team, and tells the sender nothing", async () => {
    await db.shopSettings.upsert({
      where: { shop: DEMO_SHOP },
      create: { shop: DEMO_SHOP, handoffEmail: "team@shop.example" },
      update: { handoffEmail: "team@shop.example" },
    });
    const { theirs, notTheirs } = await seedLookAlikes("7294052471661", "marcus.chen@example.net", "#1028");
    const body = {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      orders_requested: [5981286591530],
      customer: { id: 7294052471661, email: "marcus.chen@example.net", phone: null },
      data_request: { id: 4242 },
    };
    const response = await call(compliance, webhook("customers/data_request", body));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("parcel");

    const stored = await db.dataRequestExport.findFirstOrThrow({ where: { shop: DEMO_SHOP, requestId: "4242" } });
    const exported = JSON.parse(stored.data) as { conversations: { id: string }[] };
    expect(exported.conversations.map((c) => c.id).sort()).toEqual(
      Object.values(theirs)
        .map((c) => c.id)
        .sort(),
    );
    expect(stored.conversations).toBe(3);

    const deadline = Date.now() + 10_000;
    while (!smtp.mails.some((m) => m.to.includes("team@shop.example")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const mail = smtp.mails.find((m) => m.to.includes("team@shop.example"));
    expect(mail?.text).toContain("where is my parcel?");
    expect(mail?.text).not.toContain("told me about you");
    await expect
      .poll(async () => (await db.dataRequestExport.findUniqueOrThrow({ where: { id: stored.id } })).emailedAt)
      .not.toBeNull();

    // Shopify retrying the same request (a new delivery) keeps one export.
    expect((await call(compliance, webhook("customers/data_request", body))).status).toBe(200);
    expect(await db.dataRequestExport.count({ where: { shop: DEMO_SHOP, requestId: "4242" } })).toBe(1);
    for (const conversation of [...Object.values(theirs), ...Object.values(notTheirs)])
      expect(await exists(conversation)).toBe(true);
  });

  it("customers/redact also deletes the exports made for that customer, and shop/redact every export", async () => {
    await db.dataRequestExport.create({
      data: {
        shop: DEMO_SHOP,
        requestId: "77",
        customerId: "gid://shopify/Customer/55",
        customerEmail: "x@example.com",
        conversations: 0,
        data: "{}",
      },
    });
    await db.dataRequestExport.create({
      data: {
        shop: DEMO_SHOP,
        requestId: "78",
        customerId: "gid://shopify/Customer/56",
        customerEmail: "y@example.com",
        conversations: 0,
        data: "{}",
      },
    });
    await call(
      compliance,
      webhook("customers/redact", {
        shop_domain: DEMO_SHOP,
        customer: { id: 55, email: "x@example.com" },
        orders_to_redact: [],
      }),
    );
    expect(
      (await db.dataRequestExport.findMany({ where: { shop: DEMO_SHOP, requestId: { in: ["77", "78"] } } })).map(
        (e) => e.requestId,
      ),
    ).toEqual(["78"]);
    await call(uninstalled, webhook("app/uninstalled", uninstallPayload(DEMO_SHOP)));
    expect((await call(compliance, webhook("shop/redact", { shop_domain: DEMO_SHOP, shop_id: 1 }))).status).toBe(200);
    expect(await db.dataRequestExport.count({ where: { shop: DEMO_SHOP } })).toBe(0);
  });
});
