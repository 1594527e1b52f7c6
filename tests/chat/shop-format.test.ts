/** Another shop's order names and time zone: read from its Admin API fields, not assumed. */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { createCommerce } from "../../app/commerce/store";
import { formatDate } from "../../app/chat/format";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

function prefixedShop(prefix: string, suffix = "") {
  const copy = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  copy.shop.myshopifyDomain = `prefixed-${prefix.replace(/\W/g, "") || "none"}-${suffix.replace(/\W/g, "")}.myshopify.com`;
  Object.assign(copy.shop, { orderNumberFormatPrefix: prefix, orderNumberFormatSuffix: suffix });
  for (const order of copy.orders) order.name = `${prefix}${order.name.replace(/^#/, "")}${suffix}`;
  return { copy, store: createDemoStore(copy) };
}

describe("the shop's order-name format", () => {
  it("finds an order named with the shop's prefix, written as the shop writes it or as bare digits", async () => {
    const { copy, store } = prefixedShop("NW-");
    const order = copy.orders.find((o: any) => !o.customerId && o.fulfillments.length > 0);
    const number = order.name.replace(/\D/g, "");
    for (const written of [order.name, order.name.toLowerCase(), number]) {
      const say = await demoConversation({ store });
      const out = await say(`where is my order ${written}? my email is ${order.email}`);
      expect(out.lookups[0]).toMatchObject({ kind: "order", outcome: "verified via email" });
      expect(out.text).toContain(order.name);
      expect(out.text).not.toContain(`#${number}`);
    }
    expect(await createCommerce(store.graphql).findOrderByNumber(`#${number}`)).toMatchObject({ name: order.name });
  });

  it("never takes the shop's order name for a discount code", async () => {
    const { copy, store } = prefixedShop("NW-");
    const order = copy.orders.find((o: any) => !o.customerId && o.fulfillments.length > 0);
    const say = await demoConversation({ store });
    const out = await say(`Pouvez-vous me dire où en est la commande ${order.name} ?`);
    expect(out.intent).not.toBe("discount_code");
    expect(out.entities.order_number).toBe(order.name.replace(/\D/g, ""));
    expect(out.text).not.toMatch(/code/i);
  });

  it("names an order with a suffix when asking for the email", async () => {
    const { copy, store } = prefixedShop("", "-W");
    const order = copy.orders.find((o: any) => !o.customerId);
    const say = await demoConversation({ store });
    const out = await say(`status of ${order.name} please`);
    expect(out.entities.order_number).toBe(order.name.replace(/\D/g, ""));
    expect(out.text).toContain(order.name);
  });
});

describe("dates on the shop's calendar", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  it("counts today and tomorrow by the shop's day, not UTC's", () => {
    // 12:00 UTC on the 20th is already the 21st in Auckland; 23:30 UTC is still the 21st there.
    expect(formatDate("2026-11-20T23:30:00Z", now, "en", "Pacific/Auckland")).toBe("today (Saturday, November 21)");
    expect(formatDate("2026-11-21T12:00:00Z", now, "en", "Pacific/Auckland")).toBe("tomorrow (Sunday, November 22)");
    expect(formatDate("2026-11-20T23:30:00Z", now, "en", "UTC")).toBe("today (Friday, November 20)");
  });

  it("shows a discount that ends at midnight Pacific on the Pacific day, not the next UTC day", () => {
    expect(formatDate("2026-11-30T07:59:59Z", now, "en", "America/Los_Angeles")).toBe("Sunday, November 29");
  });
});
