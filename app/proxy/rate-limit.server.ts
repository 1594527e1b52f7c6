/**
 * Abuse limits on the chat proxy (rate-limiter-flexible): per shop; per shopper (a logged-in
 * customer's signed id, a guest's conversation); per client address for guests, with a ceiling
 * high enough for many guests behind one address; and signed URLs used once.
 *
 * Where the counts live: in memory for one instance (SQLite) — in the cluster's primary when the
 * instance runs several workers (server.mjs, WEB_CONCURRENCY), so its workers share them; in
 * PostgreSQL when the app runs on it, so that several instances share one count per shopper and a
 * signature used on one instance is refused on every other. RATE_LIMIT_STORE=memory|postgres
 * overrides the choice.
 */
import cluster from "node:cluster";
import pg from "pg";
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { databaseProvider, resolveDatabaseUrl } from "../db-url";
import { postgresPoolConfig, surviveDroppedConnections } from "../db-connections.server";
import { countInOrder, countedRows, countingCtes, type CountedRow, type SharedCount } from "./shared-counts.server";
import type { WriteCondition } from "../chat/transcript-sql.server";

export interface ProxyLimits {
  perShop: RateLimiterAbstract;
  perShopper: RateLimiterAbstract;
  /** Every guest behind one client address together. */
  perAddress: RateLimiterAbstract;
  /** A signature may be used once within its 90 s validity: a captured URL can't be replayed. */
  signatures: RateLimiterAbstract;
  /** Settles once the shared table exists (at once in memory); checks wait for it. */
  ready: Promise<void>;
  /**
   * Where the counts are shared between instances, with each limit's in-memory insurance for when
   * PostgreSQL fails; none when this instance (or its cluster) counts on its own.
   */
  shared?: {
    pool: pg.Pool;
    insurance: Record<LimitName, RateLimiterAbstract>;
    /**
     * The counts' table is in the app's own database and was made at start-up: a message's limits
     * can be counted in the statement that stores it (limitsInStatement).
     */
    inAppDatabase?: boolean;
  };
}

type LimitName = "perShop" | "perShopper" | "perAddress" | "signatures";

export interface LimitOptions {
  shopPerMinute?: number;
  shopperPerMinute?: number;
  addressPerMinute?: number;
  /** A PostgreSQL pool to share counts through; in memory without one. */
  postgres?: pg.Pool;
  /** That pool is on the app's own database (configuredLimits): see ProxyLimits.shared.inAppDatabase. */
  inAppDatabase?: boolean;
}

/** Requests a minute for a whole shop's storefront (RATE_LIMIT_SHOP_PER_MINUTE). */
export const SHOP_PER_MINUTE = 1200;
/** Requests a minute for one shopper: a logged-in customer, or a guest's conversation (RATE_LIMIT_SHOPPER_PER_MINUTE). */
export const SHOPPER_PER_MINUTE = 30;
/**
 * Requests a minute for all the guests behind one address together (RATE_LIMIT_ADDRESS_PER_MINUTE):
 * an office or a mobile carrier puts many shoppers behind one address, so ten shoppers' worth.
 * A guest's first message, before they have a conversation, counts only here.
 */
export const ADDRESS_PER_MINUTE = 300;

/** rate-limiter-flexible creates it on first use (CREATE TABLE IF NOT EXISTS). */
export const RATE_LIMIT_TABLE = "rate_limits";

export function createLimits(options: LimitOptions = {}): ProxyLimits {
  const insurance = {} as Record<LimitName, RateLimiterAbstract>;
  const limiter = (name: LimitName, keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    // A cluster worker asks its primary (one count for the machine); a lone process counts itself.
    const memory = cluster.isWorker
      ? new RateLimiterCluster({ keyPrefix, points, duration, timeoutMs: 3_000 })
      : new RateLimiterMemory({ keyPrefix, points, duration });
    if (!options.postgres) return memory;
    insurance[name] = memory;
    // If PostgreSQL is unreachable the instance keeps limiting on its own counts. The table is
    // created once below, not by each limiter: three limiters per instance, several instances,
    // all running CREATE TABLE at start-up can fail one of them, which then counts only in memory.
    const shared = {
      storeClient: options.postgres,
      tableName: RATE_LIMIT_TABLE,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: memory,
      tableCreated: true,
    };
    // checkLimits counts a request's limits in one statement of its own (shared-counts.server.ts)
    // from this limiter's key prefix, points and duration; the limiter still clears expired rows.
    return new RateLimiterPostgres(shared);
  };
  const shared = options.postgres && { pool: options.postgres, insurance, inAppDatabase: false };
  return {
    ready: options.postgres
      ? createRateLimitTable(options.postgres).then((made) => {
          if (shared) shared.inAppDatabase = made && !!options.inAppDatabase;
        })
      : Promise.resolve(),
    shared,
    perShop: limiter(
      "perShop",
      "shop",
      options.shopPerMinute ?? Number(process.env.RATE_LIMIT_SHOP_PER_MINUTE ?? SHOP_PER_MINUTE),
      60,
    ),
    perShopper: limiter(
      "perShopper",
      "shopper",
      options.shopperPerMinute ?? Number(process.env.RATE_LIMIT_SHOPPER_PER_MINUTE ?? SHOPPER_PER_MINUTE),
      60,
    ),
    perAddress: limiter(
      "perAddress",
      "address",
      options.addressPerMinute ?? Number(process.env.RATE_LIMIT_ADDRESS_PER_MINUTE ?? ADDRESS_PER_MINUTE),
      60,
    ),
    signatures: limiter("signatures", "signature", 1, 120),
  };
}

/**
 * The table rate-limiter-flexible's PostgreSQL store uses (its own DDL), created under an advisory
 * lock so that instances starting together create it one at a time. A failure is logged, and the
 * limiters then fall back to their in-memory insurance.
 */
async function createRateLimitTable(pool: pg.Pool): Promise<boolean> {
  try {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [RATE_LIMIT_TABLE]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    return true;
  } catch (error) {
    console.error(
      "shared rate-limit table unavailable; limiting per instance",
      error instanceof Error ? error.message : error,
    );
    return false;
  }
}

/** The limits for this deployment: shared through PostgreSQL when the app's database is PostgreSQL. */
export function configuredLimits(env: Record<string, string | undefined> = process.env): ProxyLimits {
  const url = resolveDatabaseUrl(env);
  const store = env.RATE_LIMIT_STORE ?? (databaseProvider(url) === "postgresql" ? "postgres" : "memory");
  if (store === "memory") return createLimits();
  if (store !== "postgres")
    throw new Error(`RATE_LIMIT_STORE must be memory or postgres, not ${JSON.stringify(store)}`);
  if (databaseProvider(url) !== "postgresql")
    throw new Error("RATE_LIMIT_STORE=postgres needs DATABASE_URL to be a PostgreSQL URL");
  // A small pool of its own: limit checks must not queue behind the app's queries.
  const pool = surviveDroppedConnections(
    new pg.Pool(postgresPoolConfig(url, { max: 4, allowExitOnIdle: true })),
    "rate-limits",
  );
  return createLimits({ postgres: pool, inAppDatabase: true });
}

export type LimitVerdict =
  { ok: true } | { ok: false; reason: "shop" | "shopper" | "address" | "replay"; retryAfterSeconds: number };

export interface LimitKeys extends ShopperKeys {
  shop: string;
  signature: string | null;
  writes: boolean;
}

type Reason = Extract<LimitVerdict, { ok: false }>["reason"];

/** One limit a request counts against: which, on what key. */
interface LimitCheck {
  reason: Reason;
  name: LimitName;
  key: string;
}

/**
 * Count one request; the first limit exceeded decides, in this order: replay, shopper, address,
 * shop. A refused request counts against none of the limits after the one that refused it, so
 * one shopper over their limit doesn't use up their address's or their shop's.
 */
export async function checkLimits(limits: ProxyLimits, keys: LimitKeys): Promise<LimitVerdict> {
  await limits.ready;
  const checks = checksFor(keys);
  if (!limits.shared) return consumeInOrder(limits, checks);
  try {
    return await countShared(limits, limits.shared.pool, checks);
  } catch {
    // PostgreSQL failed: this instance's own counts, as each limiter's insurance did before.
    return consumeInOrder(limits.shared.insurance, checks);
  }
}

function checksFor(keys: LimitKeys): LimitCheck[] {
  const checks: LimitCheck[] = [];
  if (keys.writes && keys.signature) checks.push({ reason: "replay", name: "signatures", key: keys.signature });
  if (keys.shopper) checks.push({ reason: "shopper", name: "perShopper", key: `${keys.shop}:${keys.shopper}` });
  if (keys.address) checks.push({ reason: "address", name: "perAddress", key: `${keys.shop}:${keys.address}` });
  checks.push({ reason: "shop", name: "perShop", key: keys.shop });
  return checks;
}

/** A request refused by its limits; nothing was written for it. */
export class LimitRefused extends Error {
  constructor(readonly verdict: Extract<LimitVerdict, { ok: false }>) {
    super(`rate limited: ${verdict.reason}`);
  }
}

/**
 * The request's limits as a condition of the statement that stores the message (one round trip
 * less a message on PostgreSQL): counted in it, in the same order and with the same verdicts as
 * checkLimits, and the message written only within them. Null when the counts aren't in the
 * app's database (SQLite, memory, a table that couldn't be made): checkLimits then.
 */
export async function limitsInStatement(
  limits: ProxyLimits,
  keys: LimitKeys,
): Promise<(WriteCondition & { readonly verdict: LimitVerdict | null }) | null> {
  await limits.ready;
  if (!limits.shared?.inAppDatabase) return null;
  const checks = checksFor(keys);
  const counts = sharedCounts(limits, checks);
  let verdict: LimitVerdict | null = null;
  const decided = (decision: LimitVerdict) => {
    verdict = decision;
    if (!decision.ok) throw new LimitRefused(decision);
  };
  return {
    get verdict() {
      return verdict;
    },
    render(param) {
      const { ctes, withinLimits, counted } = countingCtes(RATE_LIMIT_TABLE, counts, Date.now(), param);
      return { ctes, holds: withinLimits(), outcome: counted() };
    },
    settle(outcome) {
      decided(verdictOf(checks, counts, countedRows(outcome)));
    },
    async checkAlone() {
      decided(await checkLimits(limits, keys));
    },
  };
}

/** The checks one by one on `limiters` (in memory, or in the cluster's primary). */
async function consumeInOrder(
  limiters: Record<LimitName, RateLimiterAbstract>,
  checks: LimitCheck[],
): Promise<LimitVerdict> {
  for (const check of checks) {
    const retryAfterSeconds = await consume(limiters[check.name], check.key);
    if (retryAfterSeconds !== null) return refusal(check.reason, retryAfterSeconds);
  }
  return { ok: true };
}

/** The checks in one PostgreSQL statement on the limiters' shared rows: one round trip. */
async function countShared(limits: ProxyLimits, pool: pg.Pool, checks: LimitCheck[]): Promise<LimitVerdict> {
  const counts = sharedCounts(limits, checks);
  return verdictOf(checks, counts, await countInOrder(pool, RATE_LIMIT_TABLE, counts));
}

/** The checks as counts on the limiters' shared rows. */
function sharedCounts(limits: ProxyLimits, checks: LimitCheck[]): SharedCount[] {
  return checks.map(({ name, key }) => ({
    key: limits[name].getKey(key),
    points: limits[name].points,
    durationMs: limits[name].duration * 1000,
  }));
}

/** The verdict of the rows counted for `checks`, in order: the first over its points refuses. */
function verdictOf(checks: LimitCheck[], counts: SharedCount[], rows: CountedRow[]): LimitVerdict {
  for (const [i, row] of rows.entries()) {
    if (row.points <= counts[i].points) continue;
    const msBeforeNext = row.expire === null ? 0 : row.expire - Date.now();
    return refusal(checks[i].reason, secondsUntil(msBeforeNext));
  }
  if (rows.length !== checks.length) throw new Error("rate limits: a count was skipped with none refused");
  return { ok: true };
}

function refusal(reason: Reason, retryAfterSeconds: number): LimitVerdict {
  // A replayed signature never becomes valid again: nothing to wait for.
  return { ok: false, reason, retryAfterSeconds: reason === "replay" ? 0 : retryAfterSeconds };
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** null when allowed, else seconds until the next point frees up. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return secondsUntil(rejection.msBeforeNext);
    throw rejection;
  }
}

/**
 * Proxies in front of the app that append the address they were called from to X-Forwarded-For:
 * Shopify's app proxy is one; add one for each load balancer of yours (TRUSTED_PROXY_HOPS).
 */
export const TRUSTED_PROXY_HOPS = Math.max(1, Number(process.env.TRUSTED_PROXY_HOPS ?? 1) || 1);

export interface ShopperKeys {
  /** One shopper: `customer:<signed id>`, or `conversation:<id>` for a guest who has one. */
  shopper: string | null;
  /** A guest's client address, `ip:<address>`: shared by every guest behind it. */
  address: string | null;
}

/**
 * Who is asking. A logged-in customer by their signed id. A guest by their conversation, once
 * they have one, and by their address, shared with every guest behind it (an office, a mobile
 * carrier), which gets the higher ADDRESS_PER_MINUTE ceiling. A made-up conversation id is no
 * escape: the address still counts, and the id finds no conversation.
 */
export function shopperKeys(
  request: Request,
  customerId: string | null,
  conversationId: string | null,
  trustedHops = TRUSTED_PROXY_HOPS,
): ShopperKeys {
  if (customerId) return { shopper: `customer:${customerId}`, address: null };
  return {
    shopper: conversationId ? `conversation:${conversationId}` : null,
    address: addressKey(request, trustedHops),
  };
}

/** The client's address as a key, `ip:<address>`: also what failed order verifications count on. */
export function addressKey(request: Request, trustedHops = TRUSTED_PROXY_HOPS): string {
  return `ip:${clientAddress(request, trustedHops)}`;
}

/**
 * The client's address as the nearest trusted proxy saw it. Entries further left in
 * X-Forwarded-For were written by the client and are ignored, so a shopper can't get a fresh
 * limit by sending their own.
 */
export function clientAddress(request: Request, trustedHops = TRUSTED_PROXY_HOPS): string {
  const chain = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - trustedHops)] || request.headers.get("x-real-ip") || "unknown";
}
