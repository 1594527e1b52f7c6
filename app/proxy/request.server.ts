/**
 * Reading a request that arrived through the app proxy: its query exactly as the signature covered
 * it, and its JSON body, bounded in size and with every string storable, validated by a schema.
 * Anything wrong is a RequestError: a clear 4xx, never a stack trace.
 */
import type { z } from "zod";

const MAX_BODY_BYTES = 16 * 1024;

/** Decodes a whole body at a time (no streaming), so one decoder serves every request. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(request: Request): Promise<unknown> {
  // The media type itself, not a mention of it: `text/plain; x=application/json` is a CORS simple request.
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json")
    throw new RequestError(415, "unsupported_media_type", "Send JSON with Content-Type: application/json.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RequestError(413, "payload_too_large", "The message is too large.");
  const bytes = await readBodyUpTo(request, MAX_BODY_BYTES);
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new RequestError(400, "invalid_encoding", "The request body is not valid UTF-8.");
  }
  try {
    // A NUL or a lone surrogate reaches a parsed string only through a JSON escape (valid UTF-8 has no
    // surrogates, and JSON refuses a raw control character in a string): without a backslash, every
    // string is already sendable.
    if (!text.includes("\\")) return JSON.parse(text);
    return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? sendableText(value) : value));
  } catch {
    throw new RequestError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * The body's bytes, read chunk by chunk and abandoned (413) as soon as they pass `limit`: a
 * chunked body declares no length, and buffering it whole first let one request fill the memory.
 * The reader is released, not cancelled: cancelling destroys the socket, and the client would get
 * a reset instead of the 413. Unread, the stream stops pulling from the socket (backpressure).
 */
async function readBodyUpTo(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      throw new RequestError(413, "payload_too_large", "The message is too large.");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Text every database can store: without NUL (PostgreSQL refuses it in text columns) and with
 * any lone UTF-16 surrogate (a JSON escape like "\ud800"; neither database stores one) replaced
 * by U+FFFD. Applied to every string of a request body as it is parsed.
 */
function sendableText(text: string): string {
  return text.replaceAll("\u0000", "").toWellFormed();
}

export function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const message =
      issue.code === "invalid_type" && issue.received === "undefined" && issue.path.length === 0
        ? "A JSON object body is required."
        : issue.message;
    throw new RequestError(400, "invalid_request", message);
  }
  return result.data;
}

export type SignedQuery = Partial<Record<string, string>>;

/**
 * The query exactly as the signature covered it: the library verifies Object.fromEntries(query),
 * so every value is read from that same object. null when a key repeats: the library would check
 * the last value and URLSearchParams.get() read the first, letting a prepended
 * `logged_in_customer_id=` or `shop=` ride on someone else's signature.
 */
export function signedQuery(params: URLSearchParams): SignedQuery | null {
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return null;
  return Object.fromEntries(params);
}
