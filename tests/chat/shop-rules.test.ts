/**
 * Another shop's rules: the demo snapshot with its policies rewritten. The bot must state this
 * shop's window, timings and exclusions — and, where the shop wrote none, no one else's.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
let shops = 0;

/** A delivered order with a customer, and its delivery date. */
const delivered = snapshot.orders.find(
  (o: any) =>
    o.customerId &&
    o.fulfillments.length === 1 &&
    o.fulfillments[0].displayStatus === "DELIVERED" &&
    o.returns.length === 0 &&
    o.refunds.length === 0,
);

async function shopWith(refundPolicy: string | null, overrides: Record<string, unknown> = {}) {
  const copy = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  copy.shop.myshopifyDomain = `other-rules-${++shops}.myshopify.com`;
  if (refundPolicy === null) delete copy.policies.refundPolicy;
  else copy.policies.refundPolicy = { ...copy.policies.refundPolicy, body: refundPolicy };
  copy.policies.shippingPolicy.body = "We ship to the United States and Canada.";
  copy.faqs = [];
  // The shop's rules are the policy above: no page restates the demo shop's.
  copy.pages = [];
  const store = createDemoStore(copy);
  return demoConversation({
    customerId: delivered.customerId,
    store,
    overrides: { faqs: "[]", factOverrides: JSON.stringify(overrides) },
  });
}

const DEMO_RULES = [
  /30 days/i,
  /30-day/i,
  /5.10 business days/i,
  /1 business day/i,
  /Portland/i,
  /warehouse/i,
  /unworn/i,
];

describe("answers state this shop's rules, not the demo shop's", () => {
  it("counts a 14-day window from the order date when that is what the shop wrote", async () => {
    const say = await shopWith(
      "You can send items back within 14 days of your order date. Refunds reach your card in 3 to 5 business days.",
    );
    const item = delivered.lineItems[0].title;
    const out = await say(`I want to return the ${item} from order ${delivered.name}`);
    expect(out.text).toMatch(/14 days from the order date/);
    for (const rule of DEMO_RULES) expect(out.text).not.toMatch(rule);
  });

  it("says it can't tell, quoting nothing invented, when the shop has no return rule at all", async () => {
    const say = await shopWith(null);
    const out = await say(`can I return the ${delivered.lineItems[0].title} from order ${delivered.name}?`);
    expect(out.text).toMatch(/won't guess/);
    for (const rule of DEMO_RULES) expect(out.text).not.toMatch(rule);
  });

  it("uses the merchant's correction over the policy text", async () => {
    const say = await shopWith("Returns are accepted within 60 days of delivery.", {
      returnWindow: { days: 21, from: "delivery" },
    });
    const out = await say(`I want to return the ${delivered.lineItems[0].title} from order ${delivered.name}`);
    expect(out.text).toMatch(/21 days from delivery/);
    expect(out.text).not.toMatch(/60 days/);
  });
});
