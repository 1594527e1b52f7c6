import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import {
  ADDRESS_PER_MINUTE,
  RATE_LIMIT_TABLE,
  SHOPPER_PER_MINUTE,
  checkLimits,
  clientAddress,
  configuredLimits,
  createLimits,
  shopperKeys,
  type ProxyLimits,
} from "../../app/proxy/rate-limit.server";
import { requirePostgres, type TestPostgres } from "../helpers/postgres";

describe("proxy rate limits", () => {
  it("limits one shopper without starving the shop's other shoppers", async () => {
    const limits = createLimits({ shopperPerMinute: 3, shopPerMinute: 100 });
    const ask = (shopper: string, signature: string) =>
      checkLimits(limits, { shop: "a.myshopify.com", shopper, address: null, signature, writes: true });
    for (let i = 0; i < 3; i++) expect((await ask("customer:1", `sig-${i}`)).ok).toBe(true);
    const blocked = await ask("customer:1", "sig-3");
    expect(blocked).toMatchObject({ ok: false, reason: "shopper" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await ask("customer:2", "sig-4")).ok).toBe(true);
  });

  it("limits a whole shop, and other shops are unaffected", async () => {
    const limits = createLimits({ shopperPerMinute: 100, shopPerMinute: 2 });
    const ask = (shop: string, i: number) =>
      checkLimits(limits, { shop, shopper: `customer:${i}`, address: null, signature: `s-${shop}-${i}`, writes: true });
    expect((await ask("busy.myshopify.com", 1)).ok).toBe(true);
    expect((await ask("busy.myshopify.com", 2)).ok).toBe(true);
    expect(await ask("busy.myshopify.com", 3)).toMatchObject({ ok: false, reason: "shop" });
    expect((await ask("quiet.myshopify.com", 4)).ok).toBe(true);
  });

  it("rejects a replayed signature on writes but not on reads", async () => {
    const limits = createLimits();
    const write = () =>
      checkLimits(limits, { shop: "s.myshopify.com", shopper: null, address: "ip:1", signature: "abc", writes: true });
    expect((await write()).ok).toBe(true);
    expect(await write()).toMatchObject({ ok: false, reason: "replay" });
    expect(
      (
        await checkLimits(limits, {
          shop: "s.myshopify.com",
          shopper: null,
          address: "ip:1",
          signature: "abc",
          writes: false,
        })
      ).ok,
    ).toBe(true);
  });

  it("keys a customer by signed id, a guest by conversation and by the address every guest behind it shares", () => {
    const request = new Request("http://x/proxy/messages", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1" } });
    expect(shopperKeys(request, "gid://shopify/Customer/1", "conv-1")).toEqual({
      shopper: "customer:gid://shopify/Customer/1",
      address: null,
    });
    expect(shopperKeys(request, null, "conv-1")).toEqual({ shopper: "conversation:conv-1", address: "ip:10.0.0.1" });
    expect(shopperKeys(request, null, null)).toEqual({ shopper: null, address: "ip:10.0.0.1" });
    // Behind Shopify alone the last entry is the client; behind Shopify and a load balancer, the one before.
    expect(clientAddress(request)).toBe("10.0.0.1");
    expect(clientAddress(request, 2)).toBe("203.0.113.7");
    // Whatever the client puts in front of that is ignored: a made-up address is no fresh limit.
    const spoofed = new Request("http://x/proxy/messages", {
      headers: { "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.1" },
    });
    expect(clientAddress(spoofed, 2)).toBe("203.0.113.7");
    expect(clientAddress(new Request("http://x/", { headers: { "x-forwarded-for": "198.51.100.9" } }), 2)).toBe(
      "198.51.100.9",
    );
  });

  it("lets many guests behind one address through, each within their own limit, up to the address's ceiling", async () => {
    const limits = createLimits({ shopperPerMinute: 2, addressPerMinute: 5, shopPerMinute: 100 });
    let n = 0;
    const ask = (conversation: string | null) =>
      checkLimits(limits, {
        shop: "a.myshopify.com",
        shopper: conversation && `conversation:${conversation}`,
        address: "ip:198.51.100.1",
        signature: `s-${n++}`,
        writes: true,
      });
    expect((await ask("one")).ok).toBe(true);
    expect((await ask("one")).ok).toBe(true);
    expect(await ask("one")).toMatchObject({ ok: false, reason: "shopper" });
    expect((await ask(null)).ok).toBe(true);
    expect((await ask("two")).ok).toBe(true);
    expect((await ask("two")).ok).toBe(true);
    expect(await ask("three")).toMatchObject({ ok: false, reason: "address" });
    expect(await ask(null)).toMatchObject({ ok: false, reason: "address" });
  });

  it("has named defaults: 30 a minute per shopper, ten shoppers' worth per address, and the environment overrides them", () => {
    expect(SHOPPER_PER_MINUTE).toBe(30);
    expect(ADDRESS_PER_MINUTE).toBe(300);
    const saved = process.env.RATE_LIMIT_ADDRESS_PER_MINUTE;
    try {
      delete process.env.RATE_LIMIT_ADDRESS_PER_MINUTE;
      expect(createLimits().perAddress.points).toBe(ADDRESS_PER_MINUTE);
      process.env.RATE_LIMIT_ADDRESS_PER_MINUTE = "42";
      expect(createLimits().perAddress.points).toBe(42);
    } finally {
      if (saved === undefined) delete process.env.RATE_LIMIT_ADDRESS_PER_MINUTE;
      else process.env.RATE_LIMIT_ADDRESS_PER_MINUTE = saved;
    }
  });
});

describe("proxy rate limits shared through PostgreSQL (several app instances)", () => {
  let database: TestPostgres;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    database = await requirePostgres("limits");
  }, 60_000);

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.stop();
  });

  /** What one app instance builds at start-up: its own pool, the same database. */
  async function instance(options: { shopperPerMinute?: number } = {}) {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pools.push(pool);
    const limits = createLimits({ ...options, postgres: pool });
    // The shared table is created on start-up.
    await limits.ready;
    expect((await pool.query(`SELECT to_regclass('${RATE_LIMIT_TABLE}') AS t`)).rows[0].t).toBe(RATE_LIMIT_TABLE);
    return limits;
  }

  it("refuses on one instance a signature already used on another", async () => {
    const [a, b] = [await instance(), await instance()];
    const write = (limits: ProxyLimits) =>
      checkLimits(limits, {
        shop: "s.myshopify.com",
        shopper: null,
        address: "ip:9",
        signature: "sig-shared",
        writes: true,
      });
    expect((await write(a)).ok).toBe(true);
    expect(await write(b)).toMatchObject({ ok: false, reason: "replay" });
  });

  it("counts one shopper's messages across instances", async () => {
    const [a, b] = [await instance({ shopperPerMinute: 3 }), await instance({ shopperPerMinute: 3 })];
    const ask = (limits: ProxyLimits, i: number) =>
      checkLimits(limits, {
        shop: "t.myshopify.com",
        shopper: "conversation:c5",
        address: "ip:5.5.5.5",
        signature: `sig-${i}`,
        writes: true,
      });
    expect((await ask(a, 1)).ok).toBe(true);
    expect((await ask(b, 2)).ok).toBe(true);
    expect((await ask(a, 3)).ok).toBe(true);
    expect(await ask(b, 4)).toMatchObject({ ok: false, reason: "shopper" });
    const rows = await pools[0].query(
      `SELECT key, points FROM ${RATE_LIMIT_TABLE} WHERE key LIKE '%:t.myshopify.com:%' ORDER BY key`,
    );
    expect(rows.rows).toEqual([
      { key: "address:t.myshopify.com:ip:5.5.5.5", points: 3 },
      { key: "shopper:t.myshopify.com:conversation:c5", points: 4 },
    ]);
  });

  it("refuses all but one of the same signature sent to two instances at once", async () => {
    const [a, b] = [await instance(), await instance()];
    const write = (limits: ProxyLimits, i: number) =>
      checkLimits(limits, {
        shop: "race.myshopify.com",
        shopper: `conversation:race-${i}`,
        address: `ip:10.0.0.${i}`,
        signature: "sig-raced",
        writes: true,
      });
    const verdicts = await Promise.all(Array.from({ length: 8 }, (_, i) => write(i % 2 ? a : b, i)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(1);
    expect(verdicts.filter((v) => !v.ok && v.reason === "replay")).toHaveLength(7);
  });

  it("shares its counts with an instance still consuming one limit at a time (a deploy), and restarts an expired window", async () => {
    const [current, previous] = [await instance({ shopperPerMinute: 3 }), await instance({ shopperPerMinute: 3 })];
    const keys = { shop: "deploy.myshopify.com", shopper: "customer:7", address: null, writes: true };
    // The previous release: rate-limiter-flexible's own consume, one limiter after another.
    await previous.perShopper.consume("deploy.myshopify.com:customer:7");
    await previous.perShopper.consume("deploy.myshopify.com:customer:7");
    expect((await checkLimits(current, { ...keys, signature: "d-1" })).ok).toBe(true);
    const refused = await checkLimits(current, { ...keys, signature: "d-2" });
    expect(refused).toMatchObject({ ok: false, reason: "shopper" });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(55);
    await expect(previous.perShopper.consume("deploy.myshopify.com:customer:7")).rejects.toMatchObject({
      consumedPoints: 5,
    });
    // The window ended: the count starts again at this request, with a new expiry.
    await pools[0].query(`UPDATE ${RATE_LIMIT_TABLE} SET expire = $1 WHERE key = $2`, [
      Date.now() - 1,
      "shopper:deploy.myshopify.com:customer:7",
    ]);
    expect((await checkLimits(current, { ...keys, signature: "d-3" })).ok).toBe(true);
    const row = await pools[0].query(`SELECT points, expire FROM ${RATE_LIMIT_TABLE} WHERE key = $1`, [
      "shopper:deploy.myshopify.com:customer:7",
    ]);
    expect(row.rows[0].points).toBe(1);
    expect(Number(row.rows[0].expire)).toBeGreaterThan(Date.now() + 55_000);
  });

  it("keeps limiting on the instance's own counts when PostgreSQL fails", async () => {
    // Nothing listens there: every query fails as it would with the database down.
    const unreachable = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:9/none", max: 1 });
    pools.push(unreachable);
    const limits = createLimits({ postgres: unreachable, shopperPerMinute: 2 });
    await limits.ready;
    const ask = (signature: string) =>
      checkLimits(limits, {
        shop: "down.myshopify.com",
        shopper: "customer:1",
        address: null,
        signature,
        writes: true,
      });
    expect((await ask("o-1")).ok).toBe(true);
    expect(await ask("o-1")).toMatchObject({ ok: false, reason: "replay" });
    expect((await ask("o-2")).ok).toBe(true);
    expect(await ask("o-3")).toMatchObject({ ok: false, reason: "shopper" });
  });

  it("chooses the store from the database URL, and RATE_LIMIT_STORE overrides it", () => {
    expect(configuredLimits({ DATABASE_URL: "file:/tmp/x.sqlite" }).signatures).toBeInstanceOf(RateLimiterMemory);
    const shared = configuredLimits({ DATABASE_URL: database.url });
    expect(shared.signatures).toBeInstanceOf(RateLimiterPostgres);
    expect(configuredLimits({ DATABASE_URL: database.url, RATE_LIMIT_STORE: "memory" }).signatures).toBeInstanceOf(
      RateLimiterMemory,
    );
    expect(() => configuredLimits({ DATABASE_URL: "file:/tmp/x.sqlite", RATE_LIMIT_STORE: "postgres" })).toThrow(
      /PostgreSQL URL/,
    );
  });
});
