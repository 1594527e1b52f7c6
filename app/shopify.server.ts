import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  LogSeverity,
  SessionNotFoundError,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import db from "./db.server";
import { cachedSessionStorage } from "./session-cache.server";
import { readAppConfig } from "./config.server";
import { requireEncryptionKey } from "./llm/secrets.server";
import { signedQuery } from "./proxy/request.server";
import { proxySignatureValid } from "./proxy/signature.server";

export const appConfig = readAppConfig();
// Refuse to start rather than store merchants' keys where a rotated API secret would lose them.
requireEncryptionKey();

const shopify = shopifyApp({
  apiKey: appConfig.apiKey,
  apiSecretKey: appConfig.apiSecret,
  apiVersion: ApiVersion.July26,
  scopes: appConfig.scopes,
  appUrl: appConfig.appUrl,
  authPathPrefix: "/auth",
  // Cached per instance: the app proxy reads the offline session on every chat message.
  sessionStorage: cachedSessionStorage(new PrismaSessionStorage(db)),
  distribution: AppDistribution.AppStore,
  logger: { level: process.env.SHOPIFY_LOG_LEVEL === "debug" ? LogSeverity.Debug : LogSeverity.Warning },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(process.env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [process.env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;

/**
 * authenticate.admin, behind two checks the library doesn't make:
 *  - a `host` parameter must be base64 of a host: the library decodes it unguarded (a 500);
 *  - a change (any method but GET, HEAD, OPTIONS) needs the session token in the Authorization
 *    header, as App Bridge sends it. A token in the URL leaks into logs, history and Referer
 *    headers, and an unauthenticated POST (cross-origin or not) is refused, not sent to login.
 */
async function authenticateAdmin(request: Request): ReturnType<typeof shopify.authenticate.admin> {
  const host = new URL(request.url).searchParams.get("host");
  if (host !== null && !isHostParam(host)) throw plainResponse(400, "The host parameter is not a Shopify admin host.");
  const reads = ["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase());
  if (!reads && !/^Bearer\s+\S+$/.test(request.headers.get("authorization") ?? "")) {
    throw plainResponse(
      401,
      "Open the app from the Shopify admin: changes need its session token in the Authorization header.",
    );
  }
  return shopify.authenticate.admin(request);
}

/** base64 (or base64url) of something URL-shaped, like "admin.shopify.com/store/x". */
function isHostParam(host: string): boolean {
  try {
    return !!new URL(`https://${atob(host.replace(/-/g, "+").replace(/_/g, "/"))}`).hostname;
  } catch {
    return false;
  }
}

function plainResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * authenticate.webhook, except that a validly signed body that isn't JSON gets 400: the library
 * parses the body unguarded after checking the HMAC, and its SyntaxError would be a 500.
 */
async function authenticateWebhook(request: Request): ReturnType<typeof shopify.authenticate.webhook> {
  try {
    return await shopify.authenticate.webhook(request);
  } catch (error) {
    if (error instanceof SyntaxError) throw plainResponse(400, "The webhook body is not valid JSON.");
    throw error;
  }
}

/**
 * authenticate.public.appProxy for the chat's endpoints, every message: the same checks and the same
 * context — the signature over the query (within 90 s), then the shop's offline session and an
 * Admin client (unauthenticated.admin loads and refreshes it as appProxy does) — with the signature
 * checked by Node's HMAC (signature.server.ts). A wrong signature throws a Response, as the library
 * does; a shop without a session gets no session or client.
 */
async function authenticateAppProxy(request: Request): Promise<{
  session?: { shop: string };
  admin?: { graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response> };
}> {
  const query = signedQuery(new URL(request.url).searchParams);
  if (!query || !proxySignatureValid(query, appConfig.apiSecret))
    throw new Response(undefined, { status: 400, statusText: "Bad Request" });
  try {
    const { session, admin } = await shopify.unauthenticated.admin(query.shop ?? "");
    return { session, admin };
  } catch (error) {
    if (error instanceof SessionNotFoundError) return {};
    throw error;
  }
}

export const apiVersion = ApiVersion.July26;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = {
  ...shopify.authenticate,
  admin: authenticateAdmin,
  webhook: authenticateWebhook,
  public: { ...shopify.authenticate.public, appProxy: authenticateAppProxy },
};
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
