/**
 * Property test: thousands of random inputs at the proxy route. No 5xx, no crash, every error a
 * JSON 4xx, and every accepted message stored exactly once (a retry with the same client
 * message id is not stored again).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { callProxyRoute, configureTestApp, installDemoShop, proxyRequest } from "../helpers/app-env";

configureTestApp("fuzz");
process.env.RATE_LIMIT_SHOPPER_PER_MINUTE = "100000000";
process.env.RATE_LIMIT_SHOP_PER_MINUTE = "100000000";
const { default: db } = await import("../../app/db.server");

async function call(request: Request, endpoint: string) {
  const response = await callProxyRoute(request, endpoint);
  const text = await response.text();
  return { status: response.status, text };
}

/** Text the databases refuse unless it is normalised: NUL (PostgreSQL) and lone UTF-16 surrogates (both). */
const unsendable = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("\u0000", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uDFFF\uD800", "a\u0000b"),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const bodies = fc.oneof(
  fc.record({ text: unsendable }).map((v) => JSON.stringify(v)),
  fc
    .record({
      conversationId: fc.string({ maxLength: 30 }),
      rating: fc.integer({ min: 1, max: 5 }),
      comment: unsendable,
    })
    .map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      text: fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 1200 }), fc.integer(), fc.constant(null)),
      clientMessageId: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/)),
      conversationId: fc.option(fc.string({ maxLength: 70 })),
    })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.constant("\uD800not-valid-utf16"),
);

describe("proxy route under random input", () => {
  beforeAll(installDemoShop);

  it("never answers 5xx or anything but JSON, whatever arrives", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("messages", "conversation", "feedback", "csat", "nope", ""),
        fc.constantFrom("GET", "POST", "PUT"),
        bodies,
        fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8"),
        async (endpoint, method, body, contentType) => {
          const request = proxyRequest(endpoint, {
            method,
            rawBody: method === "GET" ? undefined : body,
            contentType,
            query: { conversationId: body.slice(0, 30) },
          });
          const { status, text } = await call(request, endpoint);
          expect(status).toBeLessThan(500);
          const parsed = JSON.parse(text);
          if (status >= 400) expect(typeof parsed.error?.message).toBe("string");
          expect(text).not.toMatch(/\n\s+at .+\.(ts|js):\d+/);
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);

  it("stores every accepted message exactly once, retries included", async () => {
    const accepted = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9]{8,20}$/),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 3 }),
        async (clientMessageId, text, attempts) => {
          let conversationId: string | undefined;
          for (let i = 0; i < attempts; i++) {
            const { status, text: body } = await call(
              proxyRequest("messages", {
                body: { text, clientMessageId, ...(conversationId ? { conversationId } : {}) },
              }),
              "messages",
            );
            if (status !== 200) return;
            conversationId = JSON.parse(body).conversationId;
          }
          accepted.set(conversationId!, clientMessageId);
        },
      ),
      { numRuns: 80 },
    );
    for (const [conversationId, clientMessageId] of accepted) {
      expect(await db.message.count({ where: { conversationId, clientMessageId, role: "shopper" } })).toBe(1);
    }
    expect(accepted.size).toBeGreaterThan(20);
  }, 180_000);

  it("stores text with NUL and lone surrogates normalised, and never leaves an empty conversation", async () => {
    const before = await db.conversation.count();
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(unsendable, async (text) => {
        const { status, text: body } = await call(proxyRequest("messages", { body: { text } }), "messages");
        expect([200, 400]).toContain(status);
        if (status !== 200) return;
        const message = await db.message.findUniqueOrThrow({ where: { id: JSON.parse(body).shopperMessage.id } });
        expect(message.text).not.toContain("\u0000");
        expect(message.text.isWellFormed()).toBe(true);
        stored++;
      }),
      { numRuns: 150, examples: [["\uD800"], ["hello \u0000 world"], ["\uDFFF where is my order?"]] },
    );
    expect(stored).toBeGreaterThan(50);
    expect(await db.conversation.count({ where: { messages: { none: {} } } })).toBe(0);
    expect(await db.conversation.count()).toBe(before + stored);
  }, 120_000);
});
