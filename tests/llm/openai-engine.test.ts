/**
 * The GPT-4 path through the real `openai` client against a local OpenAI-compatible server that
 * speaks the wire protocol (tests/helpers/fake-openai.ts). No network beyond loopback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import type { EngineConfig } from "../../app/llm/config";
import { respondWithEngine } from "../../app/llm/engine-router";
import { CircuitBreaker } from "../../app/llm/circuit-breaker";
import { estimateCostUsd } from "../../app/llm/pricing";
import { decryptSecret, encryptSecret } from "../../app/llm/secrets.server";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const order1058 = snapshot.orders.find((o: any) => o.name === "#1058");
const tracking = order1058.fulfillments[0].trackingInfo[0].number;

let fake: FakeOpenAI;
let ctx: ChatContext;
let shopCounter = 0;

const intentJson = (intent: string, entities: Record<string, string | null> = {}) => ({
  type: "json" as const,
  value: {
    intent,
    confidence: 0.93,
    language: "en",
    entities: { order_number: null, email: null, product: null, quantity: null, size: null, color: null, ...entities },
  },
  usage: { prompt_tokens: 120, completion_tokens: 30 },
});

function engine(
  mode: "openai" | "hybrid" = "openai",
  overrides: Partial<NonNullable<EngineConfig["openai"]>> = {},
): EngineConfig {
  return {
    mode,
    openai: {
      apiKey: "sk-test",
      model: "gpt-4.1",
      baseURL: fake.baseURL,
      timeoutMs: 2_000,
      maxRetries: 2,
      ...overrides,
    },
  };
}

const ask = (
  text: string,
  config: EngineConfig,
  extra: { customerId?: string | null; onDelta?: (t: string) => void } = {},
) =>
  respondWithEngine({ text, state: {}, shopper: { customerId: extra.customerId ?? null } }, ctx, config, {
    shop: `shop-${++shopCounter}.myshopify.com`,
    onDelta: extra.onDelta,
  });

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-test" });
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

describe("OpenAI engine", () => {
  it("answers an order question through a verified tool call, and accounts tokens and cost", async () => {
    fake.enqueue(
      intentJson("track_order", { order_number: "1058", email: order1058.email }),
      {
        type: "tool_calls",
        calls: [{ name: "get_order", arguments: { order_number: "1058", email: order1058.email } }],
        usage: { prompt_tokens: 600, completion_tokens: 20 },
      },
      {
        type: "message",
        content: `Order #1058 is on its way with UPS, tracking ${tracking}.`,
        usage: { prompt_tokens: 900, completion_tokens: 40 },
      },
    );
    const result = await ask(`Where is order #1058? My email is ${order1058.email}`, engine());
    expect(result.engine).toBe("openai");
    expect(result.output.intent).toBe("track_order");
    expect(result.output.text).toContain(tracking);
    const toolMessage = fake.requests[2].body.messages.find((m: any) => m.role === "tool");
    expect(JSON.parse(toolMessage.content)).toMatchObject({ found: true, order: { name: "#1058" } });
    expect(toolMessage.content).toContain(tracking);
    expect(fake.requests[1].body.tools.map((t: any) => t.function.name)).toContain("get_order");
    expect(result.usage).toEqual({ promptTokens: 1620, completionTokens: 90 });
    expect(result.costUsd).toBeCloseTo(estimateCostUsd("gpt-4.1", { promptTokens: 1620, completionTokens: 90 })!, 10);
    expect(fake.requests[0].body.response_format.type).toBe("json_schema");
  });

  it("refuses, in the tool layer, an order the shopper hasn't proved — whatever the model asks", async () => {
    fake.enqueue(
      intentJson("track_order", { order_number: "1058" }),
      // The model tries an email the shopper never typed.
      {
        type: "tool_calls",
        calls: [{ name: "get_order", arguments: { order_number: "1058", email: order1058.email } }],
      },
      { type: "message", content: "I couldn't find that order; what email did you use?" },
    );
    const result = await ask("where is order 1058?", engine());
    const toolMessage = fake.requests[2].body.messages.find((m: any) => m.role === "tool");
    expect(JSON.parse(toolMessage.content)).toMatchObject({ found: false });
    expect(toolMessage.content).not.toContain(tracking);
    expect(toolMessage.content).not.toContain(order1058.shippingAddress.address1);
    expect(result.output.text).not.toContain(tracking);
  });

  it("retries a 429 (honouring retry-after) and then succeeds", async () => {
    fake.enqueue({ type: "error", status: 429, retryAfterMs: 20 } as any, intentJson("greeting"), {
      type: "message",
      content: "Hello there!",
    });
    const result = await ask("hiya", engine("openai"));
    expect(result.engine).toBe("openai");
    expect(result.output.text).toBe("Hello there!");
    expect(fake.requests).toHaveLength(3);
  });

  it("falls back to the local engine on a timeout, saying why", async () => {
    fake.enqueue({ type: "delay", ms: 1_500, then: intentJson("greeting") });
    const result = await ask("hello", engine("openai", { timeoutMs: 300, maxRetries: 0 }));
    expect(result.engine).toBe("local");
    expect(result.note).toMatch(/fallback: openai timeout/);
    expect(result.output.text.length).toBeGreaterThan(0);
  });

  it("treats invalid structured output as a failure and answers locally", async () => {
    fake.enqueue({ type: "json", value: { intent: "not_a_label", confidence: 2 } });
    const result = await ask("what is your return policy?", engine("openai"));
    expect(result.engine).toBe("local");
    expect(result.note).toMatch(/validation/);
    expect(result.output.intent).toBe("return_policy");
  });

  it("in hybrid mode calls the model only when the local engine is unsure", async () => {
    const confident = await ask("where is my order #1042?", engine("hybrid"));
    expect(confident.engine).toBe("local");
    expect(confident.note).toMatch(/hybrid: local confidence/);
    expect(fake.requests).toHaveLength(0);
  });

  it("streams the final reply's tokens", async () => {
    fake.enqueue(intentJson("greeting"), { type: "message", content: "Hi! How can I help you with your order today?" });
    const pieces: string[] = [];
    const result = await ask("hey", engine("openai"), { onDelta: (t) => pieces.push(t) });
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(result.output.text);
    expect(fake.requests[1].body.stream).toBe(true);
  });

  it("opens the circuit after repeated failures and stops calling the model", async () => {
    const shared = { ...engine("openai", { maxRetries: 0 }) };
    const shop = "breaker-shop.myshopify.com";
    for (let i = 0; i < 3; i++) {
      fake.enqueue({ type: "error", status: 500 });
      const failed = await respondWithEngine({ text: "hello", state: {}, shopper: { customerId: null } }, ctx, shared, {
        shop,
      });
      expect(failed.engine).toBe("local");
    }
    const before = fake.requests.length;
    const skipped = await respondWithEngine({ text: "hello", state: {}, shopper: { customerId: null } }, ctx, shared, {
      shop,
    });
    expect(skipped.note).toMatch(/circuit open/);
    expect(fake.requests.length).toBe(before);
  });
});

describe("engine plumbing", () => {
  it("a circuit breaker half-opens after its cooldown", () => {
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    now = 1500;
    expect(breaker.state).toBe("half-open");
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
  });

  it("stores a merchant's key encrypted and never in clear", () => {
    const env = { APP_ENCRYPTION_KEY: "k" } as unknown as NodeJS.ProcessEnv;
    const sealed = encryptSecret("sk-merchant-secret", env);
    expect(sealed).not.toContain("sk-merchant");
    expect(decryptSecret(sealed, env)).toBe("sk-merchant-secret");
    expect(decryptSecret(sealed, { APP_ENCRYPTION_KEY: "other" } as unknown as NodeJS.ProcessEnv)).toBeNull();
  });
});
