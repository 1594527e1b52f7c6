import { afterEach, beforeEach, describe, expect, it } from "vitest";
import OpenAI, {
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from "openai";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai";

const API_KEY = "sk-test-fake-0123456789";
const MODEL = "gpt-4o-mini";

const weatherTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather for a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

let fake: FakeOpenAI;

function client(opts: { maxRetries?: number; timeout?: number; apiKey?: string } = {}) {
  return new OpenAI({
    apiKey: opts.apiKey ?? API_KEY,
    baseURL: fake.baseURL,
    maxRetries: opts.maxRetries ?? 0,
    timeout: opts.timeout ?? 5_000,
  });
}

beforeEach(async () => {
  fake = await startFakeOpenAI({ apiKey: API_KEY });
});

afterEach(async () => {
  await fake.close();
});

describe("fake OpenAI server — non-streaming", () => {
  it("answers a plain completion in the chat.completion shape and records the request", async () => {
    fake.enqueue({ type: "message", content: "Hello there!", usage: { prompt_tokens: 12, completion_tokens: 3 } });

    const { data, request_id } = await client()
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Hi" }] })
      .withResponse();

    expect(data.object).toBe("chat.completion");
    expect(data.id).toMatch(/^chatcmpl-/);
    expect(data.model).toBe(MODEL);
    expect(typeof data.created).toBe("number");
    expect(data.choices).toHaveLength(1);
    expect(data.choices[0].index).toBe(0);
    expect(data.choices[0].finish_reason).toBe("stop");
    expect(data.choices[0].message).toMatchObject({ role: "assistant", content: "Hello there!", refusal: null });
    expect(data.choices[0].message.tool_calls).toBeUndefined();
    expect(data.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 });
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/);
    // The SDK also attaches the header as a non-enumerable `_request_id` on the parsed body.
    expect((data as typeof data & { _request_id?: string | null })._request_id).toBe(request_id);

    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
    expect(req.headers["content-type"]).toContain("application/json");
    expect(req.headers["x-stainless-retry-count"]).toBe("0");
    expect(req.body).toEqual({ model: MODEL, messages: [{ role: "user", content: "Hi" }] });
    expect(fake.pendingReplies()).toBe(0);
  });

  it("returns structured output for response_format json_schema (create + JSON.parse, and parse() with zod)", async () => {
    const value = { intent: "order_status", confidence: 0.93, orderNumber: "#1001" };
    fake.enqueue({ type: "json", value }, { type: "json", value });

    const schema = {
      type: "object",
      properties: {
        intent: { type: "string" },
        confidence: { type: "number" },
        orderNumber: { type: ["string", "null"] },
      },
      required: ["intent", "confidence", "orderNumber"],
      additionalProperties: false,
    };
    const openai = client();
    const created = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Where is order 1001?" }],
      response_format: { type: "json_schema", json_schema: { name: "intent", strict: true, schema } },
    });
    expect(JSON.parse(created.choices[0].message.content!)).toEqual(value);
    expect(fake.requests[0].body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "intent", strict: true, schema },
    });

    const Intent = z.object({ intent: z.string(), confidence: z.number(), orderNumber: z.string().nullable() });
    const parsed = await openai.chat.completions.parse({
      model: MODEL,
      messages: [{ role: "user", content: "Where is order 1001?" }],
      response_format: zodResponseFormat(Intent, "intent"),
    });
    expect(parsed.choices[0].message.parsed).toEqual(value);
    expect(fake.requests[1].body.response_format.type).toBe("json_schema");
    expect(fake.requests[1].body.response_format.json_schema.name).toBe("intent");
  });

  it("returns a refusal with content null", async () => {
    fake.enqueue({ type: "refusal", refusal: "I can't help with that." });
    const res = await client().chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "x" }] });
    expect(res.choices[0].message.content).toBeNull();
    expect(res.choices[0].message.refusal).toBe("I can't help with that.");
    expect(res.choices[0].finish_reason).toBe("stop");
  });

  it("does a tool-call round trip", async () => {
    fake.enqueue(
      { type: "tool_calls", calls: [{ name: "get_weather", arguments: { city: "Paris" }, id: "call_abc123" }] },
      { type: "message", content: "It is sunny in Paris." },
    );
    const openai = client();
    const messages: ChatCompletionMessageParam[] = [{ role: "user", content: "Weather in Paris?" }];

    const first = await openai.chat.completions.create({ model: MODEL, messages, tools: [weatherTool] });
    const choice = first.choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: "call_abc123", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
    ]);

    messages.push(choice.message);
    for (const call of choice.message.tool_calls ?? []) {
      if (call.type !== "function") continue;
      const args = JSON.parse(call.function.arguments) as { city: string };
      messages.push({
        role: "tool",
        tool_call_id: call.id,
        content: JSON.stringify({ city: args.city, sky: "sunny" }),
      });
    }
    const second = await openai.chat.completions.create({ model: MODEL, messages, tools: [weatherTool] });
    expect(second.choices[0].message.content).toBe("It is sunny in Paris.");

    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0].body.tools).toEqual([weatherTool]);
    const sent = fake.requests[1].body.messages;
    expect(sent[1]).toMatchObject({ role: "assistant", tool_calls: [{ id: "call_abc123", type: "function" }] });
    expect(sent[2]).toEqual({
      role: "tool",
      tool_call_id: "call_abc123",
      content: JSON.stringify({ city: "Paris", sky: "sunny" }),
    });
  });

  it("rejects a tool message that answers no tool call (400, like the real API; not retried)", async () => {
    fake.enqueue({ type: "message", content: "unused" });
    const err = await client({ maxRetries: 2 })
      .chat.completions.create({
        model: MODEL,
        messages: [
          { role: "user", content: "hi" },
          { role: "tool", tool_call_id: "call_nope", content: "{}" },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).param).toBe("messages.[1].role");
    expect(fake.requests).toHaveLength(1);
    expect(fake.pendingReplies()).toBe(1);
  });

  it("lets a handler decide from the request", async () => {
    fake.enqueue({
      type: "handler",
      handle: (req) => ({ type: "message", content: `echo: ${req.body.messages.at(-1).content}` }),
    });
    const res = await client().chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "ping" }] });
    expect(res.choices[0].message.content).toBe("echo: ping");
  });
});

describe("fake OpenAI server — errors, retries, timeouts", () => {
  it("429 with retry-after: the client waits that long and retries by itself", async () => {
    fake.enqueue(
      { type: "error", status: 429, retryAfterSeconds: 1, message: "Rate limit reached" },
      { type: "message", content: "ok after rate limit" },
    );
    const started = Date.now();
    const res = await client({ maxRetries: 1 }).chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "hi" }],
    });
    const elapsed = Date.now() - started;

    expect(res.choices[0].message.content).toBe("ok after rate limit");
    expect(fake.requests).toHaveLength(2);
    // Default backoff for the first retry would be 375–500 ms; retry-after: 1 makes it wait ~1 s.
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(fake.requests[0].headers["x-stainless-retry-count"]).toBe("0");
    expect(fake.requests[1].headers["x-stainless-retry-count"]).toBe("1");
    expect(fake.requests[1].body).toEqual(fake.requests[0].body);
  });

  it("429 without retries left surfaces RateLimitError with OpenAI's error body and headers", async () => {
    fake.enqueue({ type: "error", status: 429, retryAfterMs: 20, message: "Slow down" });
    const err = await client({ maxRetries: 0 })
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const e = err as RateLimitError;
    expect(e.status).toBe(429);
    expect(e.message).toBe("429 Slow down");
    expect(e.code).toBe("rate_limit_exceeded");
    expect(e.type).toBe("requests");
    expect(e.error).toEqual({ message: "Slow down", type: "requests", param: null, code: "rate_limit_exceeded" });
    expect(e.headers?.get("retry-after-ms")).toBe("20");
    expect(e.requestID).toMatch(/^req_/);
  });

  it("500 then success: the client retries", async () => {
    fake.enqueue({ type: "error", status: 500 }, { type: "message", content: "recovered" });
    const res = await client({ maxRetries: 2 }).chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.choices[0].message.content).toBe("recovered");
    expect(fake.requests).toHaveLength(2);
  });

  it("retry-after-ms takes precedence (fast retry of a 503)", async () => {
    fake.enqueue({ type: "error", status: 503, retryAfterMs: 10 }, { type: "message", content: "ok" });
    const started = Date.now();
    const res = await client({ maxRetries: 1 }).chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.choices[0].message.content).toBe("ok");
    expect(Date.now() - started).toBeLessThan(350); // well under the default 375–500 ms backoff
    expect(fake.requests).toHaveLength(2);
  });

  it("a delay longer than the client timeout throws APIConnectionTimeoutError", async () => {
    fake.enqueue({ type: "delay", ms: 2_000, then: { type: "message", content: "too late" } });
    const started = Date.now();
    const err = await client({ maxRetries: 0, timeout: 150 })
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("a delay shorter than the timeout still answers", async () => {
    fake.enqueue({ type: "delay", ms: 50, then: { type: "message", content: "slow but fine" } });
    const res = await client({ timeout: 2_000 }).chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.choices[0].message.content).toBe("slow but fine");
  });

  it("wrong API key → 401 AuthenticationError, not retried", async () => {
    fake.enqueue({ type: "message", content: "unused" });
    const err = await client({ apiKey: "sk-wrong-key-xxxxxxxx", maxRetries: 2 })
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).code).toBe("invalid_api_key");
    expect(fake.requests).toHaveLength(1);
    expect(fake.pendingReplies()).toBe(1);
  });

  it("empty queue → 500 'no scripted reply' that the client does not retry (x-should-retry: false)", async () => {
    const err = await client({ maxRetries: 2 })
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as InternalServerError).message).toContain("no scripted reply");
    expect(fake.requests).toHaveLength(1);
  });

  it("serves GET /v1/models and 404s unknown routes with the error shape", async () => {
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).toContain(MODEL);
    expect(models.data[0]).toMatchObject({ object: "model", owned_by: "system" });

    const res = await fetch(`${fake.baseURL}/nope`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await res.json()).toEqual({
      error: { message: "Invalid URL (GET /v1/nope)", type: "invalid_request_error", param: null, code: null },
    });
  });
});

describe("fake OpenAI server — streaming", () => {
  it("streams text in several chunks, with a usage chunk when include_usage is set", async () => {
    const text = "Your order #1001 shipped yesterday and should arrive Friday.";
    fake.enqueue({ type: "message", content: text, usage: { prompt_tokens: 40, completion_tokens: 11 } });

    const stream = await client().chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Where is my order?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === MODEL)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    const contentChunks = chunks.filter((c) => c.choices[0]?.delta.content);
    expect(contentChunks.length).toBeGreaterThan(3);
    const reassembled = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(reassembled).toBe(text);

    const finals = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(finals).toHaveLength(1);
    expect(finals[0].choices[0].finish_reason).toBe("stop");
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 40, completion_tokens: 11, total_tokens: 51 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(fake.requests[0].body.stream).toBe(true);
  });

  it("streams without a usage chunk when include_usage is not set", async () => {
    fake.enqueue({ type: "message", content: "short answer" });
    const stream = await client().chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "q" }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.choices.length === 1 && c.usage === undefined)).toBe(true);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe("stop");
  });

  it("streams tool calls in the incremental format, reassembled by hand", async () => {
    const argsA = { city: "Paris", unit: "celsius" };
    const argsB = { city: "Lyon", unit: "celsius" };
    fake.enqueue({
      type: "tool_calls",
      calls: [
        { name: "get_weather", arguments: argsA, id: "call_A" },
        { name: "get_weather", arguments: argsB },
      ],
    });
    const stream = await client().chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Weather in Paris and Lyon?" }],
      tools: [weatherTool],
      stream: true,
    });

    const calls: { id?: string; name: string; arguments: string }[] = [];
    let finishReason: string | null = null;
    let argumentDeltas = 0;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      for (const tc of choice.delta.tool_calls ?? []) {
        const slot = (calls[tc.index] ??= { name: "", arguments: "" });
        if (tc.id) slot.id = tc.id;
        if (tc.function?.name) slot.name += tc.function.name;
        if (tc.function?.arguments) {
          slot.arguments += tc.function.arguments;
          argumentDeltas++;
        }
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }

    expect(finishReason).toBe("tool_calls");
    expect(calls).toHaveLength(2);
    expect(calls[0].id).toBe("call_A");
    expect(calls[1].id).toMatch(/^call_/);
    expect(calls.map((c) => c.name)).toEqual(["get_weather", "get_weather"]);
    expect(JSON.parse(calls[0].arguments)).toEqual(argsA);
    expect(JSON.parse(calls[1].arguments)).toEqual(argsB);
    expect(argumentDeltas).toBeGreaterThan(4); // arguments really arrive in pieces
  });

  it("is accumulated correctly by the SDK's own stream helper (tool calls and JSON content)", async () => {
    fake.enqueue(
      { type: "tool_calls", calls: [{ name: "get_weather", arguments: { city: "Oslo" }, id: "call_oslo" }] },
      { type: "json", value: { answer: "cold", degrees: -3 } },
    );
    const openai = client();
    const toolRun = openai.chat.completions.stream({
      model: MODEL,
      messages: [{ role: "user", content: "Oslo?" }],
      tools: [weatherTool],
    });
    const toolFinal = await toolRun.finalChatCompletion();
    expect(toolFinal.choices[0].finish_reason).toBe("tool_calls");
    expect(toolFinal.choices[0].message.tool_calls).toMatchObject([
      { id: "call_oslo", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } },
    ]);

    const Answer = z.object({ answer: z.string(), degrees: z.number() });
    const jsonRun = openai.chat.completions.stream({
      model: MODEL,
      messages: [{ role: "user", content: "Oslo?" }],
      response_format: zodResponseFormat(Answer, "answer"),
    });
    const jsonFinal = await jsonRun.finalChatCompletion();
    expect(jsonFinal.choices[0].message.parsed).toEqual({ answer: "cold", degrees: -3 });
  });

  it("returns scripted errors before streaming starts", async () => {
    fake.enqueue({ type: "error", status: 400, message: "bad request", param: "messages" });
    const err = await client()
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "q" }], stream: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).param).toBe("messages");
  });
});
