/**
 * A shop's dispatch time in calendar days or weeks counts as calendar days; a shop whose dispatch
 * sentences give no time that can be read, or that has none, gets no dates (never "ships today").
 * The shops here are made up: the demo snapshot with its shipping policy's first paragraph rewritten.
 */
import { describe, expect, it } from "vitest";
import { analyzeTurn } from "../../app/chat/pipeline";
import { deliveryWindow, dispatchTime } from "../../app/chat/shop/delivery-dates";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const day = (d: Date) => d.toISOString().slice(0, 10);
const MONDAY_TO_FRIDAY_UTC = { timeZone: "UTC", workingDays: [1, 2, 3, 4, 5] as const };

describe("reading a dispatch time in calendar days or weeks", () => {
  it("reads days and weeks in en/es/fr as calendar days, 'within' as up to", () => {
    expect(dispatchTime(["Orders are dispatched within 3 days."])).toEqual({ min: 0, max: 3, unit: "days" });
    expect(dispatchTime(["Please allow 2 weeks before dispatch."])).toEqual({ min: 14, max: 14, unit: "days" });
    expect(dispatchTime(["Los pedidos se envían en un plazo de 5 a 7 días naturales."])).toEqual({
      min: 5,
      max: 7,
      unit: "days",
    });
    expect(dispatchTime(["Nous expédions sous 3 semaines."])).toEqual({ min: 0, max: 21, unit: "days" });
    expect(dispatchTime(["Orders leave within 4 calendar days."])).toEqual({ min: 0, max: 4, unit: "days" });
    // Business days stay business days; another time in the same sentence is not the dispatch time.
    expect(dispatchTime(["Orders leave within 2 business days, with beans roasted less than 10 days ago."])).toEqual({
      min: 0,
      max: 2,
      unit: "business_days",
    });
  });

  it("counts calendar dispatch days over the weekend, and sends nothing on a weekend day", () => {
    const friday = new Date("2031-03-07T15:00:00Z");
    const nextDay = { min: 1, max: 1, unit: "business_days" as const };
    const window = deliveryWindow(friday, MONDAY_TO_FRIDAY_UTC, { min: 0, max: 3, unit: "days" }, nextDay);
    expect(day(window.earliest)).toBe("2031-03-10"); // sent Friday, next business day Monday
    expect(day(window.latest)).toBe("2031-03-11"); // sent Monday (Fri + 3 days), arrives Tuesday
    // Two calendar days from Friday is Sunday: it leaves on Monday.
    const sunday = deliveryWindow(friday, MONDAY_TO_FRIDAY_UTC, { min: 2, max: 2, unit: "days" }, nextDay);
    expect(day(sunday.earliest)).toBe("2031-03-11");
  });
});

let shops = 0;
/** The demo shop with its processing paragraph (dispatch time and same-day cut-off) replaced. */
function shopWithProcessing(paragraph: string) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);
  // Its own domain: a shop's data is cached by domain.
  snapshot.shop.myshopifyDomain = `made-up-dispatch-${++shops}.myshopify.com`;
  const body = snapshot.policies.shippingPolicy!.body;
  snapshot.policies.shippingPolicy!.body = [paragraph, ...body.split("\n\n").slice(1)].filter(Boolean).join("\n\n");
  return createDemoStore(snapshot);
}

describe("dates for a shop whose dispatch time is not in business days", () => {
  it("adds a dispatch time in calendar days before the option's days", async () => {
    const say = await demoConversation({ store: shopWithProcessing("Orders are dispatched within 3 days.") });
    await say("how much is express shipping?");
    const when = await say("if I order today, when would it get here?");
    // Friday November 20: sent by Monday 23, express 1–2 business days after.
    expect(when.text).toMatch(/arrive between Monday, November 23 and Wednesday, November 25/);
  });

  it("adds weeks before dispatch", async () => {
    const say = await demoConversation({ store: shopWithProcessing("Please allow 2 weeks before dispatch.") });
    await say("how much is express shipping?");
    const when = await say("if I order today, when would it get here?");
    expect(when.text).toMatch(/arrive between Monday, December 7 and Tuesday, December 8/);
  });

  it("gives no dates when the dispatch sentence says no time it can count, and quotes it", async () => {
    const say = await demoConversation({
      store: shopWithProcessing("Every order leaves the same day it is packed."),
    });
    const when = await say("if I order today, when would express shipping get here?");
    expect(when.intent).toBe("shipping_options");
    expect(when.text).not.toMatch(/should arrive/);
    expect(when.text).toContain("Every order leaves the same day it is packed.");
    expect(when.text).toContain("1–2 business days after dispatch");
  });

  it("gives no dates when the shop doesn't say how soon it sends an order", async () => {
    const say = await demoConversation({ store: shopWithProcessing("") });
    const when = await say("if I order today, when would express shipping get here?");
    expect(when.text).not.toMatch(/should arrive/);
    expect(when.text).toMatch(/doesn't say how soon/);
    expect(when.text).toContain("1–2 business days after dispatch");
  });

  it("gives the model's delivery_dates tool no dates either", async () => {
    const ctx = await demoChatContext(shopWithProcessing(""));
    const turn = analyzeTurn(
      { text: "when would it arrive if I order today?", state: {}, shopper: { customerId: null } },
      ctx,
    ).turn;
    const dates = await runTool("delivery_dates", "{}", turn, emptyEffects());
    expect(dates).toMatchObject({ error: expect.stringMatching(/doesn't say how soon/) });
    const weeks = await demoChatContext(shopWithProcessing("Please allow 2 weeks before dispatch."));
    const later = analyzeTurn(
      { text: "when would it arrive if I order today?", state: {}, shopper: { customerId: null } },
      weeks,
    ).turn;
    expect(await runTool("delivery_dates", "{}", later, emptyEffects())).toContainEqual({
      option: "Express shipping",
      earliest: "2026-12-07",
      latest: "2026-12-08",
    });
  });
});
