import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";

configureTestApp("store-facts");
const { default: db } = await import("../../app/db.server");
const { changeFact, storeFactsView } = await import("../../app/admin/facts.server");

const policies = [
  {
    type: "REFUND_POLICY",
    title: "Refund Policy",
    url: "",
    body: "Returns are accepted within 45 days of delivery. Refunds take 3–5 business days to show on your statement.",
  },
];
const commerce = { shopInfo: async () => ({ policies }) as any };
const row = async (shop: string, key: string) => (await storeFactsView(db, shop, commerce)).find((f) => f.key === key)!;

describe("Store facts", () => {
  it("lists what the bot read, with the sentence it came from, and what it could not find", async () => {
    const shop = "facts-a.myshopify.com";
    const window = await row(shop, "returnWindow");
    expect(window).toMatchObject({ status: "read", statement: "45 days from delivery" });
    expect(window.readFrom?.sentence).toBe("Returns are accepted within 45 days of delivery.");
    expect(await row(shop, "handlingTime")).toMatchObject({ status: "unknown", statement: null, fallback: null });
  });

  it("shows the documented default the bot goes by when nothing says when a parcel is late", async () => {
    const shop = "facts-e.myshopify.com";
    expect(await row(shop, "traceAfter")).toMatchObject({
      status: "unknown",
      statement: null,
      fallback: "5 business days",
    });
    await changeFact(db, shop, { key: "traceAfter", action: "set", fields: { min: "8", max: "8", unit: "days" } });
    expect(await row(shop, "traceAfter")).toMatchObject({ status: "merchant", statement: "8 days" });
  });

  it("shows the week the bot assumes when nothing says, and takes the merchant's days", async () => {
    const shop = "facts-f.myshopify.com";
    expect(await row(shop, "workingDays")).toMatchObject({
      status: "unknown",
      statement: null,
      fallback: "Monday to Friday",
      value: [1, 2, 3, 4, 5],
    });
    expect(
      await changeFact(db, shop, { key: "workingDays", action: "set", fields: { weekdays: "0,4,1,2,3" } }),
    ).toEqual({
      ok: true,
    });
    expect(await row(shop, "workingDays")).toMatchObject({
      status: "merchant",
      statement: "Sunday to Thursday",
      value: [0, 1, 2, 3, 4],
    });
    expect(await changeFact(db, shop, { key: "workingDays", action: "set", fields: { weekdays: "" } })).toEqual({
      ok: false,
      errors: { weekdays: "Pick at least one day" },
    });
    expect(await row(shop, "workingDays")).toMatchObject({ statement: "Sunday to Thursday" });
  });

  it("reads a shop's week from its shipping policy, with the sentence", async () => {
    const shipping = {
      type: "SHIPPING_POLICY",
      title: "Shipping Policy",
      url: "",
      body: "Orders ship within 2 business days, Monday to Saturday.",
    };
    const withShipping = { shopInfo: async () => ({ policies: [...policies, shipping] }) as any };
    const week = (await storeFactsView(db, "facts-g.myshopify.com", withShipping)).find(
      (f) => f.key === "workingDays",
    )!;
    expect(week).toMatchObject({ status: "read", statement: "Monday to Saturday" });
    expect(week.readFrom?.sentence).toBe(shipping.body);
  });

  it("takes the merchant's correction, a cleared fact and a reset, per shop", async () => {
    const shop = "facts-b.myshopify.com";
    expect(
      await changeFact(db, shop, { key: "returnWindow", action: "set", fields: { days: "20", from: "order" } }),
    ).toEqual({ ok: true });
    expect(await row(shop, "returnWindow")).toMatchObject({
      status: "merchant",
      statement: "20 days from the order date",
    });
    expect(await row("facts-c.myshopify.com", "returnWindow")).toMatchObject({
      status: "read",
      statement: "45 days from delivery",
    });
    await changeFact(db, shop, { key: "refundTiming", action: "clear", fields: {} });
    expect(await row(shop, "refundTiming")).toMatchObject({ status: "cleared", statement: null });
    await changeFact(db, shop, { key: "refundTiming", action: "reset", fields: {} });
    expect(await row(shop, "refundTiming")).toMatchObject({ status: "read", statement: "3–5 business days" });
  });

  it("refuses a value it can't use with a message in plain words, and keeps what was there", async () => {
    const shop = "facts-d.myshopify.com";
    const result = await changeFact(db, shop, {
      key: "handlingTime",
      action: "set",
      fields: { min: "3", max: "1", unit: "days" },
    });
    expect(result).toEqual({ ok: false, errors: { max: "The longest time can't be shorter than the shortest" } });
    const notNumber = await changeFact(db, shop, {
      key: "returnWindow",
      action: "set",
      fields: { days: "soon", from: "delivery" },
    });
    expect(notNumber.ok).toBe(false);
    expect(await row(shop, "returnWindow")).toMatchObject({ status: "read" });
  });
});
