/**
 * The app proxy's signature, checked as `authenticate.public.appProxy` checks it (the Shopify
 * library's validateHmac with signator "appProxy"), with Node's HMAC: the library's goes through
 * Web Crypto (an async key import and sign, about 0.1 ms), on every chat message.
 * tests/proxy/signature.test.ts holds the two to the same verdict on generated queries.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignedQuery } from "./request.server";

/** How far the signed timestamp may be from now, either way (the library's tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 90;

export function proxySignatureValid(
  query: SignedQuery,
  secret: string,
  nowSeconds = Math.trunc(Date.now() / 1000),
): boolean {
  const { signature, ...signed } = query;
  if (!signature) return false;
  // Remix's `index` parameter, when empty, is not part of what Shopify signed (as the library drops it).
  if (!signed.index) delete signed.index;
  // Stricter than the library, which lets a missing timestamp through to the HMAC.
  const timestamp = Number(signed.timestamp);
  if (
    !signed.timestamp ||
    !Number.isFinite(timestamp) ||
    Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS
  )
    return false;
  const message = Object.entries(signed)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join("");
  const expected = Buffer.from(createHmac("sha256", secret).update(message).digest("hex"));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
