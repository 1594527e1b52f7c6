import type { Db } from "./db.server";
import type { ShopSettings } from "./generated/prisma/client";
import { shopCache } from "./shop-cache.server";

export type { ShopSettings };

export type EditableSettings = Omit<ShopSettings, "shop" | "createdAt" | "updatedAt">;

/** What a newly installed shop starts with; the database defaults mirror these. */
export const DEFAULT_SETTINGS: EditableSettings = {
  /** Empty: the assistant goes by the shop's name (here, in the bubble's header, everywhere). */
  botName: "",
  greeting: "Hi! I can help with orders, returns and products.",
  accentColor: "#1f6f5c",
  position: "bottom-right",
  tone: "friendly",
  supportHours: "",
  handoffEmail: "",
  faqs: "[]",
  internalCodes: "[]",
  publicCodes: "[]",
  allowCancel: false,
  allowReturns: false,
  allowAddressChange: false,
  retentionDays: 365,
  engineMode: "auto",
  openaiModel: "",
  openaiKeyCiphertext: "",
  factOverrides: "{}",
};

/** Settings for code paths without a database (eval, tests): defaults plus overrides. */
export function settingsFor(shop: string, overrides: Partial<EditableSettings> = {}): ShopSettings {
  const now = new Date();
  return { shop, ...DEFAULT_SETTINGS, ...overrides, createdAt: now, updatedAt: now };
}

/**
 * The shop's bot settings, created with defaults the first time a shop is seen. Read first: an
 * upsert is a write transaction, and this runs on every chat message.
 */
export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  const existing = await db.shopSettings.findUnique({ where: { shop } });
  return existing ?? db.shopSettings.upsert({ where: { shop }, create: { shop, ...DEFAULT_SETTINGS }, update: {} });
}

export function parseJsonArray<T>(json: string): T[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

// What every chat message reads: cached per shop (shop-cache.server.ts). The admin's save paths
// call invalidateShop after writing.
const settingsCache = shopCache(getShopSettings);

/** getShopSettings through the per-shop cache: for the chat's every message, not for editing. */
export function cachedShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  return settingsCache.get(db, shop);
}
