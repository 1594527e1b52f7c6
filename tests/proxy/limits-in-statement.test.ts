/**
 * On PostgreSQL, with the rate limits' counts in the app's own database, a conversation's first
 * message has its limits counted in the statement that starts the conversation (one round trip
 * instead of two): it is written only within them, and the verdicts and counts are those of
 * checking them first. A continued conversation's message counts them in the statement that reads
 * the conversation and stores the message: stored before it is answered, two round trips a message.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { requirePostgres, type TestPostgres } from "../helpers/postgres";
import { SNAPSHOT_PATH } from "../helpers/chat-context";
import { demoProxyDeps, proxyMessage } from "../helpers/proxy-post";
import { installSqlCounter } from "../../scripts/profile/sql-counter.mjs";

configureTestApp("limits-in-statement");
const { createDb } = await import("../../app/db.server");
const { handleProxyRequest } = await import("../../app/proxy/chat-proxy.server");
const { createLimits, RATE_LIMIT_TABLE } = await import("../../app/proxy/rate-limit.server");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
type Db = import("../../app/db.server").Db;

const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const SHOP = store.shopDomain;
const sql = installSqlCounter();

let database: TestPostgres;
let db: Db;
let pool: pg.Pool;
let limits: ReturnType<typeof createLimits>;
let nonce = 0;

beforeAll(async () => {
  database = await requirePostgres("limits_in_statement", { migrated: true });
  db = createDb(database.url);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  limits = createLimits({
    postgres: pool,
    inAppDatabase: true,
    shopperPerMinute: 2,
    addressPerMinute: 100,
    shopPerMinute: 100,
  });
  await limits.ready;
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  await database?.stop();
});

interface Sent {
  status: number;
  body: any;
  retryAfter: string | null;
  /** Every statement this message sent. */
  statements: string[];
}

async function send(body: unknown, { ip = "198.51.100.40", signature = `sig-${nonce++}` } = {}): Promise<Sent> {
  let response!: Response;
  const statements = await sql.traced(async () => {
    response = await handleProxyRequest(
      proxyMessage(SHOP, body, { ip, signature }),
      "messages",
      demoProxyDeps(db, limits, store),
    );
  });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get("Retry-After"),
    statements,
  };
}

const countOf = async (key: string) =>
  (await pool.query(`SELECT points FROM ${RATE_LIMIT_TABLE} WHERE key = $1`, [key])).rows[0]?.points ?? 0;
const messagesOf = (conversationId: string) => db.message.count({ where: { conversationId } });
const limitStatements = (sent: Sent) => sent.statements.filter((s) => s.includes(RATE_LIMIT_TABLE));

describe("a first message's rate limits in the statement that stores it (PostgreSQL)", () => {
  it("counts a message's limits in the statement that stores it, first or continued", async () => {
    const ip = "198.51.100.41";
    const first = await send({ text: "hi" }, { ip });
    expect(first.status).toBe(200);
    expect(limitStatements(first)).toHaveLength(1);
    expect(limitStatements(first)[0]).toContain('INSERT INTO "Message"');
    const { conversationId } = first.body;
    const next = await send({ text: "do you ship abroad?", conversationId }, { ip });
    expect(next.status).toBe(200);
    expect(limitStatements(next)).toHaveLength(1);
    expect(limitStatements(next)[0]).toContain('INSERT INTO "Message"');
    expect(limitStatements(next)[0]).toContain('FROM "Conversation"');
    // That statement first, then (the shop's settings, uncached in this test) the reply's: nothing else.
    const writes = next.statements.filter((s) => !s.includes('"ShopSettings"'));
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBe(limitStatements(next)[0]);
    expect(await countOf(`shopper:${SHOP}:conversation:${conversationId}`)).toBe(1);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(2);
    expect(await messagesOf(conversationId)).toBe(4);
  });

  it("refuses a shopper over their limit, stores nothing, and counts it nowhere after the limit that refused it", async () => {
    const ip = "198.51.100.42";
    const { conversationId } = (await send({ text: "hi" }, { ip })).body;
    expect((await send({ text: "one", conversationId }, { ip })).status).toBe(200);
    expect((await send({ text: "two", conversationId }, { ip })).status).toBe(200);
    const stored = await messagesOf(conversationId);
    const shopBefore = await countOf(`shop:${SHOP}`);
    const refused = await send({ text: "three", conversationId }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(await messagesOf(conversationId)).toBe(stored);
    expect(await countOf(`shopper:${SHOP}:conversation:${conversationId}`)).toBe(3);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(3);
    expect(await countOf(`shop:${SHOP}`)).toBe(shopBefore);
  });

  it("refuses a replayed signature (409) and starts no conversation for it", async () => {
    const ip = "198.51.100.43";
    expect((await send({ text: "hi" }, { ip, signature: "in-statement-once" })).status).toBe(200);
    const conversations = await db.conversation.count();
    const replay = await send({ text: "hi again" }, { ip, signature: "in-statement-once" });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("replayed_request");
    expect(await db.conversation.count()).toBe(conversations);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(1);
  });

  it("counts a retried message (same clientMessageId, new signature) and answers it with its first reply", async () => {
    const ip = "198.51.100.44";
    const first = await send({ text: "what is your return policy?", clientMessageId: "in-statement-retry-1" }, { ip });
    const retry = await send({ text: "what is your return policy?", clientMessageId: "in-statement-retry-1" }, { ip });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.reply.id).toBe(first.body.reply.id);
    expect(await messagesOf(first.body.conversationId)).toBe(2);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(2);
    const { conversationId } = first.body;
    const again = await send(
      { text: "and exchanges?", conversationId, clientMessageId: "in-statement-retry-2" },
      { ip },
    );
    const againRetry = await send(
      { text: "and exchanges?", conversationId, clientMessageId: "in-statement-retry-2" },
      { ip },
    );
    expect([again.status, againRetry.status]).toEqual([200, 200]);
    expect(againRetry.body.reply.id).toBe(again.body.reply.id);
    expect(await messagesOf(conversationId)).toBe(4);
    expect(await countOf(`shopper:${SHOP}:conversation:${conversationId}`)).toBe(2);
    // Over the limit, a retry is refused like any message.
    const refused = await send(
      { text: "and exchanges?", conversationId, clientMessageId: "in-statement-retry-2" },
      { ip },
    );
    expect(refused.status).toBe(429);
  });

  it("refuses a message over its limits rather than reporting it invalid, and counts an invalid one within them", async () => {
    const ip = "198.51.100.45";
    const { conversationId } = (await send({ text: "hi" }, { ip })).body;
    const invalid = await send({ text: "", conversationId }, { ip });
    expect(invalid.status).toBe(400);
    expect(await countOf(`shopper:${SHOP}:conversation:${conversationId}`)).toBe(1);
    expect((await send({ text: "one", conversationId }, { ip })).status).toBe(200);
    expect((await send({ text: "", conversationId }, { ip })).status).toBe(429);
  });

  it("says a conversation that isn't the shopper's doesn't exist, counted as before", async () => {
    const ip = "198.51.100.46";
    const missing = await send({ text: "hello", conversationId: "x".repeat(22) }, { ip });
    expect(missing.status).toBe(404);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(1);
  });
});
