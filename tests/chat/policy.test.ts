/**
 * The policy layer's verdicts on orders built for the case (pure functions, no shop), and two
 * things the local engine now gets right because of them, on the dev stores' snapshots.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Discount, LineItem, ListedDiscount, Order } from "../../app/commerce/types";
import {
  addressChangeVerdict,
  cancelVerdict,
  codeVerdict,
  handoffVerdict,
  lineReturnVerdict,
  offersVerdict,
  refundVerdict,
  returnVerdict,
  shopperFacingNote,
} from "../../app/chat/policy";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation } from "../helpers/chat-context";

const NOW = new Date("2026-03-20T12:00:00Z");
const WINDOW = { days: 30, from: "delivery" as const };

function line(id: string, overrides: Partial<LineItem> = {}): LineItem {
  return {
    id,
    title: `Item ${id}`,
    variantTitle: null,
    sku: null,
    quantity: 1,
    unfulfilledQuantity: 0,
    requiresShipping: true,
    isGiftCard: false,
    productId: null,
    variantId: null,
    originalUnitPrice: "10.00",
    ...overrides,
  };
}

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: "gid://shopify/Order/1",
    name: "#1",
    email: "a@example.com",
    customerId: null,
    createdAt: "2026-03-01T10:00:00Z",
    cancelledAt: null,
    cancelReason: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "UNFULFILLED",
    note: null,
    tags: [],
    currencyCode: "EUR",
    subtotalPrice: "20.00",
    totalShippingPrice: "0.00",
    totalTax: "0.00",
    totalPrice: "20.00",
    totalRefunded: "0.00",
    discountCodes: [],
    shippingLineTitle: "Standard",
    shippingAddress: {
      name: "A B",
      address1: "1 Road",
      address2: null,
      city: "Town",
      province: null,
      provinceCode: null,
      zip: "1000",
      country: null,
      countryCode: "FR",
    },
    lineItems: [line("L1", { unfulfilledQuantity: 1 }), line("L2", { unfulfilledQuantity: 1 })],
    fulfillments: [],
    fulfillmentOrders: [],
    refunds: [],
    returns: [],
    ...overrides,
  };
}

const delivered = (ids: string[], deliveredAt = "2026-03-05T10:00:00Z", quantity = 1) => ({
  id: "F1",
  status: "SUCCESS",
  displayStatus: "DELIVERED",
  createdAt: "2026-03-02T10:00:00Z",
  deliveredAt,
  estimatedDeliveryAt: null,
  inTransitAt: null,
  trackingInfo: [],
  events: [],
  lines: ids.map((id) => ({
    fulfillmentLineItemId: `FL-${id}`,
    lineItemId: id,
    title: `Item ${id}`,
    variantTitle: null,
    quantity,
  })),
});

describe("cancel and address verdicts", () => {
  it("an unshipped order can be cancelled, saying whether it is on hold or its payment is pending", () => {
    expect(cancelVerdict(order(), { botMayCancel: false, namedLineItemIds: [] })).toEqual({
      kind: "cancellable",
      by: "team",
      onHold: false,
      paymentPending: false,
    });
    expect(
      cancelVerdict(order({ displayFulfillmentStatus: "ON_HOLD", displayFinancialStatus: "AUTHORIZED" }), {
        botMayCancel: true,
        namedLineItemIds: [],
      }),
    ).toEqual({ kind: "cancellable", by: "bot", onHold: true, paymentPending: true });
  });

  it("once part of it shipped, only named items still waiting can be cancelled", () => {
    const partly = order({
      fulfillments: [delivered(["L1"])],
      lineItems: [line("L1"), line("L2", { unfulfilledQuantity: 1 })],
    });
    expect(cancelVerdict(partly, { botMayCancel: true, namedLineItemIds: ["L2"] })).toEqual({
      kind: "partly_cancellable",
      by: "team",
      lineItemIds: ["L2"],
    });
    expect(cancelVerdict(partly, { botMayCancel: true, namedLineItemIds: ["L1"] })).toEqual({
      kind: "not_cancellable",
      reason: "shipped",
    });
    expect(
      cancelVerdict(order({ cancelledAt: "2026-03-02T00:00:00Z" }), { botMayCancel: true, namedLineItemIds: [] }),
    ).toEqual({ kind: "not_cancellable", reason: "already_cancelled" });
  });

  it("no address to change on an order to collect or with nothing to ship", () => {
    const pickup = order({
      shippingAddress: null,
      shippingLineTitle: "Pickup at the shop",
      fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "PICK_UP", holdReasons: [] }],
    });
    expect(addressChangeVerdict(pickup, { botMayChange: true })).toEqual({
      kind: "not_changeable",
      reason: "pickup",
      method: "Pickup at the shop",
    });
    const digital = order({
      shippingAddress: null,
      lineItems: [line("L1", { requiresShipping: false, unfulfilledQuantity: 1 })],
    });
    expect(addressChangeVerdict(digital, { botMayChange: true })).toEqual({
      kind: "not_changeable",
      reason: "nothing_to_ship",
    });
    expect(addressChangeVerdict(order(), { botMayChange: true })).toMatchObject({ kind: "changeable", by: "bot" });
  });
});

describe("per-item return verdicts", () => {
  const shipped = order({
    displayFulfillmentStatus: "FULFILLED",
    lineItems: [line("L1"), line("L2")],
    fulfillments: [delivered(["L1", "L2"])],
  });
  const rules = { window: WINDOW, now: NOW };

  it("within the window, returnable for the quantity not already in a return", () => {
    expect(lineReturnVerdict(shipped, shipped.lineItems[0], { ...rules, finalSale: false })).toEqual({
      kind: "returnable",
      quantity: 1,
      windowStart: "2026-03-05T10:00:00Z",
      // The whole 30th day after delivery counts (on the UTC calendar unless the shop's zone is given).
      until: "2026-04-04T23:59:59.999Z",
    });
    const inReturn = {
      ...shipped,
      returns: [
        {
          id: "R",
          name: "#1-R1",
          status: "CLOSED",
          createdAt: "",
          closedAt: null,
          decline: null,
          lines: [{ lineItemId: "L1", title: "Item L1", quantity: 1 }],
        },
      ],
    };
    expect(lineReturnVerdict(inReturn, shipped.lineItems[0], { ...rules, finalSale: false })).toEqual({
      kind: "not_returnable",
      reason: "already_returned",
      returnName: "#1-R1",
    });
    // A declined return gives the item back its chance.
    const declined = { ...inReturn, returns: [{ ...inReturn.returns[0], status: "DECLINED" }] };
    expect(lineReturnVerdict(declined, shipped.lineItems[0], { ...rules, finalSale: false }).kind).toBe("returnable");
  });

  it("final sale, unknown window, not delivered and closed window are each their own reason", () => {
    expect(lineReturnVerdict(shipped, shipped.lineItems[0], { ...rules, finalSale: true })).toEqual({
      kind: "not_returnable",
      reason: "final_sale",
    });
    expect(lineReturnVerdict(shipped, shipped.lineItems[0], { window: undefined, now: NOW, finalSale: false })).toEqual(
      { kind: "not_returnable", reason: "window_unknown" },
    );
    expect(lineReturnVerdict(order(), order().lineItems[0], { ...rules, finalSale: false })).toEqual({
      kind: "not_returnable",
      reason: "not_delivered",
    });
    expect(
      lineReturnVerdict(shipped, shipped.lineItems[0], {
        ...rules,
        now: new Date("2026-05-01T00:00:00Z"),
        finalSale: false,
      }),
    ).toMatchObject({ kind: "not_returnable", reason: "window_closed" });
  });

  it("counts the window's days on the shop's calendar: its last day runs to midnight in the shop's time zone", () => {
    // Placed at 00:40 in Paris on Nov 6 (still Nov 5 in UTC); 14 days from the order end with Nov 20 there.
    const placed = order({
      createdAt: "2026-11-05T23:40:00Z",
      displayFulfillmentStatus: "FULFILLED",
      lineItems: [line("L1")],
      fulfillments: [delivered(["L1"], "2026-11-13T16:45:00Z")],
    });
    const fromOrder = { window: { days: 14, from: "order" as const }, finalSale: false, timeZone: "Europe/Paris" };
    expect(
      lineReturnVerdict(placed, placed.lineItems[0], { ...fromOrder, now: new Date("2026-11-20T12:00:00Z") }),
    ).toMatchObject({ kind: "returnable", until: "2026-11-20T22:59:59.999Z" });
    expect(
      lineReturnVerdict(placed, placed.lineItems[0], { ...fromOrder, now: new Date("2026-11-20T23:30:00Z") }),
    ).toMatchObject({ kind: "not_returnable", reason: "window_closed" });
  });

  it("proposes nothing while a return is open", () => {
    const open = {
      ...shipped,
      returns: [
        {
          id: "R",
          name: "#1-R1",
          status: "REQUESTED",
          createdAt: "",
          closedAt: null,
          decline: null,
          lines: [{ lineItemId: "L1", title: "Item L1", quantity: 1 }],
        },
      ],
    };
    const verdict = returnVerdict(open, open.lineItems, {
      ...rules,
      isFinalSale: () => false,
      isExcludedKind: () => false,
    });
    expect(verdict.openReturn).toEqual({ name: "#1-R1", status: "REQUESTED" });
    expect(verdict.proposable).toEqual([]);
    expect(
      returnVerdict(shipped, shipped.lineItems, {
        ...rules,
        isFinalSale: (l) => l.id === "L2",
        isExcludedKind: () => false,
      }).proposable,
    ).toEqual(["L1"]);
  });

  it("a returnable line of a kind the shop's exclusions name goes to the team for review", () => {
    const verdict = returnVerdict(shipped, shipped.lineItems, {
      ...rules,
      isFinalSale: () => false,
      isExcludedKind: (l) => l.id === "L1",
    });
    expect(verdict.proposable).toContain("L1");
    expect(verdict.teamReview).toEqual(["L1"]);
  });
});

describe("refunds, codes, notes and hand-off", () => {
  it("a refund short of the total is partial; none at all is nothing yet", () => {
    expect(
      refundVerdict(
        order({ refunds: [{ id: "r", createdAt: "2026-03-06T00:00:00Z", note: null, totalRefunded: "5.00" }] }),
      ).kind,
    ).toBe("partly_refunded");
    expect(
      refundVerdict(
        order({ refunds: [{ id: "r", createdAt: "2026-03-06T00:00:00Z", note: null, totalRefunded: "20.00" }] }),
      ).kind,
    ).toBe("refunded");
    expect(refundVerdict(order()).kind).toBe("nothing_yet");
  });

  it("a code is usable only when active and not used up", () => {
    const code: Discount = {
      id: "d",
      code: "SAVE",
      title: "Save",
      status: "ACTIVE",
      startsAt: null,
      endsAt: null,
      summary: "10% off",
      usageLimit: 5,
      usageCount: 4,
      minimumSubtotal: null,
      minimumQuantity: null,
    } as Discount;
    expect(codeVerdict(code).kind).toBe("usable");
    expect(codeVerdict({ ...code, usageCount: 5 })).toEqual({ kind: "used_up" });
    expect(codeVerdict({ ...code, status: "SCHEDULED", startsAt: "2026-04-01T00:00:00Z" })).toEqual({
      kind: "not_started",
      startsAt: "2026-04-01T00:00:00Z",
    });
    expect(codeVerdict(null)).toEqual({ kind: "unknown" });
  });

  it("an offer for everyone that Shopify has scheduled is announced by its start only, never its code; one for chosen customers not at all", async () => {
    const listed = (overrides: Partial<ListedDiscount>): ListedDiscount => ({
      id: "d",
      code: "LATER",
      title: "Later: 40% off",
      status: "SCHEDULED",
      startsAt: "2026-04-01T00:00:00Z",
      endsAt: null,
      summary: "40% off",
      forEveryone: true,
      ...overrides,
    });
    const list = [
      listed({}),
      listed({ code: "STAFF", startsAt: "2026-03-25T00:00:00Z" }),
      listed({ code: "VIP", startsAt: "2026-03-26T00:00:00Z", forEveryone: false }),
      listed({ code: null, status: "ACTIVE", title: "Spring", summary: "5% off mugs", endsAt: "2026-03-31T00:00:00Z" }),
      listed({ code: "RUNNING", status: "ACTIVE" }),
    ];
    const lookups: string[] = [];
    const lookup = async (code: string) => (lookups.push(code), null);
    const { verdict, checked } = await offersVerdict(["staff"], ["STAFF", "NOPE"], lookup, async () => list);
    expect(verdict).toEqual({
      codes: [],
      automatic: [{ title: "Spring", summary: "5% off mugs", endsAt: "2026-03-31T00:00:00Z" }],
      upcoming: [{ startsAt: "2026-03-25T00:00:00Z" }, { startsAt: "2026-04-01T00:00:00Z" }],
      listFailed: false,
    });
    expect(JSON.stringify(verdict)).not.toMatch(/LATER|STAFF|VIP|40%|RUNNING/);
    expect(lookups).toEqual(["NOPE"]);
    expect(checked.map((c) => c.verdict.kind)).toEqual(["undisclosed", "unknown"]);
  });

  it("when the discount list can't be read, the public codes still stand and nothing else is said", async () => {
    const active: Discount = {
      id: "d",
      code: "SAVE",
      title: "Save",
      status: "ACTIVE",
      startsAt: null,
      endsAt: null,
      summary: "10% off",
      usageLimit: null,
      usageCount: 0,
      appliesOncePerCustomer: false,
      minimumSubtotal: null,
      minimumQuantity: null,
    };
    const { verdict } = await offersVerdict(
      [],
      ["SAVE"],
      async () => active,
      async () => {
        throw new Error("no access");
      },
    );
    expect(verdict.codes.map((c) => c.code)).toEqual(["SAVE"]);
    expect(verdict).toMatchObject({ automatic: [], upcoming: [], listFailed: true });
  });

  it("only marked note lines, or sentences of a fact the shopper is owed, are shareable", () => {
    expect(shopperFacingNote("Fraud check.\n[shareable] Ships Monday.")).toBe("Ships Monday.");
    expect(shopperFacingNote("Ships Monday.")).toBeNull();
  });

  it("the reply address is one the shopper gave or their own; a guest without one is asked", () => {
    expect(handoffVerdict({ loggedIn: false, typedEmails: [] })).toEqual({ kind: "ask_contact_email" });
    expect(handoffVerdict({ loggedIn: false, typedEmails: [], proposedEmail: "x@evil.example" })).toEqual({
      kind: "ask_contact_email",
    });
    expect(
      handoffVerdict({
        loggedIn: true,
        typedEmails: [],
        proposedEmail: "Me@Example.com",
        ownEmails: ["me@example.com"],
      }),
    ).toEqual({ kind: "hand_off", contactEmail: "Me@Example.com" });
    expect(handoffVerdict({ loggedIn: false, typedEmails: [undefined, "typed@example.com"] })).toEqual({
      kind: "hand_off",
      contactEmail: "typed@example.com",
    });
  });
});

describe("the local engine, through these verdicts", () => {
  const file = path.resolve("demo", "stores", "maison-coquelicot.json");
  const snapshot = loadDemoSnapshot(file) as any;

  it("doesn't call an item returnable that is already in a pending return", async () => {
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.returns.some((r: any) => r.status === "REQUESTED"),
    );
    const returned = order.returns.find((r: any) => r.status === "REQUESTED");
    const say = await demoConversation({
      customerId: order.customerId,
      store: createDemoStore(loadDemoSnapshot(file)),
    });
    const reply = await say(`I want to return the ${returned.items[0].title} from order ${order.name}`);
    expect(reply.text).toContain(returned.name);
    expect(reply.text).not.toMatch(/can be returned until/);
    expect(reply.state.pendingAction).toBeUndefined();
  });

  it("doesn't offer to change the delivery address of an order to collect", async () => {
    const order = snapshot.orders.find(
      (o: any) => o.email && !o.shippingAddress && !o.cancelledAt && o.fulfillments.length === 0,
    );
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(file)) });
    const reply = await say(
      `please change the shipping address of order ${order.name} to 12 Main Street, Springfield, my email is ${order.email}`,
    );
    expect(reply.text).toContain(order.shippingLine.title);
    expect(reply.state.pendingAction).toBeUndefined();
  });
});
