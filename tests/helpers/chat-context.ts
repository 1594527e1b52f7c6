/** A ChatContext on the local demo store, as the proxy route builds it, without a database. */
import path from "node:path";
import { buildChatContext } from "../../app/chat/context.server";
import { createCommerce } from "../../app/commerce/store";
import { createDemoStore, loadDemoSnapshot, type DemoStore } from "../../app/commerce/demo-store";
import type { ShopSettings } from "../../app/settings.server";

export const SNAPSHOT_PATH = path.resolve("demo", "demo-store.json");

export function demoSettings(store: DemoStore, overrides: Partial<ShopSettings> = {}): ShopSettings {
  const { snapshot } = store;
  return {
    shop: store.shopDomain,
    botName: "Northwind assistant",
    greeting: "Hi!",
    accentColor: "#1f6f5c",
    position: "bottom-right",
    tone: "friendly",
    supportHours: snapshot.shop.supportHours ?? "",
    handoffEmail: snapshot.shop.email ?? "",
    faqs: JSON.stringify(snapshot.faqs),
    internalCodes: "[]",
    allowCancel: false,
    allowReturns: false,
    allowAddressChange: false,
    retentionDays: 365,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

export async function demoChatContext(store: DemoStore = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH))) {
  return buildChatContext({
    shop: store.shopDomain,
    commerce: createCommerce(store.graphql),
    settings: demoSettings(store),
    now: store.now,
  });
}
