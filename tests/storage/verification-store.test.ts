/**
 * Failed verifications and one-time codes in the database, on SQLite and PostgreSQL: counted across
 * conversations and instances (one store per message, as the proxy makes them), concurrent misses
 * all counted, only hashes stored, and the merchant's view of locked keys.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTEMPT_LIMITS, type AttemptKey } from "../../app/chat/attempts";
import { CODE_RULES } from "../../app/chat/order-codes";
import { createVerificationStores, listLockedAttempts } from "../../app/chat/verification-store.server";
import { createDb, type Db } from "../../app/db.server";
import { storageBackends } from "../helpers/storage-backends";

const SHOP = "verify-test.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";
const MINUTE = 60_000;
const MAX = ATTEMPT_LIMITS.failuresBeforeLock;

describe.each(storageBackends("verification"))("verification storage on $name", (backend) => {
  let server: { url: string; stop(): Promise<void> };
  let db: Db;
  let clock = Date.parse("2026-12-06T10:00:00Z");
  const now = () => new Date(clock);
  // A new store for every call, as the proxy builds one per message.
  const stores = (shop = SHOP) => createVerificationStores(db, shop, { now, secret: "test-secret" });

  beforeAll(async () => {
    server = await backend.start();
    db = createDb(server.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("locks a key after enough misses, across stores, only in its own shop, and keeps no raw email or address", async () => {
    const email: AttemptKey = { kind: "email", value: "ethan.walker@example.org" };
    const client: AttemptKey = { kind: "client", value: "ip:203.0.113.9" };
    for (let i = 0; i < MAX - 1; i++)
      expect(
        await stores().attempts.recordFailure([email, client, { kind: "order", value: String(1050 + i) }]),
      ).toBeNull();
    expect(await stores().attempts.lockedFor([email])).toBeNull();
    expect(await stores().attempts.recordFailure([email, client, { kind: "order", value: "1099" }])).toBe(15 * MINUTE);
    expect(await stores().attempts.lockedFor([{ kind: "order", value: "1042" }, email])).toBe(15 * MINUTE);
    expect(await stores(OTHER_SHOP).attempts.lockedFor([email, client])).toBeNull();

    const rows = JSON.stringify(await db.verificationAttempt.findMany({ where: { shop: SHOP } }));
    expect(rows).not.toContain("ethan.walker@example.org");
    expect(rows).not.toContain("203.0.113.9");

    const locked = await listLockedAttempts(db, SHOP, now());
    expect(locked.map((l) => l.label).sort()).toEqual(["203.0.113.x", "e•••@example.org"]);
    expect(locked[0]).toMatchObject({ lockedUntil: new Date(clock + 15 * MINUTE).toISOString(), locks: 1 });
    expect(await listLockedAttempts(db, OTHER_SHOP, now())).toEqual([]);

    clock += 15 * MINUTE + 1;
    expect(await stores().attempts.lockedFor([email])).toBeNull();
    expect(await listLockedAttempts(db, SHOP, now())).toEqual([]);
    // The next lock of the same key lasts twice as long.
    for (let i = 0; i < MAX; i++) await stores().attempts.recordFailure([email]);
    expect(await stores().attempts.lockedFor([email])).toBe(30 * MINUTE);
  });

  it("counts every one of many concurrent misses", async () => {
    const key: AttemptKey = { kind: "order", value: "7777" };
    await Promise.all(Array.from({ length: MAX - 1 }, () => stores().attempts.recordFailure([key])));
    expect(await stores().attempts.lockedFor([key])).toBeNull();
    const row = await db.verificationAttempt.findFirst({ where: { shop: SHOP, label: "#7777" } });
    expect(row?.failures).toBe(MAX - 1);
    await stores().attempts.recordFailure([key]);
    expect(await stores().attempts.lockedFor([key])).not.toBeNull();
  });

  it("keeps only a keyed hash of a code, which works once, for its own order and shop", async () => {
    const issued = await stores().orderCodes.issue("1063");
    if (!issued.ok) throw new Error("no code issued");
    const row = await db.orderChangeCode.findUnique({ where: { id: issued.challengeId } });
    expect(JSON.stringify(row)).not.toContain(issued.code);
    expect(await stores(OTHER_SHOP).orderCodes.redeem(issued.challengeId, "1063", issued.code)).toMatchObject({
      ok: false,
    });
    expect(await stores().orderCodes.redeem(issued.challengeId, "1064", issued.code)).toMatchObject({ ok: false });
    const wrong = issued.code === "000000" ? "000001" : "000000";
    expect(await stores().orderCodes.redeem(issued.challengeId, "1063", wrong)).toEqual({
      ok: false,
      reason: "wrong",
      triesLeft: CODE_RULES.maxTries - 1,
    });
    expect(await stores().orderCodes.redeem(issued.challengeId, "1063", issued.code)).toEqual({ ok: true });
    expect(await stores().orderCodes.redeem(issued.challengeId, "1063", issued.code)).toMatchObject({ ok: false });
  });

  it("stops a code after its tries, even guessed concurrently, and after ten minutes", async () => {
    const issued = await stores().orderCodes.issue("1062");
    if (!issued.ok) throw new Error("no code issued");
    const wrong = issued.code === "123456" ? "654321" : "123456";
    const results = await Promise.all(
      Array.from({ length: CODE_RULES.maxTries + 3 }, () =>
        stores().orderCodes.redeem(issued.challengeId, "1062", wrong),
      ),
    );
    expect(results.every((r) => !r.ok && ["wrong", "used_up"].includes(r.reason))).toBe(true);
    expect((await db.orderChangeCode.findUnique({ where: { id: issued.challengeId } }))?.tries).toBe(
      CODE_RULES.maxTries,
    );
    expect(await stores().orderCodes.redeem(issued.challengeId, "1062", issued.code)).toMatchObject({ ok: false });

    const fresh = await stores().orderCodes.issue("1061");
    if (!fresh.ok) throw new Error("no code issued");
    clock += CODE_RULES.ttlMs + 1;
    expect(await stores().orderCodes.redeem(fresh.challengeId, "1061", fresh.code)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("lets two concurrent right entries through only once", async () => {
    const issued = await stores().orderCodes.issue("1060");
    if (!issued.ok) throw new Error("no code issued");
    const results = await Promise.all(
      [1, 2, 3].map(() => stores().orderCodes.redeem(issued.challengeId, "1060", issued.code)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it(`sends one order at most ${CODE_RULES.maxPerOrderPerHour} codes an hour`, async () => {
    for (let i = 0; i < CODE_RULES.maxPerOrderPerHour; i++)
      expect((await stores().orderCodes.issue("1059")).ok).toBe(true);
    expect(await stores().orderCodes.issue("1059")).toEqual({ ok: false, reason: "too_many" });
    expect((await stores().orderCodes.issue("1058")).ok).toBe(true);
    clock += 60 * MINUTE + 1;
    expect((await stores().orderCodes.issue("1059")).ok).toBe(true);
  });
});
