import type { Db } from "./db.server";
import type { ShopSettings } from "./generated/prisma/client";

export type { ShopSettings };

/** The shop's bot settings, created with defaults the first time a shop is seen. */
export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  return db.shopSettings.upsert({ where: { shop }, create: { shop }, update: {} });
}

export function parseJsonArray<T>(json: string): T[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}
