/** A ChatContext on the local demo store, as the proxy route builds it, without a database. */
import path from "node:path";
import { buildChatContext } from "../../app/chat/context.server";
import { respond, type TurnOutput } from "../../app/chat/pipeline";
import type { DialogueState } from "../../app/chat/types";
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

/**
 * One conversation on a demo store (a fresh copy of the snapshot unless given): `say` answers a
 * message as the proxy route would and carries the dialogue state to the next one.
 */
export async function demoConversation(options: { customerId?: string | null; store?: DemoStore; overrides?: Partial<EditableSettings> } = {}) {
  const ctx = await demoChatContext(options.store, options.overrides);
  let state: DialogueState = {};
  return async (text: string): Promise<TurnOutput> => {
    const out = await respond({ text, state, shopper: { customerId: options.customerId ?? null } }, ctx);
    state = out.state;
    return out;
  };
}
