import type { Db } from "../app/db.server";
import { readAppConfig } from "../app/config.server";
import { invalidateShop } from "../app/shop-cache.server";

/**
 * The offline session row that installing the app on `shop` leaves behind (what OAuth stores),
 * for the demo shop and for tests, which have no Shopify to install through.
 */
export async function storeOfflineSession(db: Db, shop: string, accessToken: string, state: string): Promise<void> {
  const id = `offline_${shop}`;
  const session = { shop, state, isOnline: false, scope: readAppConfig().scopes.join(","), accessToken };
  await db.session.upsert({ where: { id }, create: { id, ...session }, update: session });
  invalidateShop(shop);
}
