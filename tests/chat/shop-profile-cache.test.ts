/**
 * The shop profile a message's context carries is built once per shop data and settings, so what
 * is computed from it and kept per profile (the facts read from the shop's texts) is not computed
 * again for every message; a change of any setting builds a new one.
 */
import { describe, expect, it } from "vitest";
import { buildChatContext } from "../../app/chat/context.server";
import { factsFor } from "../../app/chat/shop/facts";
import { createCommerce } from "../../app/commerce/store";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoSettings, SNAPSHOT_PATH } from "../helpers/chat-context";
import type { ShopSettings } from "../../app/settings.server";

function demoShop(domain: string) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);
  snapshot.shop.myshopifyDomain = domain;
  return createDemoStore(snapshot);
}

const context = (store: ReturnType<typeof demoShop>, settings: ShopSettings) =>
  buildChatContext({
    shop: store.shopDomain,
    commerce: createCommerce(store.graphql),
    settings,
    now: store.now,
    mailer: null,
  });

describe("the shop profile of a message's context", () => {
  it("is the same object for every message while the shop's data and settings are the same", async () => {
    const store = demoShop("profile-cache-same.myshopify.com");
    const settings = demoSettings(store);
    const first = await context(store, settings);
    const second = await context(store, settings);
    expect(second.shop).toBe(first.shop);
    // So the shop's facts are read from its texts once, not once per message.
    expect(factsFor(second.shop)).toBe(factsFor(first.shop));
  });

  it("is reused for settings read again with the same values (the settings cache reloads them)", async () => {
    const store = demoShop("profile-cache-reload.myshopify.com");
    const settings = demoSettings(store);
    const first = await context(store, settings);
    expect((await context(store, { ...settings })).shop).toBe(first.shop);
  });

  it("is built again when a setting changes, in a new object or in the same one", async () => {
    const store = demoShop("profile-cache-change.myshopify.com");
    const settings = demoSettings(store);
    const first = await context(store, settings);
    const renamed = await context(store, { ...settings, botName: `${first.shop.botName} the second` });
    expect(renamed.shop).not.toBe(first.shop);
    expect(renamed.shop.botName).toBe(`${first.shop.botName} the second`);

    settings.faqs = JSON.stringify([{ question: "Can I pay later?", answer: "Yes, in three parts." }]);
    const edited = await context(store, settings);
    expect(edited.shop).not.toBe(first.shop);
    expect(edited.shop.faqs).toEqual([{ question: "Can I pay later?", answer: "Yes, in three parts." }]);
    expect(factsFor(edited.shop)).not.toBe(factsFor(first.shop));
  });
});
