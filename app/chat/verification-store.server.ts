/**
 * The database behind the verification guards (SQLite or PostgreSQL, through Prisma): failed
 * verifications per key (attempts.ts) and one-time codes (order-codes.ts), shared by every
 * conversation and every instance of the app. Keys are stored as hashes with a masked label for
 * the merchant; codes as a keyed hash. Writes are compare-and-set, so concurrent misses on one key
 * (or guesses at one code) all count.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db.server";
import {
  ATTEMPT_LIMITS,
  nextAttemptState,
  remainingLockMs,
  type AttemptKey,
  type AttemptLimits,
  type AttemptState,
  type AttemptStore,
} from "./attempts";
import { maskEmail } from "./change-proof";
import { asDate, selectRows, sql } from "./transcript-sql.server";
import { CODE_RULES, hashCode, newChallengeId, newCode, sameHash, type OrderCodeStore } from "./order-codes";

export interface VerificationStoreOptions {
  now?: () => Date;
  limits?: AttemptLimits;
  /** Keys the code hashes; APP_ENCRYPTION_KEY or SHOPIFY_API_SECRET by default. */
  secret?: string;
}

/** The attempt counts and one-time codes of one shop. */
export function createVerificationStores(
  db: Db,
  shop: string,
  options: VerificationStoreOptions = {},
): { attempts: AttemptStore; orderCodes: OrderCodeStore } {
  const now = options.now ?? (() => new Date());
  return {
    attempts: attemptStore(db, shop, now, options.limits ?? ATTEMPT_LIMITS),
    orderCodes: codeStore(db, shop, now, codeSecret(options.secret)),
  };
}

export interface LockedAttempt {
  kind: string;
  label: string;
  lockedUntil: string;
  /** How many times this key has been locked in a row (each lock lasts twice the last). */
  locks: number;
}

/** Keys locked right now, for the merchant's admin: the longest locks first. */
export async function listLockedAttempts(
  db: Db,
  shop: string,
  now: Date = new Date(),
  take = 50,
): Promise<LockedAttempt[]> {
  const rows = await db.verificationAttempt.findMany({
    where: { shop, lockedUntil: { gt: now } },
    orderBy: [{ lockedUntil: "desc" }, { keyHash: "asc" }],
    take,
  });
  return rows.map((row) => ({
    kind: row.kind,
    label: row.label,
    lockedUntil: row.lockedUntil!.toISOString(),
    locks: row.locks,
  }));
}

// ---------------------------------------------------------------------------------------------

const keyHash = (key: AttemptKey) => createHash("sha256").update(`${key.kind}:${key.value}`).digest("hex");

/** What the merchant may read about a key: enough to recognise a pattern, not a shopper's data. */
export function attemptLabel(key: AttemptKey): string {
  switch (key.kind) {
    case "order":
      return `#${key.value}`;
    case "email":
      return maskEmail(key.value);
    case "customer":
      return `customer ${key.value.split("/").pop()}`;
    case "client": {
      const address = key.value.replace(/^ip:/, "");
      if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return address.replace(/\.\d+$/, ".x");
      if (address.includes(":")) return `${address.split(":").slice(0, 3).join(":")}:…`;
      return "unknown address";
    }
  }
}

const MAX_WRITE_RACES = 8;

/**
 * The keys' rows, read on the driver's connection: every order lookup asks, and Prisma's model API
 * plans each query afresh (about 1 ms; see transcript-sql.server.ts). Null without a driver.
 */
async function lockRows(
  db: Db,
  shop: string,
  hashes: string[],
): Promise<{ failures: number; locks: number; lockedUntil: Date | null; lastFailureAt: Date }[] | null> {
  const rows = await selectRows(db, (dialect) =>
    dialect === "sqlite"
      ? sql`SELECT "failures", "locks", "lockedUntil", "lastFailureAt" FROM "VerificationAttempt"
            WHERE "shop" = ${shop} AND "keyHash" IN (SELECT "value" FROM json_each(${JSON.stringify(hashes)}))`
      : sql`SELECT "failures", "locks", "lockedUntil", "lastFailureAt" FROM "VerificationAttempt"
            WHERE "shop" = ${shop} AND "keyHash" = ANY(${hashes})`,
  );
  return (
    rows?.map((row) => ({
      failures: Number(row.failures),
      locks: Number(row.locks),
      lockedUntil: asDate(row.lockedUntil),
      lastFailureAt: asDate(row.lastFailureAt)!,
    })) ?? null
  );
}

function attemptStore(db: Db, shop: string, now: () => Date, limits: AttemptLimits): AttemptStore {
  const toState = (row: {
    failures: number;
    locks: number;
    lockedUntil: Date | null;
    lastFailureAt: Date;
  }): AttemptState => ({
    failures: row.failures,
    locks: row.locks,
    lockedUntil: row.lockedUntil,
    lastFailureAt: row.lastFailureAt,
  });

  async function recordOne(key: AttemptKey, at: Date): Promise<AttemptState> {
    const hash = keyHash(key);
    for (let race = 0; race < MAX_WRITE_RACES; race++) {
      const row = await db.verificationAttempt.findUnique({ where: { shop_keyHash: { shop, keyHash: hash } } });
      const next = nextAttemptState(row ? toState(row) : null, at, limits);
      if (!row) {
        try {
          await db.verificationAttempt.create({
            data: { shop, keyHash: hash, kind: key.kind, label: attemptLabel(key), ...next },
          });
          return next;
        } catch (error) {
          if ((error as { code?: string }).code === "P2002") continue; // another miss created it first
          throw error;
        }
      }
      // Compare-and-set: only if nobody else counted a miss since we read the row.
      const { count } = await db.verificationAttempt.updateMany({
        where: { shop, keyHash: hash, failures: row.failures, locks: row.locks, lastFailureAt: row.lastFailureAt },
        data: next,
      });
      if (count === 1) return next;
    }
    throw new Error("verification attempt not recorded: too many concurrent writes");
  }

  return {
    async lockedFor(keys) {
      if (keys.length === 0) return null;
      const at = now();
      const hashes = keys.map(keyHash);
      const rows =
        (await lockRows(db, shop, hashes)) ??
        (await db.verificationAttempt.findMany({ where: { shop, keyHash: { in: hashes }, lockedUntil: { gt: at } } }));
      const locked = rows.filter((row) => row.lockedUntil !== null && row.lockedUntil > at);
      const left = locked.map((row) => remainingLockMs(toState(row), at) ?? 0);
      return left.length ? Math.max(...left) : null;
    },
    async recordFailure(keys) {
      const at = now();
      const states = [];
      for (const key of keys) states.push(await recordOne(key, at));
      // Keys nobody has missed for a day, with no lock in force, are forgotten anyway: drop them.
      const stale = new Date(at.getTime() - limits.forgetAfterMs);
      await db.verificationAttempt.deleteMany({
        where: { shop, lastFailureAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
      });
      const left = states.map((state) => remainingLockMs(state, at)).filter((ms): ms is number => ms !== null);
      return left.length ? Math.max(...left) : null;
    },
  };
}

// A random key when the app has no secret (tests): codes then only check on this instance.
const processSecret = randomBytes(32).toString("hex");

// Derived once per key material: the stores are made for every chat message.
const secrets = new Map<string, string>();

function codeSecret(explicit?: string): string {
  const material = explicit ?? process.env.APP_ENCRYPTION_KEY ?? process.env.SHOPIFY_API_SECRET ?? processSecret;
  let secret = secrets.get(material);
  if (!secret) {
    secret = createHash("sha256").update(`support-chat:order-codes:${material}`).digest("hex");
    if (secrets.size > 16) secrets.clear();
    secrets.set(material, secret);
  }
  return secret;
}

function codeStore(db: Db, shop: string, now: () => Date, secret: string): OrderCodeStore {
  const HOUR = 3_600_000;
  return {
    now,
    async issue(orderNumber) {
      const at = now();
      // Codes from over an hour ago have expired and no longer count towards the hourly limit.
      await db.orderChangeCode.deleteMany({ where: { shop, createdAt: { lt: new Date(at.getTime() - HOUR) } } });
      const lastHour = await db.orderChangeCode.count({
        where: { shop, orderNumber, createdAt: { gte: new Date(at.getTime() - HOUR) } },
      });
      if (lastHour >= CODE_RULES.maxPerOrderPerHour) return { ok: false, reason: "too_many" };
      const challengeId = newChallengeId();
      const code = newCode();
      const expiresAt = new Date(at.getTime() + CODE_RULES.ttlMs);
      await db.orderChangeCode.create({
        data: {
          id: challengeId,
          shop,
          orderNumber,
          codeHash: hashCode(secret, challengeId, code),
          expiresAt,
          createdAt: at,
        },
      });
      return { ok: true, challengeId, code, expiresAt };
    },
    async redeem(challengeId, orderNumber, code) {
      const at = now();
      const live = { id: challengeId, shop, orderNumber, usedAt: null, expiresAt: { gt: at } };
      const record = await db.orderChangeCode.findFirst({ where: live });
      if (!record) return { ok: false, reason: "expired" };
      // Count the try before checking it, atomically: concurrent guesses can't exceed the limit.
      const { count } = await db.orderChangeCode.updateMany({
        where: { ...live, tries: { lt: CODE_RULES.maxTries } },
        data: { tries: { increment: 1 } },
      });
      if (count === 0) return { ok: false, reason: "used_up" };
      if (!sameHash(record.codeHash, hashCode(secret, challengeId, code))) {
        const after = await db.orderChangeCode.findUnique({ where: { id: challengeId }, select: { tries: true } });
        const triesLeft = CODE_RULES.maxTries - (after?.tries ?? CODE_RULES.maxTries);
        return triesLeft > 0 ? { ok: false, reason: "wrong", triesLeft } : { ok: false, reason: "used_up" };
      }
      const used = await db.orderChangeCode.updateMany({
        where: { id: challengeId, shop, usedAt: null },
        data: { usedAt: at },
      });
      return used.count === 1 ? { ok: true } : { ok: false, reason: "expired" };
    },
  };
}
