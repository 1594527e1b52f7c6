/** The logging policy: what app/log.server.ts and server.mjs may and may not write. */
import { describe, expect, it } from "vitest";
import { createLogger, log, REDACT_PATHS, redactPII, resolveLogLevel, scrubForLog } from "../../app/log.server";
import {
  createServerLogger,
  LOG_REDACT_PATHS,
  loggablePath,
  requestIdFor,
  resolveLogLevel as resolveServerLogLevel,
  routeConsoleToLogger,
  scrubText,
} from "../../server.mjs";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

function capture() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    entries: () => lines.map((l) => JSON.parse(l)),
  };
}

describe("redactPII", () => {
  it.each([
    ["write to jane.doe+shop@example.co.uk please", "write to [email] please"],
    ["encoded jane.doe%40example.com", "encoded [email]"],
    ["call +44 20 7946 0958 or (415) 555-0100", "call [phone] or [phone]"],
    ["customer 7423904862345 ordered", "customer [number] ordered"],
    ["Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [token]"],
    ["token shpat_0123456789abcdef0123456789abcdef ok", "token [token] ok"],
    ["key sk-proj-abcdefghijklmnop1234 ok", "key [api-key] ok"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl end", "jwt [jwt] end"],
    [
      "GET /apps/support/messages?signature=abc&logged_in_customer_id=1 failed",
      "GET /apps/support/messages?[query] failed",
    ],
    ["https://shop.example/x?hmac=1&shop=a", "https://shop.example/x?[query]"],
    ["bare signature=deadbeef&hmac=cafe", "bare signature=[redacted]&hmac=[redacted]"],
    ["sig 3f5a0c9e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", "sig [hex]"],
  ])("%s", (input, expected) => {
    expect(redactPII(input)).toBe(expected);
    expect(redactPII(expected)).toBe(expected); // idempotent
  });

  it("keeps ordinary operational text", () => {
    for (const text of [
      "retrain failed after 3 attempts",
      "order #1001 shipped",
      "latency 250 ms",
      "2026-11-25T09:46:32.181Z",
      "conversation c_abc123XYZ",
    ]) {
      expect(redactPII(text)).toBe(text);
    }
  });
});

describe("app logger (app/log.server.ts)", () => {
  it("is silent under vitest unless LOG_LEVEL is set; LOG_LEVEL otherwise, default info", () => {
    expect(resolveLogLevel(env({ VITEST: "true" }))).toBe("silent");
    expect(resolveLogLevel(env({ VITEST: "true", LOG_LEVEL: "debug" }))).toBe("debug");
    expect(resolveLogLevel(env({}))).toBe("info");
    expect(resolveLogLevel(env({ LOG_LEVEL: " WARN " }))).toBe("warn");
    expect(resolveLogLevel(env({ LOG_LEVEL: "verbose" }))).toBe("info");
    if (!process.env.LOG_LEVEL) expect(log.level).toBe("silent");
  });

  it("writes one JSON object per line with a level label and ISO time", () => {
    const out = capture();
    createLogger({ level: "info", destination: out.destination }).info(
      { shop: "a.myshopify.com", latencyMs: 12 },
      "reply sent",
    );
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0].endsWith("\n")).toBe(true);
    const entry = out.entries()[0];
    expect(entry).toMatchObject({ level: "info", msg: "reply sent", shop: "a.myshopify.com", latencyMs: 12 });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("never writes message texts, contact data, customer ids or credentials", () => {
    const out = capture();
    const logger = createLogger({ level: "debug", destination: out.destination });
    logger.info(
      {
        conversationId: "c_1",
        text: "I live at 12 Baker Street, London",
        message: { role: "shopper", text: "my order" },
        contactEmail: "jane@example.com",
        shippingAddress: { address1: "12 Baker Street", city: "London", zip: "NW1" },
        customerId: "gid://shopify/Customer/7423904862345",
        accessToken: "shpat_0123456789abcdef0123456789abcdef",
        openaiKeyCiphertext: "v1:abc",
        promptTokens: 120,
        nested: { deeper: { phone: "+1 415 555 0100", note: "call me", ok: "fine" } },
        req: {
          headers: { authorization: "Bearer x", cookie: "a=b", "x-shopify-access-token": "t", accept: "json" },
          query: { signature: "s", id_token: "j", shop: "x" },
        },
      },
      "shopper %s wrote from %s",
      "jane@example.com",
      "/apps/support?signature=abc",
    );
    const raw = out.lines.join("");
    for (const secret of [
      "Baker",
      "London",
      "my order",
      "jane@",
      "7423904862345",
      "shpat_",
      "v1:abc",
      "555 0100",
      "call me",
      "Bearer x",
      "a=b",
      "signature=abc",
    ]) {
      expect(raw, secret).not.toContain(secret);
    }
    const entry = out.entries()[0];
    expect(entry.msg).toBe("shopper [email] wrote from /apps/support?[query]");
    expect(entry).toMatchObject({
      conversationId: "c_1",
      text: "[Redacted]",
      contactEmail: "[Redacted]",
      promptTokens: 120,
    });
    expect(entry.nested.deeper).toEqual({ phone: "[Redacted]", note: "[Redacted]", ok: "fine" });
    expect(entry.req.headers).toEqual({
      authorization: "[Redacted]",
      cookie: "[Redacted]",
      "x-shopify-access-token": "[Redacted]",
      accept: "json",
    });
    expect(entry.req.query).toEqual({ signature: "[Redacted]", id_token: "[Redacted]", shop: "x" });
  });

  it("logs errors by type, code, scrubbed first message line and stack frames", () => {
    const out = capture();
    const error = Object.assign(
      new Error('lookup for jane@example.com failed\nInvalid args: { text: "my secret message" }'),
      { code: "P2002" },
    );
    createLogger({ level: "info", destination: out.destination }).error({ err: error }, "retrain failed");
    const entry = out.entries()[0];
    expect(entry.err).toMatchObject({ type: "Error", code: "P2002", message: "lookup for [email] failed" });
    expect(entry.err.stack).toMatch(/^\s+at /);
    expect(out.lines[0]).not.toContain("my secret message");
  });

  it("scrubs circular, binary and deep values without throwing", () => {
    const a: Record<string, unknown> = { name: "x" };
    a.self = a;
    expect(scrubForLog(a)).toEqual({ name: "x", self: "[Circular]" });
    expect(scrubForLog({ data: Buffer.from("secret") })).toEqual({ data: "[Binary]" });
    expect(scrubForLog({ n: 10n })).toEqual({ n: "10" });
  });
});

describe("server logger (server.mjs)", () => {
  it("redacts the same headers and query parameters as the app logger", () => {
    expect([...LOG_REDACT_PATHS].sort()).toEqual([...REDACT_PATHS].sort());
    for (const header of ["authorization", "cookie", "x-shopify-access-token"])
      expect(REDACT_PATHS).toContain(`req.headers["${header}"]`);
    for (const param of ["signature", "logged_in_customer_id", "id_token", "hmac"])
      expect(REDACT_PATHS).toContain(`req.query["${param}"]`);
  });

  it("resolves the level like the app logger", () => {
    const cases: Record<string, string>[] = [
      { VITEST: "true" },
      { VITEST: "true", LOG_LEVEL: "debug" },
      {},
      { LOG_LEVEL: "bogus" },
      { LOG_LEVEL: "error" },
    ];
    for (const values of cases) expect(resolveServerLogLevel(env(values))).toBe(resolveLogLevel(env(values)));
  });

  it("censors redact paths and logs errors without their data", () => {
    const out = capture();
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    try {
      const logger = createServerLogger(out.destination);
      logger.info({ req: { headers: { authorization: "Bearer secret" } } }, "x");
      logger.error({ err: new Error("failed for jane@example.com at /x?signature=abc\nsecond line with data") }, "y");
    } finally {
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
    const [first, second] = out.entries();
    expect(first.req.headers.authorization).toBe("[Redacted]");
    expect(second.err.message).toBe("failed for [email] at /x?[query]");
    expect(out.lines.join("")).not.toContain("second line");
  });

  it("logs paths without query strings or personal data", () => {
    expect(loggablePath("/proxy/messages?signature=abc&logged_in_customer_id=1")).toBe("/proxy/messages");
    expect(loggablePath("/app/conversations/c_abc123?x=1#frag")).toBe("/app/conversations/c_abc123");
    expect(loggablePath("/lookup/jane%40example.com/orders")).toBe("/lookup/:redacted/orders");
    expect(loggablePath("/lookup/jane@example.com")).toBe("/lookup/:redacted");
    expect(loggablePath("/call/+1%20415%20555%200100")).toBe("/call/:redacted");
    expect(loggablePath("/customers/7423904862345")).toBe("/customers/:redacted");
    expect(loggablePath("/orders/1001")).toBe("/orders/1001");
    expect(loggablePath("/t/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")).toBe("/t/:redacted");
    expect(loggablePath("/assets/entry.client-BGn2Xz1q.js")).toBe("/assets/entry.client-BGn2Xz1q.js");
    expect(loggablePath(undefined)).toBe("/");
  });

  it("reuses a caller's request id only when it is a short plain token", () => {
    expect(requestIdFor("abc-123")).toBe("abc-123");
    expect(requestIdFor(["first", "second"])).toBe("first");
    for (const unsafe of [undefined, "", "has space", "x".repeat(129), 'a"b', "a\nb", "-leading", "{json}"]) {
      expect(requestIdFor(unsafe)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("routes console output through the logger: strings masked, errors summarised, objects by type only", () => {
    const out = capture();
    const previous = process.env.LOG_LEVEL;
    const original = { ...console };
    process.env.LOG_LEVEL = "debug";
    try {
      routeConsoleToLogger(createServerLogger(out.destination));
      console.log("Error obtaining session table for jane@example.com:", { text: "secret message" });
      console.error(
        Object.assign(Object.create({ constructor: { name: "ErrorResponseImpl" } }), {
          status: 404,
          internal: true,
          data: "x",
          error: new Error('No route matches URL "/a/jane@example.com"'),
        }),
      );
      console.error("chat proxy failed", new TypeError("boom\nwith data"));
    } finally {
      Object.assign(console, original);
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
    const [first, second, third] = out.entries();
    expect(first).toMatchObject({
      level: "info",
      source: "console.log",
      msg: "Error obtaining session table for [email]: [Object]",
    });
    expect(second).toMatchObject({
      level: "debug",
      msg: "route error response 404",
      err: { type: "Error", message: 'No route matches URL "/a/[email]"' },
    });
    expect(third).toMatchObject({
      level: "error",
      msg: "chat proxy failed",
      err: { type: "TypeError", message: "boom" },
    });
    expect(out.lines.join("")).not.toMatch(/secret message|jane@|with data/);
  });

  it("scrubText keeps the first line and masks data", () => {
    expect(scrubText("Cannot find module '/app/build/server/index.js'")).toBe(
      "Cannot find module '/app/build/server/index.js'",
    );
    expect(scrubText("bad token shpat_0123456789abcdef for +1 415 555 0100\nrest")).toBe(
      "bad token [token] for [number]",
    );
  });
});
