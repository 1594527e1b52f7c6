/**
 * A scripted, OpenAI-compatible Chat Completions server on loopback, for tests.
 *
 * It speaks the real wire protocol (as defined by the `openai` package's own types:
 * `ChatCompletion`, `ChatCompletionChunk`, `CompletionUsage`, and OpenAI's error body
 * `{ error: { message, type, param, code } }`), so the app's real `openai` client can be pointed at
 * it with `new OpenAI({ apiKey, baseURL: fake.baseURL })` and exercised without the internet.
 *
 *   const fake = await startFakeOpenAI({ apiKey: "sk-test" });
 *   fake.enqueue({ type: "message", content: "Hello!" });
 *   // ... run code that calls client.chat.completions.create(...)
 *   expect(fake.requests[0].body.messages).toEqual(...);
 *   await fake.close();
 *
 * Routes (all under /v1):
 *   POST /v1/chat/completions  answers with the next scripted reply (FIFO). Streams SSE when the
 *                              body has `stream: true`. Empty queue → 500 "no scripted reply" with
 *                              `x-should-retry: false` (so the client fails at once instead of retrying).
 *   GET  /v1/models            a small model list;  GET /v1/models/:id  one model or 404.
 *   anything else              404 with OpenAI's "Invalid URL (METHOD /path)" error body.
 *
 * Every request (including rejected ones) is appended to `requests`. Every response carries an
 * `x-request-id: req_…` header (the client exposes it as `error.requestID` / `result._request_id`).
 *
 * Notes on how the openai client (v6) reacts, which the scripted errors are designed around:
 *   - it retries 408, 409, 429 and every status >= 500 (up to `maxRetries`, default 2), and also
 *     connection errors / timeouts; `x-should-retry: true|false` overrides that decision;
 *   - the wait before a retry is `retry-after-ms` (milliseconds) if present, else `retry-after`
 *     (seconds, may be fractional, or an HTTP date), else exponential backoff 0.5 s, 1 s, 2 s … (max 8 s,
 *     minus up to 25 % jitter);
 *   - `timeout` only covers the time until response headers arrive, so `delay` holds back the
 *     headers; with retries left, a timed-out request is retried and consumes the NEXT scripted reply.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

export interface RecordedRequest {
  method: string;
  /** URL path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON body; the raw string if it was not JSON; undefined if empty. */
  body: any;
}

export interface ScriptedUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type ScriptedReply =
  /** Assistant text; finish_reason "stop". */
  | { type: "message"; content: string; usage?: ScriptedUsage }
  /** Structured output: assistant content = JSON.stringify(value); finish_reason "stop". */
  | { type: "json"; value: unknown; usage?: ScriptedUsage }
  /**
   * Function tool calls; content null, finish_reason "tool_calls". `arguments` is JSON.stringify'd
   * unless it is already a string (which is sent verbatim — handy for malformed-arguments tests).
   */
  | {
      type: "tool_calls";
      calls: { name: string; arguments: unknown; id?: string }[];
      usage?: ScriptedUsage;
    }
  /** message.refusal set, content null; finish_reason "stop". */
  | { type: "refusal"; refusal: string; usage?: ScriptedUsage }
  /**
   * An HTTP error with OpenAI's error body. `retryAfterSeconds` → `retry-after` header,
   * `retryAfterMs` → `retry-after-ms` header, `headers` → any extra headers (e.g. x-should-retry).
   */
  | {
      type: "error";
      status: number;
      message?: string;
      retryAfterSeconds?: number;
      retryAfterMs?: number;
      code?: string;
      errorType?: string;
      param?: string;
      headers?: Record<string, string>;
    }
  /** Wait `ms` before sending anything (headers included), then answer with `then`. */
  | { type: "delay"; ms: number; then: ScriptedReply }
  /** Decide from the request (called when the request arrives / after a delay). */
  | {
      type: "handler";
      handle: (req: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;
    };

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:PORT/v1 — pass as `baseURL` to `new OpenAI(...)`. */
  baseURL: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Append replies to the FIFO used by POST /v1/chat/completions. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Number of scripted replies not consumed yet. */
  pendingReplies(): number;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** When set, every /v1 request must carry `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  /** Ids listed by GET /v1/models. */
  models?: string[];
  /**
   * Reject (400, like the real API) tool messages that do not answer a preceding assistant
   * `tool_calls` entry, and assistant `tool_calls` not followed by a tool message for each id.
   * Default true.
   */
  validateToolMessages?: boolean;
}

const DEFAULT_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"];
const SYSTEM_FINGERPRINT = "fp_fake0penai";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHANUM[b % ALPHANUM.length];
  return out;
}
const newCompletionId = () => `chatcmpl-${randomId(29)}`;
const newToolCallId = () => `call_${randomId(24)}`;
const newRequestId = () => `req_${randomBytes(16).toString("hex")}`;

/** Rough, deterministic token estimate (≈ 4 characters per token). */
function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

function usageObject(prompt: number, completion: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Split text per word (leading whitespace kept with the word); always re-joins to the input. */
function splitWords(text: string): string[] {
  const parts = text.match(/\s*\S+|\s+$/g) ?? [];
  return parts.join("") === text ? parts : splitFixed(text, 8);
}

/** Split into pieces of `size` code points (never splits a surrogate pair). */
function splitFixed(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

const DEFAULT_ERROR_MESSAGES: Record<number, string> = {
  400: "Invalid request.",
  401: "Incorrect API key provided.",
  403: "You are not allowed to perform this request.",
  404: "The requested resource was not found.",
  408: "Request timed out.",
  409: "Conflict.",
  422: "Unprocessable entity.",
  429: "Rate limit reached for requests. Please try again later.",
  500: "The server had an error while processing your request. Sorry about that!",
  502: "Bad gateway.",
  503: "The engine is currently overloaded, please try again later.",
};

function defaultErrorType(status: number, code?: string): string {
  if (status === 429) return code === "insufficient_quota" ? "insufficient_quota" : "requests";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

interface ErrorSpec {
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Real-API-style check of the tool-call / tool-result pairing in `messages`. */
function validateToolPairing(messages: any[]): ErrorSpec | null {
  const open = new Map<string, number>(); // tool_call_id → index of the assistant message
  let expectingToolsFrom = -1;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m?.role === "tool") {
      if (expectingToolsFrom < 0 || !open.has(m.tool_call_id)) {
        return {
          message:
            "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          type: "invalid_request_error",
          param: `messages.[${i}].role`,
          code: null,
        };
      }
      open.delete(m.tool_call_id);
      continue;
    }
    if (open.size > 0) break;
    expectingToolsFrom = -1;
    if (m?.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0) {
      expectingToolsFrom = i;
      for (const call of m.tool_calls) open.set(call?.id, i);
    }
  }
  if (open.size > 0) {
    return {
      message:
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
        `The following tool_call_ids did not have response messages: ${[...open.keys()].join(", ")}`,
      type: "invalid_request_error",
      param: `messages.[${expectingToolsFrom}].role`,
      code: null,
    };
  }
  return null;
}

type FinalReply = Exclude<ScriptedReply, { type: "delay" } | { type: "handler" }>;
type ContentReply = Exclude<FinalReply, { type: "error" }>;

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedReply[] = [];
  /** Pending delays: timer → its resolver, so close() can release them. */
  const timers = new Map<NodeJS.Timeout, () => void>();
  const models = options.models ?? DEFAULT_MODELS;
  const validateTools = options.validateToolMessages ?? true;
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.set(t, resolve);
    });

  function baseHeaders(extra: Record<string, string> = {}): Record<string, string> {
    return {
      "x-request-id": newRequestId(),
      "openai-version": "2020-10-01",
      "openai-processing-ms": "1",
      ...extra,
    };
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...baseHeaders(headers),
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text).toString(),
    });
    res.end(text);
  }

  function sendError(res: http.ServerResponse, status: number, spec: ErrorSpec, headers: Record<string, string> = {}) {
    sendJson(
      res,
      status,
      { error: { message: spec.message, type: spec.type, param: spec.param ?? null, code: spec.code ?? null } },
      headers,
    );
  }

  /** Resolve delay/handler wrappers into a final reply; undefined if the client went away meanwhile. */
  async function resolveReply(
    reply: ScriptedReply,
    recorded: RecordedRequest,
    res: http.ServerResponse,
  ): Promise<FinalReply | undefined> {
    let current: ScriptedReply = reply;
    for (;;) {
      if (closed || res.destroyed) return undefined;
      if (current.type === "delay") {
        await sleep(current.ms);
        current = current.then;
      } else if (current.type === "handler") {
        current = await current.handle(recorded);
      } else {
        return current;
      }
    }
  }

  function sendScriptedError(res: http.ServerResponse, reply: Extract<FinalReply, { type: "error" }>) {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.retryAfterSeconds !== undefined) headers["retry-after"] = String(reply.retryAfterSeconds);
    if (reply.retryAfterMs !== undefined) headers["retry-after-ms"] = String(reply.retryAfterMs);
    sendError(
      res,
      reply.status,
      {
        message: reply.message ?? DEFAULT_ERROR_MESSAGES[reply.status] ?? `HTTP ${reply.status}`,
        type: reply.errorType ?? defaultErrorType(reply.status, reply.code),
        param: reply.param ?? null,
        code: reply.code ?? (reply.status === 429 ? "rate_limit_exceeded" : null),
      },
      headers,
    );
  }

  function toolCallsOf(reply: Extract<ContentReply, { type: "tool_calls" }>) {
    return reply.calls.map((c) => ({
      id: c.id ?? newToolCallId(),
      type: "function" as const,
      function: {
        name: c.name,
        arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments ?? {}),
      },
    }));
  }

  function completionText(reply: ContentReply): string {
    switch (reply.type) {
      case "message":
        return reply.content;
      case "json":
        return JSON.stringify(reply.value);
      case "refusal":
        return reply.refusal;
      case "tool_calls":
        return reply.calls
          .map((c) => c.name + (typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments ?? {})))
          .join("");
    }
  }

  function usageFor(reply: ContentReply, body: any) {
    if (reply.usage) return usageObject(reply.usage.prompt_tokens, reply.usage.completion_tokens);
    return usageObject(estimateTokens(JSON.stringify(body?.messages ?? [])), estimateTokens(completionText(reply)));
  }

  function sendCompletion(res: http.ServerResponse, reply: ContentReply, body: any) {
    const message: Record<string, unknown> = { role: "assistant", content: null, refusal: null, annotations: [] };
    let finishReason = "stop";
    if (reply.type === "message") message.content = reply.content;
    else if (reply.type === "json") message.content = JSON.stringify(reply.value);
    else if (reply.type === "refusal") message.refusal = reply.refusal;
    else {
      message.tool_calls = toolCallsOf(reply);
      finishReason = "tool_calls";
    }
    sendJson(res, 200, {
      id: newCompletionId(),
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
      usage: usageFor(reply, body),
      service_tier: "default",
      system_fingerprint: SYSTEM_FINGERPRINT,
    });
  }

  function sendStream(res: http.ServerResponse, reply: ContentReply, body: any) {
    if (res.destroyed || res.writableEnded) return;
    const includeUsage = body?.stream_options?.include_usage === true;
    const base = {
      id: newCompletionId(),
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      service_tier: "default",
      system_fingerprint: SYSTEM_FINGERPRINT,
    };
    res.writeHead(200, {
      ...baseHeaders(),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const write = (data: string) => {
      if (!res.destroyed) res.write(`data: ${data}\n\n`);
    };
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      write(
        JSON.stringify({
          ...base,
          choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
          ...(includeUsage ? { usage: null } : {}),
        }),
      );

    let finishReason = "stop";
    if (reply.type === "message" || reply.type === "json") {
      chunk({ role: "assistant", content: "", refusal: null });
      const text = reply.type === "message" ? reply.content : JSON.stringify(reply.value);
      const pieces = reply.type === "message" ? splitWords(text) : splitFixed(text, 8);
      for (const piece of pieces) chunk({ content: piece });
    } else if (reply.type === "refusal") {
      chunk({ role: "assistant", content: null, refusal: "" });
      for (const piece of splitWords(reply.refusal)) chunk({ refusal: piece });
    } else {
      finishReason = "tool_calls";
      chunk({ role: "assistant", content: null, refusal: null });
      toolCallsOf(reply).forEach((call, index) => {
        chunk({
          tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }],
        });
        for (const piece of splitFixed(call.function.arguments, 8)) {
          chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
        }
      });
    }
    chunk({}, finishReason);
    if (includeUsage) write(JSON.stringify({ ...base, choices: [], usage: usageFor(reply, body) }));
    write("[DONE]");
    res.end();
  }

  async function handleChatCompletion(res: http.ServerResponse, recorded: RecordedRequest, rawBody: string) {
    const body = recorded.body;
    if (rawBody.length > 0 && typeof body === "string") {
      return sendError(res, 400, {
        message:
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
        type: "invalid_request_error",
      });
    }
    if (!body || typeof body !== "object" || !body.model) {
      return sendError(res, 400, { message: "you must provide a model parameter", type: "invalid_request_error" });
    }
    if (!Array.isArray(body.messages)) {
      return sendError(res, 400, {
        message: "Missing required parameter: 'messages'.",
        type: "invalid_request_error",
        param: "messages",
        code: "missing_required_parameter",
      });
    }
    if (validateTools) {
      const problem = validateToolPairing(body.messages);
      if (problem) return sendError(res, 400, problem);
    }

    const next = queue.shift();
    if (!next) {
      return sendError(
        res,
        500,
        {
          message: `fake-openai: no scripted reply for ${recorded.method} ${recorded.path} (request #${requests.length}); call enqueue() first`,
          type: "server_error",
          code: "no_scripted_reply",
        },
        { "x-should-retry": "false" },
      );
    }
    const reply = await resolveReply(next, recorded, res);
    if (!reply) return;
    if (reply.type === "error") return sendScriptedError(res, reply);
    if (body.stream === true) sendStream(res, reply, body);
    else sendCompletion(res, reply, body);
  }

  function modelObject(id: string) {
    return { id, object: "model", created: 1_700_000_000, owned_by: "system" };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let parsed: any = undefined;
    if (rawBody.length > 0) {
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        parsed = rawBody;
      }
    }
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      headers: flattenHeaders(req.headers),
      body: parsed,
    };
    requests.push(recorded);

    const path = url.pathname.replace(/\/+$/, "");
    const method = recorded.method;
    const isChat = method === "POST" && path === "/v1/chat/completions";
    const isModels = method === "GET" && (path === "/v1/models" || path.startsWith("/v1/models/"));
    if (!isChat && !isModels) {
      return sendError(res, 404, {
        message: `Invalid URL (${method} ${url.pathname})`,
        type: "invalid_request_error",
      });
    }

    if (options.apiKey !== undefined) {
      const auth = recorded.headers["authorization"];
      if (!auth) {
        return sendError(res, 401, {
          message:
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          type: "invalid_request_error",
        });
      }
      if (auth !== `Bearer ${options.apiKey}`) {
        const given = auth.replace(/^Bearer\s+/i, "");
        const masked = given.length > 8 ? `${given.slice(0, 3)}*****${given.slice(-4)}` : "*****";
        return sendError(res, 401, {
          message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: "invalid_request_error",
          code: "invalid_api_key",
        });
      }
    }

    if (isModels) {
      if (path === "/v1/models") {
        return sendJson(res, 200, { object: "list", data: models.map(modelObject) });
      }
      const id = decodeURIComponent(path.slice("/v1/models/".length));
      if (models.includes(id)) return sendJson(res, 200, modelObject(id));
      return sendError(res, 404, {
        message: `The model '${id}' does not exist`,
        type: "invalid_request_error",
        param: "model",
        code: "model_not_found",
      });
    }

    return handleChatCompletion(res, recorded, rawBody);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, 500, {
        message: `fake-openai: ${err instanceof Error ? err.message : String(err)}`,
        type: "server_error",
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue(...replies: ScriptedReply[]) {
      queue.push(...replies);
    },
    pendingReplies() {
      return queue.length;
    },
    close() {
      closed = true;
      for (const [t, release] of timers) {
        clearTimeout(t);
        release();
      }
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
