/**
 * When a parcel counts as late enough for a carrier trace is the shop's rule: read from its
 * shipping texts or set in Store facts, with a documented default only when neither says.
 */
import { describe, expect, it } from "vitest";
import { shopFacts, TRACE_AFTER_DEFAULT } from "../../app/chat/shop/facts";
import type { ShopPolicy } from "../../app/commerce/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";
import { orderPastItsEstimate } from "../helpers/dev-store-orders";

const policy = (type: string, body: string): ShopPolicy => ({ type, title: type, body, url: "" });

describe("the late-parcel rule, read from the shop's texts", () => {
  it.each([
    ["If your tracking hasn't changed for 8 business days, write to us and we'll open a trace.", 8, "business_days"],
    ["Si tu guía no se actualiza en 6 días hábiles, escríbenos y abrimos una investigación.", 6, "business_days"],
    ["Colis en retard : au-delà de 10 jours après la date prévue, nous ouvrons une enquête.", 10, "days"],
  ])("%s", (sentence, days, unit) => {
    const facts = shopFacts({ policies: [policy("SHIPPING_POLICY", sentence)], faqs: [] });
    expect(facts.traceAfter?.value).toEqual({ min: days, max: days, unit });
    expect(facts.traceAfter?.source.sentence).toContain(String(days));
  });

  it("doesn't take a late refund or a delivery time for it", () => {
    const facts = shopFacts({
      policies: [
        policy("REFUND_POLICY", "If your refund hasn't appeared after 10 business days, contact your bank."),
        policy("SHIPPING_POLICY", "Parcels arrive in 3–5 business days."),
      ],
      faqs: [],
    });
    expect(facts.traceAfter).toBeNull();
  });

  it("has a documented default of a few business days for when nothing says", () => {
    expect(TRACE_AFTER_DEFAULT.unit).toBe("business_days");
    expect(TRACE_AFTER_DEFAULT.min).toBeGreaterThan(0);
  });
});

describe("the late-parcel line follows the shop's rule", () => {
  // An in-transit parcel some business days past its estimated delivery.
  const { order } = orderPastItsEstimate(loadDemoSnapshot(SNAPSHOT_PATH));

  async function statusWith(traceAfter: unknown) {
    const say = await demoConversation({
      customerId: order.customerId,
      store: createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)),
      overrides: { factOverrides: JSON.stringify({ traceAfter }) },
    });
    return say(`Where is my order ${order.name}? It's still not here.`);
  }

  it("a shop that traces after 15 business days doesn't call the parcel late yet", async () => {
    const out = await statusWith({ min: 15, max: 15, unit: "business_days" });
    expect(out.intent).toBe("track_order");
    expect(out.text).not.toMatch(/business days past/);
    expect(out.state.offer).toBeUndefined();
  });

  it("a shop that traces after a week offers the trace", async () => {
    const out = await statusWith({ min: 1, max: 1, unit: "weeks" });
    expect(out.text).toMatch(/business days past/);
    expect(out.state.offer).toMatchObject({ kind: "trace" });
  });

  it("with the rule cleared, the documented default decides", async () => {
    const out = await statusWith(null);
    expect(out.text).toMatch(/business days past/);
  });
});

describe("'what now?' about a parcel not yet late enough for a trace", () => {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const { order } = orderPastItsEstimate(snapshot);

  it("quotes the shop's own rule on delays, then the status", async () => {
    const say = await demoConversation({
      customerId: order.customerId,
      store: createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)),
      overrides: { factOverrides: JSON.stringify({ traceAfter: { min: 15, max: 15, unit: "business_days" } }) },
    });
    await say(`Where is my order ${order.name}?`);
    const out = await say("still nothing, what now?");
    expect(out.intent).toBe("track_order");
    // The shop's sentence, quoted from its shipping policy.
    const rule = /if your tracking hasn't updated for [^,]+/.exec(snapshot.policies.shippingPolicy.body)![0];
    expect(out.text.toLowerCase()).toContain(rule.toLowerCase());
    expect(out.text).toContain(order.name);
  });
});
