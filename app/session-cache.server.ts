/**
 * The Shopify session storage behind a per-instance cache: `authenticate.public.appProxy` loads
 * the shop's offline session on every chat message. A session is served from memory for
 * SHOP_CACHE_TTL_MS at most, and never when it is about to expire: the library then refreshes
 * the token, and whichever instance did it last stored the one to use. Storing or deleting a
 * session through the library, and invalidateShop (uninstall, redaction), drop the cached copy.
 */
import type { Session } from "@shopify/shopify-api";
import { LRUCache } from "lru-cache";
import { onInvalidateShop, SHOP_CACHE_TTL_MS } from "./shop-cache.server";

/** The storage contract shopifyApp() uses (@shopify/shopify-app-session-storage). */
export interface SessionStorage {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<Session[]>;
}

/**
 * The library refreshes an expiring offline token within 5 minutes of its expiry; a cached session
 * is not used within twice that, so the refresh always starts from the stored session.
 */
const EXPIRY_MARGIN_MS = 10 * 60_000;

export function cachedSessionStorage<S extends SessionStorage>(storage: S, ttlMs = SHOP_CACHE_TTL_MS): S {
  if (ttlMs <= 0) return storage;
  const cache = new LRUCache<string, Session>({ max: 10_000, ttl: ttlMs });
  // Loads in flight, so that concurrent messages share one read.
  const loading = new Map<string, Promise<Session | undefined>>();
  // Bumped by every change: a load that started before it must not cache what it read.
  let generation = 0;
  const forget = (ids: string[]) => {
    generation++;
    for (const id of ids) {
      cache.delete(id);
      loading.delete(id);
    }
  };
  onInvalidateShop((shop) =>
    forget(
      [...cache.entries()]
        .filter(([, session]) => session.shop === shop)
        .map(([id]) => id)
        .concat([...loading.keys()]),
    ),
  );

  const forgetAround = async <T>(ids: string[], write: () => Promise<T>): Promise<T> => {
    forget(ids);
    try {
      return await write();
    } finally {
      forget(ids);
    }
  };

  const load = (id: string): Promise<Session | undefined> => {
    const started = generation;
    const pending = storage.loadSession(id).then(
      (session) => {
        if (loading.get(id) === pending) loading.delete(id);
        if (session && started === generation) cache.set(id, session);
        return session;
      },
      (error: unknown) => {
        if (loading.get(id) === pending) loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
    return pending;
  };

  const cached: SessionStorage = {
    async loadSession(id) {
      const hit = cache.get(id);
      if (hit && !hit.isExpired(EXPIRY_MARGIN_MS)) return hit;
      return loading.get(id) ?? load(id);
    },
    // Forgotten before and after the write: a load running meanwhile must not keep the old row.
    storeSession: (session) => forgetAround([session.id], () => storage.storeSession(session)),
    deleteSession: (id) => forgetAround([id], () => storage.deleteSession(id)),
    deleteSessions: (ids) => forgetAround(ids, () => storage.deleteSessions(ids)),
    findSessionsByShop: (shop) => storage.findSessionsByShop(shop),
  };
  // Anything else the storage offers (PrismaSessionStorage's isReady) stays reachable.
  return Object.assign(Object.create(storage) as S, cached);
}
