/**
 * Per-instance caches of what every chat message reads about its shop: the offline session, the
 * merchant's settings, approved answers and active model. A chat message then costs no read of
 * them; what changes them calls invalidateShop(shop) after writing, so this instance reads them
 * afresh at once. Other instances (several on one PostgreSQL) are not told: they trust an entry
 * for SHOP_CACHE_TTL_MS at most, then read it again.
 */
import { LRUCache } from "lru-cache";
import type { Db } from "./db.server";

/** How long an entry is trusted without hearing of a change (SHOP_CACHE_TTL_MS, milliseconds; 0 turns caching off). */
export const SHOP_CACHE_TTL_MS = nonNegative(process.env.SHOP_CACHE_TTL_MS) ?? 10_000;

const MAX_SHOPS = 10_000;

export interface ShopCache<V> {
  /** The cached value, or a fresh one once it is older than the TTL (concurrent misses share one load). */
  get(db: Db, shop: string): Promise<V>;
  /**
   * The value now if one was loaded, stale or not, starting a reload in the background when it is
   * old: for values too slow to load on a shopper's time (a trained model).
   */
  peek(db: Db, shop: string, onError: (error: unknown) => void): V | undefined;
}

type Invalidate = (shop: string) => void;
const invalidators = new Set<Invalidate>();

/** A shop's entries in every cache of this instance are dropped: the next message reads them afresh. */
export function invalidateShop(shop: string): void {
  for (const invalidate of invalidators) invalidate(shop);
}

/** Register a cache of another shape (the session storage's) with invalidateShop. */
export function onInvalidateShop(invalidate: Invalidate): void {
  invalidators.add(invalidate);
}

export function shopCache<V extends {}>(
  load: (db: Db, shop: string) => Promise<V>,
  ttlMs = SHOP_CACHE_TTL_MS,
): ShopCache<V> {
  // One cache per database client: tests (and tools) open several, with the same shop names.
  const byDb = new WeakMap<Db, LRUCache<string, V, Db>>();
  const all = new Set<LRUCache<string, V, Db>>();
  // Shops whose entries changed: get() reloads before answering, peek() keeps the old value meanwhile.
  const changed = new WeakMap<LRUCache<string, V, Db>, Set<string>>();
  const cacheFor = (db: Db) => {
    let cache = byDb.get(db);
    if (!cache) {
      cache = new LRUCache<string, V, Db>({
        max: MAX_SHOPS,
        ttl: Math.max(1, ttlMs),
        // A failed reload (the database is down) keeps the old entry for the next try.
        noDeleteOnFetchRejection: true,
        fetchMethod: (shop, _stale, { context }) => load(context, shop),
      });
      byDb.set(db, cache);
      changed.set(cache, new Set());
      all.add(cache);
    }
    return cache;
  };
  onInvalidateShop((shop) => {
    for (const cache of all) changed.get(cache)!.add(shop);
  });
  return {
    async get(db, shop) {
      if (ttlMs <= 0) return load(db, shop);
      const cache = cacheFor(db);
      if (changed.get(cache)!.delete(shop)) cache.delete(shop);
      // A fresh entry as fetch() would return it, without fetch()'s options and promise (every message
      // reads several): a stale one is neither returned nor dropped here, fetch() reloads it as before.
      const fresh = cache.get(shop, { allowStale: false, noDeleteOnStaleGet: true });
      if (fresh !== undefined) return fresh;
      const value = await cache.fetch(shop, { context: db });
      if (value === undefined) throw new Error(`shop cache: no value loaded for ${shop}`);
      return value;
    },
    peek(db, shop, onError) {
      const cache = cacheFor(db);
      const forceRefresh = changed.get(cache)!.delete(shop);
      if (ttlMs <= 0 || forceRefresh || cache.getRemainingTTL(shop) <= 0) {
        cache.fetch(shop, { context: db, allowStale: true, forceRefresh }).catch(onError);
      }
      return cache.get(shop, { allowStale: true });
    },
  };
}

function nonNegative(value: string | undefined): number | null {
  const number = Number(value);
  return value?.trim() && Number.isFinite(number) && number >= 0 ? number : null;
}
