/**
 * The app's structured logger: one JSON object per line on stdout, for the log shipper to collect.
 *
 *   import { log } from "../log.server";
 *   log.info({ shop, intent, latencyMs }, "reply sent");
 *   log.error({ err }, "retrain failed");
 *
 * Level from LOG_LEVEL (trace | debug | info | warn | error | fatal | silent), default info;
 * silent under vitest unless LOG_LEVEL is set.
 *
 * Privacy policy: logs never carry personal data or secrets. Log ids, counts, states and timings,
 * never what a shopper or merchant wrote. As a safety net every line is scrubbed:
 *   - values under sensitive keys (message texts, emails, phones, addresses, names, customer ids,
 *     tokens, keys, secrets, signatures, cookies…) are replaced by "[Redacted]", at any depth;
 *   - every other string goes through redactPII(): emails, phone numbers, bearer/API tokens,
 *     JWTs, long hex signatures and URL query strings are masked;
 *   - errors keep their type, code, first message line (scrubbed) and stack frames only, so a
 *     Prisma or zod error can't carry the data it was given into the logs.
 * Free text such as a street address cannot be recognised reliably, which is why the key policy
 * matters: put texts under `text`, `message`, `body`… and they never reach the output.
 *
 * server.mjs (plain Node, not bundled) keeps its own request logger with the same redact paths
 * (tests/ops check they stay in sync); it logs only allow-listed fields.
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

export type { Logger };

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const CENSOR = "[Redacted]";

/** Request headers and query parameters that carry credentials or identify a shopper. */
export const REDACTED_HEADERS = [
  "authorization",
  "cookie",
  "set-cookie",
  "x-shopify-access-token",
  "x-shopify-hmac-sha256",
] as const;
export const REDACTED_QUERY_PARAMS = ["signature", "logged_in_customer_id", "id_token", "hmac"] as const;

/** pino `redact` paths: headers and query parameters wherever a request-like object is logged. */
export const REDACT_PATHS: string[] = [
  ...["req.headers", "res.headers", "headers", "request.headers"].flatMap((base) =>
    [...REDACTED_HEADERS].map((h) => `${base}["${h}"]`),
  ),
  ...["req.query", "query", "request.query", "params"].flatMap((base) =>
    [...REDACTED_QUERY_PARAMS].map((q) => `${base}["${q}"]`),
  ),
];

/** Keys whose values are never logged, whatever they hold (compared lower-case, without - and _). */
const SENSITIVE_KEYS = new Set([
  "text",
  "body",
  "message",
  "messages",
  "content",
  "reply",
  "summary",
  "comment",
  "csatcomment",
  "question",
  "answer",
  "prompt",
  "completion",
  "note",
  "firstname",
  "lastname",
  "fullname",
  "customername",
  "customerid",
  "loggedincustomerid",
  "zip",
  "postalcode",
  "city",
  "idtoken",
  "hmac",
  "signature",
  "state",
]);
/** Key fragments that mark a sensitive string or object (numbers such as promptTokens stay). */
const SENSITIVE_KEY_PARTS = [
  "email",
  "phone",
  "address",
  "token",
  "secret",
  "password",
  "apikey",
  "authorization",
  "cookie",
  "signature",
  "ciphertext",
  "session",
];

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

export function isSensitiveKey(key: string, value?: unknown): boolean {
  const k = normalizeKey(key);
  if (SENSITIVE_KEYS.has(k)) return true;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return false;
  return SENSITIVE_KEY_PARTS.some((part) => k.includes(part));
}

const MAX_STRING = 2000;
const PII_PATTERNS: [RegExp, string][] = [
  // Authorization header values and other credentials written inline.
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [token]"],
  // JWTs (session tokens, id_token).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, "[jwt]"],
  // Shopify access tokens and secrets (shpat_, shpca_, shppa_, shpss_, shpua_), OpenAI-style keys.
  [/\bshp(?:at|ca|pa|ss|ua)_[A-Za-z0-9]{8,}/g, "[token]"],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, "[api-key]"],
  // Query strings: signatures, customer ids, tokens. Keep the path, drop everything after "?".
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*|\/[^\s?#"'<>]*)\?[^\s#"'<>]+/gi, "$1?[query]"],
  [/\b(signature|hmac|id_token|logged_in_customer_id|access_token|token|code)=[^&\s"'<>]*/gi, "$1=[redacted]"],
  // Emails, also percent-encoded ("%40").
  [/[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  // Long hex strings: HMAC signatures, hashes of secrets, keys.
  [/\b[a-f0-9]{32,}\b/gi, "[hex]"],
  // Phone numbers: international (+…), North-American style, and bare runs of 10–15 digits
  // (which also covers Shopify customer ids).
  [/(?<![\w+])\+\d[\d\s().-]{6,18}\d(?!\w)/g, "[phone]"],
  [/(?<!\w)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)/g, "[phone]"],
  [/(?<![\w.])\d{10,15}(?![\w.])/g, "[number]"],
];

/** Mask personal data and secrets inside free text. Idempotent. */
export function redactPII(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  for (const [pattern, replacement] of PII_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: SerializedError;
}

/** An error as it may be logged: type, code, the scrubbed first line of its message, stack frames. */
export function serializeError(error: unknown, depth = 0): SerializedError | unknown {
  if (!(error instanceof Error)) {
    if (error && typeof error === "object" && "type" in error && "message" in error) return error; // already serialized
    return { type: typeof error, message: typeof error === "string" ? redactPII(firstLine(error)) : "" };
  }
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, 15)
    .join("\n");
  const serialized: SerializedError = {
    type: error.name || error.constructor?.name || "Error",
    message: redactPII(firstLine(error.message)).slice(0, 300),
  };
  if (typeof code === "string" || typeof code === "number") serialized.code = code;
  if (frames) serialized.stack = redactPII(frames);
  if (error.cause !== undefined && depth < 3)
    serialized.cause = serializeError(error.cause, depth + 1) as SerializedError;
  return serialized;
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? ""
  );
}

/** Deep-scrub a value for logging: sensitive keys censored, strings through redactPII, errors serialized. */
export function scrubForLog(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return redactPII(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date) return value;
  if (seen.has(value)) return "[Circular]";
  if (depth >= 6) return "[Object]";
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrubForLog(item, depth + 1, seen));
  if (value instanceof Map || value instanceof Set) return `[${value.constructor.name}]`;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "[Binary]";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return scrubForLog((value as { toJSON(): unknown }).toJSON(), depth + 1, seen);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key, item) ? CENSOR : scrubForLog(item, depth + 1, seen);
  }
  return out;
}

export function resolveLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const configured = env.LOG_LEVEL?.trim().toLowerCase();
  if (configured) return (LOG_LEVELS as readonly string[]).includes(configured) ? (configured as LogLevel) : "info";
  return env.VITEST ? "silent" : "info";
}

/** The logger's options: exported so the policy can be tested against any destination. */
export function loggerOptions(level: LogLevel = resolveLogLevel()): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => scrubForLog(bindings) as Record<string, unknown>,
      log: (object) => scrubForLog(object) as Record<string, unknown>,
    },
    serializers: { err: serializeError, error: serializeError },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    hooks: {
      // The message string and its printf-style arguments go through the same scrubber.
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? redactPII(arg) : arg)) as Parameters<
          typeof method
        >;
        return method.apply(this, scrubbed);
      },
    },
  };
}

export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const opts = loggerOptions(options.level ?? resolveLogLevel());
  return options.destination ? pino(opts, options.destination) : pino(opts);
}

declare global {
  var __supportChatLog: Logger | undefined;
}

// One logger per process, also across Vite dev-server reloads.
export const log: Logger = globalThis.__supportChatLog ?? (globalThis.__supportChatLog = createLogger());
export default log;
