import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";

configureTestApp("proxy");
const { default: db } = await import("../../app/db.server");
const { storeOfflineSession } = await import("../../demo/offline-session");

const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const order1006 = snapshot.orders.find((o: { name: string }) => o.name === "#1006");
const tracking1006 = order1006.fulfillments[0].trackingInfo[0];

const send = sendToProxy;

const messageCount = () => db.message.count();

describe("app proxy: signature", () => {
  beforeAll(installDemoShop);

  it("answers a correctly signed request", async () => {
    const { status, body } = await send(proxyRequest("messages", { body: { text: "hi there" } }));
    expect(status).toBe(200);
    expect(body.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.reply.role).toBe("bot");
    expect(body.reply.text.length).toBeGreaterThan(0);
  });

  it.each([
    [
      "missing",
      (r: Request) =>
        new Request(r.url.replace(/&signature=[^&]+/, ""), {
          method: "POST",
          body: '{"text":"hi"}',
          headers: { "Content-Type": "application/json" },
        }),
    ],
    [
      "tampered (customer id added after signing)",
      (r: Request) =>
        new Request(r.url.replace("logged_in_customer_id=", "logged_in_customer_id=7294052471661"), {
          method: "POST",
          body: '{"text":"hi"}',
          headers: { "Content-Type": "application/json" },
        }),
    ],
    [
      "tampered (shop changed)",
      (r: Request) =>
        new Request(r.url.replace("northwind-outfitters", "evil-shop"), {
          method: "POST",
          body: '{"text":"hi"}',
          headers: { "Content-Type": "application/json" },
        }),
    ],
  ])("rejects a %s signature and stores nothing", async (_name, tamper) => {
    const before = await messageCount();
    const { status, body } = await send(tamper(proxyRequest("messages", { body: { text: "hi" } })));
    expect(status).toBe(401);
    expect(body.error.code).toBe("invalid_signature");
    expect(await messageCount()).toBe(before);
  });

  // The library checks the signature over Object.fromEntries(query) (the last of a repeated key);
  // URLSearchParams.get() reads the first. A repeated key must never reach either.
  it.each([
    ["logged_in_customer_id", "7294052471661"],
    ["shop", "other-merchant.myshopify.com"],
  ])(
    "refuses a freshly signed guest query with %s=<another> prepended (400), and stores nothing",
    async (key, value) => {
      await storeOfflineSession(db, "other-merchant.myshopify.com", "other-token", "test");
      const signed = proxyRequest("messages", { body: { text: "where's my stuff?" } });
      const url = new URL(signed.url);
      const forged = new Request(`${url.origin}${url.pathname}?${key}=${value}&${url.searchParams}`, {
        method: "POST",
        body: '{"text":"where\'s my stuff?"}',
        headers: { "Content-Type": "application/json" },
      });
      const [messages, conversations] = [await messageCount(), await db.conversation.count()];
      const { status, body } = await send(forged);
      expect(status).toBe(400);
      expect(body.error.code).toBe("duplicate_parameter");
      expect(JSON.stringify(body)).not.toContain("#1060");
      expect([await messageCount(), await db.conversation.count()]).toEqual([messages, conversations]);
      // The same query without the prepended key is answered (the control).
      expect((await send(signed)).status).toBe(200);
    },
  );

  it("rejects a stale timestamp and a wrong secret", async () => {
    const before = await messageCount();
    const stale = await send(
      proxyRequest("messages", { body: { text: "hi" }, timestamp: Math.floor(Date.now() / 1000) - 600 }),
    );
    const wrongSecret = await send(proxyRequest("messages", { body: { text: "hi" }, secret: "not-the-app-secret" }));
    expect(stale.status).toBe(401);
    expect(wrongSecret.status).toBe(401);
    expect(await messageCount()).toBe(before);
  });
});

describe("app proxy: bad input gets a clear error and no stack trace", () => {
  it.each([
    ["invalid JSON", { rawBody: "{not json" }, 400, "invalid_json"],
    ["missing text", { body: { conversationId: undefined } }, 400, "invalid_request"],
    ["text of the wrong type", { body: { text: 42 } }, 400, "invalid_request"],
    ["empty text", { body: { text: "   " } }, 400, "invalid_request"],
    ["text over the limit", { body: { text: "x".repeat(1001) } }, 400, "invalid_request"],
    [
      "a body that is not JSON",
      { rawBody: "text=hi", contentType: "application/x-www-form-urlencoded" },
      415,
      "unsupported_media_type",
    ],
    // A CORS "simple request" type that merely mentions JSON in a parameter.
    [
      "text/plain naming JSON in a parameter",
      { body: { text: "hi" }, contentType: "text/plain; x=application/json" },
      415,
      "unsupported_media_type",
    ],
    [
      "a media type that only starts like JSON",
      { body: { text: "hi" }, contentType: "application/jsonp" },
      415,
      "unsupported_media_type",
    ],
    ["a huge body", { rawBody: JSON.stringify({ text: "y".repeat(40_000) }) }, 413, "payload_too_large"],
    [
      "an unknown conversation",
      { body: { text: "hi", conversationId: "AAAAAAAAAAAAAAAAAAAAAA" } },
      404,
      "conversation_not_found",
    ],
  ])("%s", async (_name, options, status, code) => {
    const { status: actual, body } = await send(proxyRequest("messages", options as never));
    expect(actual).toBe(status);
    expect(body.error.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  /** A signed POST whose body arrives as a stream of chunks, without Content-Length (chunked). */
  function streamed(chunks: Iterator<string>, onPull: () => void): Request {
    const signed = proxyRequest("messages", { body: {} });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        onPull();
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Request(signed.url, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "Content-Type": "application/json" },
    } as RequestInit);
  }

  it("stops reading a chunked body once it passes the 16 KB limit", async () => {
    let pulled = 0;
    // 4 MB in 1 KB chunks, unless the reader stops.
    const chunks = (function* () {
      yield '{"text":"';
      for (let i = 0; i < 4096; i++) yield "x".repeat(1024);
      yield '"}';
    })();
    const { status, body } = await send(streamed(chunks, () => pulled++));
    expect(status).toBe(413);
    expect(body.error.code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(40);
  });

  it("reads a chunked body under the limit", async () => {
    const { status, body } = await send(streamed(['{"text":', '"hello', ' there"}'][Symbol.iterator](), () => {}));
    expect(status).toBe(200);
    expect(body.shopperMessage.text).toBe("hello there");
  });

  it("accepts the JSON media type with parameters and in any case", async () => {
    for (const contentType of ["application/json; charset=utf-8", "Application/JSON"]) {
      expect((await send(proxyRequest("messages", { body: { text: "hi" }, contentType }))).status).toBe(200);
    }
  });

  it.each(["not a shop", "evil.example.com", "-.myshopify.com"])(
    "answers a signed request for the shop %j with a 4xx, not a 500",
    async (shop) => {
      const before = await messageCount();
      const { status, body } = await send(proxyRequest("messages", { body: { text: "hi" }, shop }));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(typeof body.error.message).toBe("string");
      expect(await messageCount()).toBe(before);
    },
  );

  it("unknown endpoints and methods are 404/405 JSON", async () => {
    expect((await send(proxyRequest("nope"))).status).toBe(404);
    expect((await send(proxyRequest("messages", { method: "GET" }))).status).toBe(405);
  });
});

describe("app proxy: conversations", () => {
  it("stores the shopper message, the reply and its analysis", async () => {
    const { body } = await send(
      proxyRequest("messages", {
        body: { text: "Is the Alpine shell jacket waterproof?", clientMessageId: "client-msg-0001" },
      }),
    );
    const messages = await db.message.findMany({
      where: { conversationId: body.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => m.role)).toEqual(["shopper", "bot"]);
    expect(messages[0].text).toBe("Is the Alpine shell jacket waterproof?");
    expect(messages[0].intent).toBe(messages[1].intent);
    expect(messages[1].engine).toBe("local");
    expect(messages[1].latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("stores a retried message once and returns the same reply", async () => {
    const first = await send(proxyRequest("messages", { body: { text: "hello", clientMessageId: "retry-abc-123" } }));
    const retry = await send(
      proxyRequest("messages", {
        body: { text: "hello", clientMessageId: "retry-abc-123", conversationId: first.body.conversationId },
      }),
    );
    expect(retry.body.reply.id).toBe(first.body.reply.id);
    expect(await db.message.count({ where: { conversationId: first.body.conversationId, role: "shopper" } })).toBe(1);
  });

  it("stores a retried first message (no conversation id yet) once, in the conversation the first attempt started", async () => {
    const first = await send(
      proxyRequest("messages", { body: { text: "hello", clientMessageId: "retry-first-0001" } }),
    );
    const retry = await send(
      proxyRequest("messages", { body: { text: "hello", clientMessageId: "retry-first-0001" } }),
    );
    expect(retry.body.conversationId).toBe(first.body.conversationId);
    expect(retry.body.reply.id).toBe(first.body.reply.id);
    expect(await db.message.count({ where: { clientMessageId: "retry-first-0001" } })).toBe(1);
  });

  it("returns history to the same guest and records feedback on a reply", async () => {
    const { body } = await send(proxyRequest("messages", { body: { text: "what is your return policy?" } }));
    const history = await send(proxyRequest("conversation", { query: { conversationId: body.conversationId } }));
    expect(history.body.messages.map((m: { role: string }) => m.role)).toEqual(["shopper", "bot"]);
    const feedback = await send(
      proxyRequest("feedback", {
        body: { conversationId: body.conversationId, messageId: body.reply.id, rating: "down" },
      }),
    );
    expect(feedback.status).toBe(200);
    expect((await db.feedback.findUnique({ where: { messageId: body.reply.id } }))?.rating).toBe("down");
    const onShopperMessage = await send(
      proxyRequest("feedback", {
        body: { conversationId: body.conversationId, messageId: body.shopperMessage.id, rating: "up" },
      }),
    );
    expect(onShopperMessage.status).toBe(404);
  });

  it("never shows a customer's conversation to a guest or another customer", async () => {
    const { body } = await send(
      proxyRequest("messages", { body: { text: "where's my stuff?" }, customerId: "7294052471661" }),
    );
    expect((await send(proxyRequest("conversation", { query: { conversationId: body.conversationId } }))).status).toBe(
      404,
    );
    expect(
      (await send(proxyRequest("conversation", { query: { conversationId: body.conversationId }, customerId: "1" })))
        .status,
    ).toBe(404);
    expect(
      (
        await send(
          proxyRequest("conversation", { query: { conversationId: body.conversationId }, customerId: "7294052471661" }),
        )
      ).status,
    ).toBe(200);
  });

  it("never lets another installed shop's storefront read, continue or rate this shop's conversation", async () => {
    const other = "other-merchant.myshopify.com";
    await storeOfflineSession(db, other, "other-token", "test");
    const { body } = await send(proxyRequest("messages", { body: { text: "hi there" } }));
    const conversationId = body.conversationId;
    const before = await db.message.count({ where: { conversationId } });

    expect((await send(proxyRequest("conversation", { shop: other, query: { conversationId } }))).status).toBe(404);
    expect(
      (
        await send(
          proxyRequest("messages", { shop: other, body: { conversationId, text: "hello from the other shop" } }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await send(
          proxyRequest("feedback", { shop: other, body: { conversationId, messageId: body.reply.id, rating: "down" } }),
        )
      ).status,
    ).toBe(404);
    expect((await send(proxyRequest("csat", { shop: other, body: { conversationId, rating: 1 } }))).status).toBe(404);
    expect(await db.message.count({ where: { conversationId } })).toBe(before);
    expect(await db.feedback.count({ where: { messageId: body.reply.id } })).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).csat).toBeNull();
    // The same requests signed for this shop do reach it (the control).
    expect((await send(proxyRequest("conversation", { query: { conversationId } }))).status).toBe(200);
  });
});

describe("app proxy: orders only for a verified shopper", () => {
  it("tracks a guest's order given its number and the order's email", async () => {
    const { body } = await send(
      proxyRequest("messages", { body: { text: `Where is my order #1006? my email is ${order1006.email}` } }),
    );
    expect(body.reply.text).toContain(tracking1006.number);
    expect(body.reply.text).toContain(tracking1006.company);
  });

  it("reveals nothing about the order with another email", async () => {
    const { body } = await send(
      proxyRequest("messages", { body: { text: "Where is my order #1006? my email is someone.else@example.com" } }),
    );
    expect(body.reply.text).not.toContain(tracking1006.number);
    expect(body.reply.text).not.toMatch(/UPS|in transit|delivered|shipped|Hannah/i);
  });

  it("asks a guest for exactly the missing email, then answers", async () => {
    const first = await send(proxyRequest("messages", { body: { text: "where is order 1006" } }));
    expect(first.body.reply.text).toMatch(/email/i);
    expect(first.body.reply.text).not.toContain(tracking1006.number);
    const second = await send(
      proxyRequest("messages", { body: { text: order1006.email, conversationId: first.body.conversationId } }),
    );
    expect(second.body.reply.text).toContain(tracking1006.number);
  });

  it("tracks a logged-in customer's open order without asking anything", async () => {
    const marcus = snapshot.customers.find((c: { email: string }) => c.email === "marcus.chen@example.net");
    const open = snapshot.orders.find((o: { name: string }) => o.name === "#1060");
    const { body } = await send(
      proxyRequest("messages", { body: { text: "where's my stuff?" }, customerId: marcus.id.split("/").pop() }),
    );
    expect(body.reply.text).toContain("#1060");
    expect(body.reply.text).toContain(open.fulfillments[0].trackingInfo[0].number);
  });

  it("does not let a logged-in customer holding a guest's conversation id take it over with the guest's verified order", async () => {
    const guest = await send(
      proxyRequest("messages", { body: { text: `Where is my order #1006? my email is ${order1006.email}` } }),
    );
    expect(guest.body.reply.text).toContain(tracking1006.number);
    const conversationId = guest.body.conversationId;
    const marcus = snapshot.customers
      .find((c: { email: string }) => c.email === "marcus.chen@example.net")
      .id.split("/")
      .pop();
    const before = await db.message.count({ where: { conversationId } });

    const takeover = await send(
      proxyRequest("messages", { body: { conversationId, text: "where is it now?" }, customerId: marcus }),
    );
    expect(takeover.status).toBe(404);
    expect(JSON.stringify(takeover.body)).not.toContain(tracking1006.number);
    expect((await send(proxyRequest("conversation", { query: { conversationId }, customerId: marcus }))).status).toBe(
      404,
    );
    const stored = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(stored.customerId).toBeNull();
    expect(await db.message.count({ where: { conversationId } })).toBe(before);
    // The guest still continues their own conversation.
    expect((await send(proxyRequest("conversation", { query: { conversationId } }))).status).toBe(200);
  });

  it("does not show a logged-in customer someone else's order", async () => {
    const marcus = snapshot.customers.find((c: { email: string }) => c.email === "marcus.chen@example.net");
    const { body } = await send(
      proxyRequest("messages", { body: { text: "where is order #1006?" }, customerId: marcus.id.split("/").pop() }),
    );
    expect(body.reply.text).not.toContain(tracking1006.number);
  });
});
