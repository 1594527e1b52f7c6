/**
 * The session storage's per-instance cache (app/session-cache.server.ts): the offline session is
 * read once per TTL instead of on every chat message, never served near its expiry (the library
 * refreshes the token from the stored one), and forgotten on every change.
 */
import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { cachedSessionStorage, type SessionStorage } from "../../app/session-cache.server";
import { invalidateShop } from "../../app/shop-cache.server";

/** An in-memory storage that counts its reads, with an optional gate to hold a read open. */
function countingStorage() {
  const rows = new Map<string, Session>();
  let reads = 0;
  let gate: Promise<void> | null = null;
  const storage: SessionStorage = {
    async loadSession(id) {
      reads++;
      const row = rows.get(id);
      if (gate) await gate;
      return row;
    },
    async storeSession(session) {
      rows.set(session.id, session);
      return true;
    },
    async deleteSession(id) {
      rows.delete(id);
      return true;
    },
    async deleteSessions(ids) {
      for (const id of ids) rows.delete(id);
      return true;
    },
    async findSessionsByShop(shop) {
      return [...rows.values()].filter((s) => s.shop === shop);
    },
  };
  return {
    storage,
    rows,
    reads: () => reads,
    hold() {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

const offline = (shop: string, token: string, expires?: Date) =>
  new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken: token, expires });

describe("the cached session storage", () => {
  it("reads a session once per TTL, and concurrent loads share that read", async () => {
    const inner = countingStorage();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t1"));
    const cached = cachedSessionStorage(inner.storage, 60_000);
    const loaded = await Promise.all([
      cached.loadSession("offline_a.myshopify.com"),
      cached.loadSession("offline_a.myshopify.com"),
    ]);
    expect(loaded.map((s) => s?.accessToken)).toEqual(["t1", "t1"]);
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t1");
    expect(inner.reads()).toBe(1);
  });

  it("reads again once the TTL has passed", async () => {
    const inner = countingStorage();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t1"));
    const cached = cachedSessionStorage(inner.storage, 30);
    await cached.loadSession("offline_a.myshopify.com");
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t2"));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t2");
    expect(inner.reads()).toBe(2);
  });

  it("never serves a session that expires within ten minutes: the stored one may be refreshed", async () => {
    const inner = countingStorage();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t1", new Date(Date.now() + 9 * 60_000)));
    const cached = cachedSessionStorage(inner.storage, 60_000);
    await cached.loadSession("offline_a.myshopify.com");
    await cached.loadSession("offline_a.myshopify.com");
    expect(inner.reads()).toBe(2);
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t2", new Date(Date.now() + 60 * 60_000)));
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t2");
    await cached.loadSession("offline_a.myshopify.com");
    expect(inner.reads()).toBe(3);
  });

  it("does not keep a miss: a shop installed later is found", async () => {
    const inner = countingStorage();
    const cached = cachedSessionStorage(inner.storage, 60_000);
    expect(await cached.loadSession("offline_a.myshopify.com")).toBeUndefined();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t1"));
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t1");
  });

  it("forgets a session stored or deleted through it, even while a read of the old row is in flight", async () => {
    const inner = countingStorage();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "t1"));
    const cached = cachedSessionStorage(inner.storage, 60_000);
    const release = inner.hold();
    const racing = cached.loadSession("offline_a.myshopify.com"); // has read t1, not yet returned
    await cached.storeSession(offline("a.myshopify.com", "t2"));
    release();
    expect((await racing)?.accessToken).toBe("t1");
    expect((await cached.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t2");
    await cached.deleteSession("offline_a.myshopify.com");
    expect(await cached.loadSession("offline_a.myshopify.com")).toBeUndefined();
  });

  it("drops a shop's sessions on invalidateShop (uninstall, redaction), and only that shop's", async () => {
    const inner = countingStorage();
    inner.rows.set("offline_a.myshopify.com", offline("a.myshopify.com", "ta"));
    inner.rows.set("offline_b.myshopify.com", offline("b.myshopify.com", "tb"));
    const cached = cachedSessionStorage(inner.storage, 60_000);
    await cached.loadSession("offline_a.myshopify.com");
    await cached.loadSession("offline_b.myshopify.com");
    inner.rows.delete("offline_a.myshopify.com"); // deleted straight in the table, as uninstalling does
    invalidateShop("a.myshopify.com");
    expect(await cached.loadSession("offline_a.myshopify.com")).toBeUndefined();
    expect((await cached.loadSession("offline_b.myshopify.com"))?.accessToken).toBe("tb");
    expect(inner.reads()).toBe(3);
  });
});
