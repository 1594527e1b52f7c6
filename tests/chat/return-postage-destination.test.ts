/**
 * "Who pays for the return shipping?" asked about the shopper's own order: a shop whose refund policy
 * has a rule per destination ("a free prepaid label for orders shipped to a US address"; "for orders
 * shipped to Canada, return postage is paid by the customer") answers with the rule for where that
 * order went, not every destination's. With no order in focus, every rule still stands.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(devStorePath("northwind"));

/** A delivered order of a signed-in customer, shipped to `country`. */
function deliveredOrderTo(country: string): any {
  return snapshot.orders.find(
    (o: any) =>
      o.customerId &&
      !o.cancelledAt &&
      o.returns.length === 0 &&
      o.shippingAddress?.countryCodeV2 === country &&
      o.fulfillments.some((f: any) => f.deliveredAt),
  );
}

async function customerOf(order: any) {
  return demoConversation({
    customerId: order.customerId,
    store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))),
  });
}

describe("who pays a return's postage, for the order in focus", () => {
  it("quotes the rule for an order shipped inside the US, not Canada's", async () => {
    const order = deliveredOrderTo("US");
    const say = await customerOf(order);
    await say(`I'd like to send back the ${order.lineItems[0].title} from ${order.name}`);
    const out = await say("who pays for the return shipping?");
    expect(out.text).toMatch(/prepaid/);
    expect(out.text).not.toMatch(/paid by the customer/);
  });

  it("quotes the rule for an order shipped to Canada, not the US label", async () => {
    const order = deliveredOrderTo("CA");
    const say = await customerOf(order);
    await say(`I'd like to send back the ${order.lineItems[0].title} from ${order.name}`);
    const out = await say("who pays for the return shipping?");
    expect(out.text).toMatch(/paid by the customer/);
    expect(out.text).not.toMatch(/prepaid return label for orders shipped to a US address/);
  });

  it("states every destination's rule when no order is in focus", async () => {
    const say = await demoConversation({});
    const out = await say("who pays for the return shipping?");
    expect(out.text).toMatch(/prepaid/);
    expect(out.text).toMatch(/Canada/);
  });
});
