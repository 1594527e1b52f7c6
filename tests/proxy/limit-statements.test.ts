/**
 * What a chat message costs the shared rate-limit store on PostgreSQL: its four limits (single-use
 * signature, shopper, address, shop) in one statement, one round trip, whatever limits apply to
 * it; and the verdicts and counts are those of checking the limits one by one.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { requirePostgres, type TestPostgres } from "../helpers/postgres";
import { SNAPSHOT_PATH } from "../helpers/chat-context";
import { demoProxyDeps, proxyMessage } from "../helpers/proxy-post";
import { installSqlCounter } from "../../scripts/profile/sql-counter.mjs";

configureTestApp("limit-statements");
const { default: db } = await import("../../app/db.server");
const { handleProxyRequest } = await import("../../app/proxy/chat-proxy.server");
const { createLimits, RATE_LIMIT_TABLE } = await import("../../app/proxy/rate-limit.server");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");

const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const SHOP = store.shopDomain;
const sql = installSqlCounter();

let database: TestPostgres;
let pool: pg.Pool;
let limits: ReturnType<typeof createLimits>;
let nonce = 0;

beforeAll(async () => {
  database = await requirePostgres("limit_statements");
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  limits = createLimits({ postgres: pool, shopperPerMinute: 2, addressPerMinute: 100, shopPerMinute: 100 });
  await limits.ready;
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await database?.stop();
});

interface Sent {
  status: number;
  body: any;
  retryAfter: string | null;
  /** The statements this message sent to the rate-limit table. */
  limitStatements: string[];
}

/** A POST /proxy/messages from a guest at `ip` (or a logged-in customer), its signature `signature`. */
async function send(
  body: object,
  { ip = "198.51.100.20", customerId = "", signature = `sig-${nonce++}` } = {},
): Promise<Sent> {
  let response!: Response;
  const statements = await sql.traced(async () => {
    response = await handleProxyRequest(
      proxyMessage(SHOP, body, { ip, signature, query: `&logged_in_customer_id=${customerId}` }),
      "messages",
      demoProxyDeps(db, limits, store),
    );
  });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get("Retry-After"),
    limitStatements: statements.filter((s) => s.includes(RATE_LIMIT_TABLE)),
  };
}

const countOf = async (key: string) =>
  (await pool.query(`SELECT points FROM ${RATE_LIMIT_TABLE} WHERE key = $1`, [key])).rows[0]?.points ?? 0;

describe("the shared rate limits of one chat message on PostgreSQL", () => {
  it("checks a guest's signature, conversation, address and shop in one statement", async () => {
    const first = await send({ text: "hi" }, { ip: "198.51.100.21" });
    expect(first.status).toBe(200);
    // No conversation yet: signature, address, shop.
    expect(first.limitStatements).toHaveLength(1);
    const next = await send(
      { text: "do you ship abroad?", conversationId: first.body.conversationId },
      {
        ip: "198.51.100.21",
      },
    );
    expect(next.status).toBe(200);
    expect(next.limitStatements).toHaveLength(1);
    const conversation = `shopper:${SHOP}:conversation:${first.body.conversationId}`;
    expect(await countOf(conversation)).toBe(1);
    expect(await countOf(`address:${SHOP}:ip:198.51.100.21`)).toBe(2);
  });

  it("checks a logged-in customer's in one statement", async () => {
    const sent = await send({ text: "hi" }, { customerId: "4001" });
    expect(sent.status).toBe(200);
    expect(sent.limitStatements).toHaveLength(1);
    expect(await countOf(`shopper:${SHOP}:customer:gid://shopify/Customer/4001`)).toBe(1);
  });

  it("refuses a shopper over their limit with the seconds until it frees up, without counting it against the address or shop", async () => {
    const ip = "198.51.100.22";
    const first = await send({ text: "hi" }, { ip });
    const conversationId = first.body.conversationId;
    expect((await send({ text: "one", conversationId }, { ip })).status).toBe(200);
    expect((await send({ text: "two", conversationId }, { ip })).status).toBe(200);
    const shopBefore = await countOf(`shop:${SHOP}`);
    const refused = await send({ text: "three", conversationId }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.limitStatements).toHaveLength(1);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(await countOf(`shopper:${SHOP}:conversation:${conversationId}`)).toBe(3);
    // The refused message counted where it was refused, nowhere after: one shopper can't use up
    // the limit of the guests behind their address, or of the shop.
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(3);
    expect(await countOf(`shop:${SHOP}`)).toBe(shopBefore);
  });

  it("refuses a replayed signature (409) and counts the replay nowhere else", async () => {
    const ip = "198.51.100.23";
    const first = await send({ text: "hi" }, { ip, signature: "used-once" });
    expect(first.status).toBe(200);
    const replay = await send({ text: "hi" }, { ip, signature: "used-once" });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("replayed_request");
    expect(replay.limitStatements).toHaveLength(1);
    expect(await countOf(`address:${SHOP}:ip:${ip}`)).toBe(1);
  });
});
