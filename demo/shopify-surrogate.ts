/**
 * What Shopify itself does for an app, reproduced on this machine for the demo: sign app proxy
 * requests the way the storefront proxy does, and mint admin session tokens (id_token) the way
 * the embedded admin does. Both use the app's API secret, exactly like Shopify.
 */
import { createHmac, randomUUID } from "node:crypto";

/**
 * Shopify's app proxy signature: every query parameter except `signature`, sorted by key,
 * each as `key=value` (repeated values joined by ","), concatenated without separators,
 * HMAC-SHA256 hex with the app secret.
 */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${grouped.get(key)!.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export interface ProxyForward {
  shop: string;
  /** Numeric customer id, or null for a guest (Shopify then sends an empty value). */
  loggedInCustomerId: string | null;
  pathPrefix: string;
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
}

/** The query string Shopify appends when it forwards a storefront request to the app proxy URL. */
export function signProxyQuery(original: URLSearchParams, forward: ProxyForward): URLSearchParams {
  const params = new URLSearchParams(original);
  for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) params.delete(key);
  params.set("shop", forward.shop);
  params.set("logged_in_customer_id", forward.loggedInCustomerId ?? "");
  params.set("path_prefix", forward.pathPrefix);
  params.set("timestamp", String(forward.timestamp ?? Math.floor(Date.now() / 1000)));
  params.set("signature", appProxySignature(params, forward.secret));
  return params;
}

/** An admin session token (HS256 JWT) as App Bridge gets it from the Shopify admin. */
export function mintSessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  ttlSeconds?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? "1",
    exp: now + (options.ttlSeconds ?? 60),
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode(header)}.${encode(payload)}`;
  const signature = createHmac("sha256", options.secret).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

/** The `host` parameter Shopify passes to embedded apps: base64 of the admin URL. */
export function adminHostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64url");
}

/** The body signature Shopify puts on webhooks (X-Shopify-Hmac-Sha256). */
export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}
