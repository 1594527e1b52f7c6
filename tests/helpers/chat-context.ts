/** A ChatContext on the local demo store, as the proxy route builds it, without a database. */
import path from "node:path";
import { buildChatContext } from "../../app/chat/context.server";
import { respond, type TurnOutput } from "../../app/chat/pipeline";
import type { DialogueState } from "../../app/chat/types";
import { createCommerce } from "../../app/commerce/store";
import { createDemoStore, loadDemoSnapshot, type DemoStore } from "../../demo/demo-store";
import { settingsFor, type EditableSettings, type ShopSettings } from "../../app/settings.server";
import { demoShopSettings } from "../../demo/demo-settings";

export const SNAPSHOT_PATH = path.resolve("demo", "demo-store.json");

export function demoSettings(store: DemoStore, overrides: Partial<EditableSettings> = {}): ShopSettings {
  return settingsFor(store.shopDomain, { ...demoShopSettings(store.snapshot), ...overrides });
}

/** What a context may share beyond one conversation: the verification stores, the outgoing mail. */
export type ContextExtras = Pick<Parameters<typeof buildChatContext>[0], "verification" | "mailer" | "commerce">;

export async function demoChatContext(
  store: DemoStore = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)),
  overrides: Partial<EditableSettings> = {},
  extras: Partial<ContextExtras> = {},
) {
  return buildChatContext({
    shop: store.shopDomain,
    commerce: extras.commerce ?? createCommerce(store.graphql),
    settings: demoSettings(store, overrides),
    now: store.now,
    verification: extras.verification,
    // No SMTP in tests: a test that needs mail passes a mailer that keeps what it sends.
    mailer: extras.mailer ?? null,
  });
}

/** A mailer that keeps every message instead of sending it. */
export function capturingMailer() {
  const sent: { to: string; subject: string; text: string }[] = [];
  return {
    sent,
    async send(message: { to: string; subject: string; text: string }) {
      sent.push(message);
    },
    /** The one-time code in the last message to `to`. */
    lastCode(to: string): string | undefined {
      return [...sent]
        .reverse()
        .find((m) => m.to === to)
        ?.text.match(/\b\d{6}\b/)?.[0];
    },
  };
}

/**
 * One conversation on a demo store (a fresh copy of the snapshot unless given): `say` answers a
 * message as the proxy route would and carries the dialogue state to the next one.
 */
export async function demoConversation(
  options: {
    customerId?: string | null;
    clientKey?: string | null;
    store?: DemoStore;
    overrides?: Partial<EditableSettings>;
  } & Partial<ContextExtras> = {},
) {
  const ctx = await demoChatContext(options.store, options.overrides, options);
  let state: DialogueState = {};
  return async (text: string): Promise<TurnOutput> => {
    const out = await respond(
      { text, state, shopper: { customerId: options.customerId ?? null, clientKey: options.clientKey ?? null } },
      ctx,
    );
    state = out.state;
    return out;
  };
}
