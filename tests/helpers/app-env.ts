/**
 * Runs the app's server modules in-process exactly as in demo mode: a migrated SQLite database,
 * the demo store behind the Shopify library's transport, an installed (seeded) offline session,
 * and requests signed the way Shopify's app proxy signs them.
 */
import path from "node:path";
import { migratedDatabaseUrl } from "./test-db";
import { signProxyQuery } from "../../demo/shopify-surrogate";
import { installDemo } from "../../demo/wiring";
import { configureApp } from "../../app/composition.server";

export const DEMO_SHOP = "northwind-outfitters.myshopify.com";
export const TEST_SECRET = "test-api-secret-0123456789";
export const TEST_API_KEY = "test-api-key";

const SNAPSHOT = path.resolve("demo", "demo-store.json");

/**
 * Call before importing any app module: the app reads its configuration at import time. Wires the
 * demo into the app's composition root, as the demo server does for the built app.
 */
export function configureTestApp(name: string): void {
  installDemo(configureApp, SNAPSHOT);
  Object.assign(process.env, {
    DATABASE_URL: migratedDatabaseUrl(name),
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_SECRET,
    SHOPIFY_APP_URL: "http://localhost:3999",
    DEMO_STORE_SNAPSHOT: SNAPSHOT,
    // Route tests send many messages as one guest; the limits have tests of their own.
    RATE_LIMIT_SHOPPER_PER_MINUTE: process.env.RATE_LIMIT_SHOPPER_PER_MINUTE ?? "100000",
    RATE_LIMIT_SHOP_PER_MINUTE: process.env.RATE_LIMIT_SHOP_PER_MINUTE ?? "100000",
    RATE_LIMIT_ADDRESS_PER_MINUTE: process.env.RATE_LIMIT_ADDRESS_PER_MINUTE ?? "100000",
  });
}

export async function installDemoShop(): Promise<void> {
  const { default: db } = await import("../../app/db.server");
  const { storeOfflineSession } = await import("../../demo/offline-session");
  await storeOfflineSession(db, DEMO_SHOP, "test-offline-token", "test");
}

export interface ProxyRequestOptions {
  method?: string;
  body?: unknown;
  rawBody?: string;
  customerId?: string | null;
  query?: Record<string, string>;
  timestamp?: number;
  secret?: string;
  shop?: string;
  contentType?: string;
}

/** A request as it reaches the app's /proxy/<endpoint> after Shopify signed it. */
export function proxyRequest(endpoint: string, options: ProxyRequestOptions = {}): Request {
  // A nonce per request, as the bubble sends: each signed URL is unique (signatures are single-use).
  const params = signProxyQuery(new URLSearchParams({ r: crypto.randomUUID(), ...options.query }), {
    shop: options.shop ?? DEMO_SHOP,
    loggedInCustomerId: options.customerId ?? null,
    pathPrefix: "/apps/support",
    secret: options.secret ?? TEST_SECRET,
    timestamp: options.timestamp,
  });
  const method = options.method ?? (options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET");
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  return new Request(`http://localhost:3999/proxy/${endpoint}?${params}`, {
    method,
    body,
    headers: body !== undefined ? { "Content-Type": options.contentType ?? "application/json" } : {},
  });
}

/** Calls the app proxy route in-process as Remix does: its loader for GET, its action otherwise. */
export async function callProxyRoute(
  request: Request,
  endpoint = request.url.match(/\/proxy\/([^?]*)/)![1],
): Promise<Response> {
  // Imported here, not at the top: the app reads its configuration (configureTestApp) on import.
  const route = await import("../../app/routes/proxy.$");
  const handler = request.method === "GET" ? route.loader : route.action;
  return handler({ request, params: { "*": endpoint }, context: {} } as never);
}

/** callProxyRoute, with the status and the parsed JSON body. */
export async function sendToProxy(request: Request): Promise<{ status: number; body: any }> {
  const response = await callProxyRoute(request);
  return { status: response.status, body: await response.json() };
}
