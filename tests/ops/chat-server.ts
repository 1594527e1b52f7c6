/**
 * A production server (`node server.mjs`) serving the demo shop's chat on a database of the
 * test's choosing (SQLite or a throwaway PostgreSQL), and a storefront client that signs each
 * request as Shopify's app proxy does. For the tests that break the database under a running app.
 */
import path from "node:path";
import type { Db } from "../../app/db.server";
import { signProxyQuery } from "../../demo/shopify-surrogate";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { startServer, type ServerProcess } from "./server-process";

export const SHOP = "northwind-outfitters.myshopify.com";
export const SECRET = "ops-chat-secret";

export type Engine = "sqlite" | "postgresql";

export interface ChatDatabase {
  engine: Engine;
  url: string;
  /** The test's own client on the same database, to inspect what the server stored. */
  db: Db;
  /** The throwaway PostgreSQL cluster (absent for SQLite). */
  postgres?: TestPostgres;
  stop(): Promise<void>;
}

/** A migrated database with the demo shop installed (its offline session and settings). */
export async function chatDatabase(engine: Engine, name: string): Promise<ChatDatabase> {
  let url: string;
  let postgres: TestPostgres | undefined;
  if (engine === "postgresql") {
    postgres = await startPostgres(name);
    await applyPostgresMigrations(postgres.url);
    url = postgres.url;
  } else {
    url = migratedDatabaseUrl(name);
  }
  const { createDb } = await import("../../app/db.server");
  const db = createDb(url);
  const { storeOfflineSession } = await import("../../demo/offline-session");
  await storeOfflineSession(db, SHOP, "offline-token", "installed");
  await db.shopSettings.create({ data: { shop: SHOP } });
  return {
    engine,
    url,
    db,
    postgres,
    async stop() {
      await db.$disconnect();
      await postgres?.stop();
    },
  };
}

/** server.mjs on that database, answering from the demo store snapshot (no network). */
export function startChatServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServer({
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_SECRET: SECRET,
    DEMO_STORE_SNAPSHOT: path.resolve("demo", "demo-store.json"),
    // Bursts from one test address must not be rate limited.
    RATE_LIMIT_SHOPPER_PER_MINUTE: "100000",
    RATE_LIMIT_SHOP_PER_MINUTE: "100000",
    ...env,
  });
}

export interface Said {
  status: number;
  json: any;
  ms: number;
}

/** POST /proxy/messages as a guest storefront visitor, freshly signed. */
export async function say(
  serverUrl: string,
  text: string,
  options: { conversationId?: string; clientMessageId?: string; ip?: string; signal?: AbortSignal } = {},
): Promise<Said> {
  const params = signProxyQuery(new URLSearchParams({ r: crypto.randomUUID() }), {
    shop: SHOP,
    loggedInCustomerId: null,
    pathPrefix: "/apps/support",
    secret: SECRET,
  });
  const started = Date.now();
  const response = await fetch(`${serverUrl}/proxy/messages?${params}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": options.ip ?? "198.51.100.7" },
    body: JSON.stringify({
      text,
      ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      ...(options.clientMessageId ? { clientMessageId: options.clientMessageId } : {}),
    }),
    signal: options.signal,
  });
  const body = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(body);
  } catch {
    json = { raw: body };
  }
  return { status: response.status, json, ms: Date.now() - started };
}

export async function health(serverUrl: string): Promise<{ status: number; json: any; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${serverUrl}/healthz`);
  return { status: response.status, json: await response.json(), ms: Date.now() - started };
}

/** The process is still running and never logged a crash. */
export function assertAlive(server: ServerProcess): void {
  const crashed = server.lines().find((line) => line.includes('"process crashed"'));
  if (server.child.exitCode !== null || server.child.signalCode !== null || crashed) {
    throw new Error(
      `server.mjs died (${server.child.exitCode ?? server.child.signalCode}): ${crashed ?? ""}\n${server.stderr()}`,
    );
  }
}

/** Poll fn until it returns true, or fail after timeoutMs. */
export async function eventually(what: string, fn: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
