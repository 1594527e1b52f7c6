/** A ChatContext on the local demo store, as the proxy route builds it, without a database. */
import path from "node:path";
import { buildChatContext } from "../../app/chat/context.server";
import { createCommerce } from "../../app/commerce/store";
import { createDemoStore, loadDemoSnapshot, type DemoStore } from "../../app/commerce/demo-store";
import { settingsFor, type EditableSettings, type ShopSettings } from "../../app/settings.server";
import { demoShopSettings } from "../../app/demo/demo-settings";

export const SNAPSHOT_PATH = path.resolve("demo", "demo-store.json");

export function demoSettings(store: DemoStore, overrides: Partial<EditableSettings> = {}): ShopSettings {
  return settingsFor(store.shopDomain, { ...demoShopSettings(store.snapshot), ...overrides });
}

export async function demoChatContext(store: DemoStore = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)), overrides: Partial<EditableSettings> = {}) {
  return buildChatContext({
    shop: store.shopDomain,
    commerce: createCommerce(store.graphql),
    settings: demoSettings(store, overrides),
    now: store.now,
  });
}
