/**
 * Scaled out: two production server processes (`node server.mjs`) on one PostgreSQL, behind a
 * round-robin load balancer, serving the same shop. Each request goes to the next instance, so a
 * conversation's turns, its limits and the merchant's changes must live in the shared database,
 * not in one process's memory.
 */
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProxyQuery } from "../../demo/shopify-surrogate";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";
import type { Db } from "../../app/db.server";
import { postgresUnavailable, startPostgres, type TestPostgres } from "../helpers/postgres";
import { startServer, type ServerProcess } from "./server-process";

const SHOP = "northwind-outfitters.myshopify.com";
const SECRET = "scale-out-secret";
const CACHE_TTL_MS = 300;
const SHOPPER_LIMIT = 4;

let database: TestPostgres;
let db: Db;
let instances: ServerProcess[] = [];
let balancer: RoundRobin;

interface RoundRobin {
  url: string;
  /** Which instance (0 or 1) served each request, in order. */
  served: number[];
  close(): Promise<void>;
}

/** The load balancer: each request to the next instance in turn, headers and body passed through. */
async function roundRobin(upstreams: string[]): Promise<RoundRobin> {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % upstreams.length;
    served.push(index);
    const target = new URL(req.url ?? "/", upstreams[index]);
    const forward = http.request(target, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, "x-served-by": String(index) });
      upstream.pipe(res);
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the Shopify app proxy sends for a storefront visitor at `ip`. */
function signedUrl(endpoint: string, query: Record<string, string> = {}): string {
  const params = signProxyQuery(new URLSearchParams({ r: crypto.randomUUID(), ...query }), {
    shop: SHOP,
    loggedInCustomerId: null,
    pathPrefix: "/apps/support",
    secret: SECRET,
  });
  return `${balancer.url}/proxy/${endpoint}?${params}`;
}

async function post(url: string, ip: string, body: object): Promise<{ status: number; servedBy: number; json: any }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    servedBy: Number(response.headers.get("x-served-by")),
    json: await response.json(),
  };
}

const say = (ip: string, text: string, conversationId?: string) =>
  post(signedUrl("messages"), ip, { text, ...(conversationId ? { conversationId } : {}) });

beforeAll(async () => {
  const missing = postgresUnavailable();
  if (missing)
    throw new Error(`The scale-out test needs PostgreSQL: ${missing}. .ci/run installs Debian's postgresql.`);
  database = await startPostgres("scale");
  await applyPostgresMigrations(database.url);
  const { createDb } = await import("../../app/db.server");
  db = createDb(database.url);
  // What installing the app left behind: the shop's offline session and its settings.
  const { storeOfflineSession } = await import("../../demo/offline-session");
  await storeOfflineSession(db, SHOP, "offline-token", "installed");
  await db.shopSettings.create({ data: { shop: SHOP } });

  const env = {
    DATABASE_URL: database.url,
    SHOPIFY_API_SECRET: SECRET,
    DEMO_STORE_SNAPSHOT: path.resolve("demo", "demo-store.json"),
    SHOP_CACHE_TTL_MS: String(CACHE_TTL_MS),
    RATE_LIMIT_SHOPPER_PER_MINUTE: String(SHOPPER_LIMIT),
  };
  instances = await Promise.all([startServer(env), startServer(env)]);
  balancer = await roundRobin(instances.map((i) => i.url));
}, 180_000);

afterAll(async () => {
  await balancer?.close();
  await Promise.all(instances.map((i) => i.stop()));
  await db?.$disconnect();
  await database?.stop();
});

describe("two app instances on one PostgreSQL behind a round-robin balancer", () => {
  it("continue one conversation across instances: the second turn uses what the first one stored", async () => {
    const first = await say("198.51.100.1", "where is my order #1006?");
    expect(first.status).toBe(200);
    expect(first.json.reply.text).toMatch(/email/i);
    const second = await say("198.51.100.1", "hannah.brooks@example.com", first.json.conversationId);
    expect(second.status).toBe(200);
    expect(second.servedBy).not.toBe(first.servedBy);
    expect(second.json.reply.text).toContain("UPS");

    const stored = await db.message.findMany({
      where: { conversationId: first.json.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((m) => m.role)).toEqual(["shopper", "bot", "shopper", "bot"]);
    // Either instance shows the whole transcript.
    const transcripts = await Promise.all(
      [0, 1].map(async () => {
        const response = await fetch(signedUrl("conversation", { conversationId: first.json.conversationId }), {
          headers: { "x-forwarded-for": "198.51.100.1" },
        });
        return {
          servedBy: Number(response.headers.get("x-served-by")),
          messages: (await response.json()).messages.length,
        };
      }),
    );
    expect(new Set(transcripts.map((t) => t.servedBy)).size).toBe(2);
    expect(transcripts.map((t) => t.messages)).toEqual([4, 4]);
  });

  it("refuse a signed request replayed to the other instance", async () => {
    const url = signedUrl("messages");
    const first = await post(url, "198.51.100.2", { text: "hi" });
    const replay = await post(url, "198.51.100.2", { text: "hi" });
    expect(first.status).toBe(200);
    expect(replay.servedBy).not.toBe(first.servedBy);
    expect(replay.status).toBe(409);
    expect(await db.message.count({ where: { conversationId: first.json.conversationId } })).toBe(2);
  });

  it("count one shopper's messages across instances", async () => {
    // A guest is one shopper per conversation; the first message starts it.
    const { conversationId } = (await say("198.51.100.3", "hi")).json;
    const statuses: number[] = [];
    for (let i = 0; i < SHOPPER_LIMIT + 1; i++) statuses.push((await say("198.51.100.3", "hi", conversationId)).status);
    expect(statuses).toEqual([...Array(SHOPPER_LIMIT).fill(200), 429]);
    // Another shopper of the same shop, even behind the same address, is not affected.
    expect((await say("198.51.100.3", "hi")).status).toBe(200);
    expect((await say("198.51.100.4", "hi")).status).toBe(200);
  });

  it("pick up an answer the merchant approved elsewhere within the cache lifetime, on every instance", async () => {
    const question = "do you gift wrap orders for birthdays?";
    const before = await Promise.all([say("198.51.100.5", question), say("198.51.100.5", question)]);
    expect(new Set(before.map((b) => b.servedBy)).size).toBe(2);
    const approved = "Yes — add a gift note at checkout and we wrap it in recycled paper for free.";
    for (const reply of before) expect(reply.json.reply.text).not.toBe(approved);

    // Written as the admin on some instance writes it; neither serving instance is told.
    await db.approvedAnswer.create({ data: { shop: SHOP, question, answer: approved, intent: "out_of_scope" } });
    const servedApproved = new Set<number>();
    const deadline = Date.now() + 10 * CACHE_TTL_MS + 5_000;
    for (let i = 0; servedApproved.size < 2 && Date.now() < deadline; i++) {
      const reply = await say(`203.0.113.${i % 250}`, question); // a new shopper each time: below the limit
      if (reply.json.reply?.text === approved) servedApproved.add(reply.servedBy);
      await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS / 3));
    }
    expect([...servedApproved].sort()).toEqual([0, 1]);
  });

  it("pick up settings the merchant saved elsewhere within the cache lifetime, on every instance", async () => {
    const greeting = "Howdy from the trail! Ask me about orders or gear.";
    const before = await Promise.all([say("198.51.100.6", "hi"), say("198.51.100.6", "hi")]);
    for (const reply of before) expect(reply.json.reply.text).not.toContain(greeting);

    // Saved by the admin on some instance: neither serving instance is told.
    await db.shopSettings.update({ where: { shop: SHOP }, data: { greeting } });
    const servedNew = new Set<number>();
    const deadline = Date.now() + 10 * CACHE_TTL_MS + 5_000;
    for (let i = 0; servedNew.size < 2 && Date.now() < deadline; i++) {
      const reply = await say(`192.0.2.${i % 250}`, "hi");
      if (reply.json.reply?.text?.includes(greeting)) servedNew.add(reply.servedBy);
      await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS / 3));
    }
    expect([...servedNew].sort()).toEqual([0, 1]);
  });
});
