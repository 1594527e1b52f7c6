/**
 * The rules behind order answers that aren't parcels on their way: fulfillment holds, store
 * pickup, items sent by email, return requests, and the shop's own sentences on failed
 * deliveries and return postage. Pure functions first, then answers on edited demo snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import type { Fulfillment, LineItem, Order } from "../../app/commerce/types";
import { formatMoney } from "../../app/chat/format";
import type { Passage } from "../../app/chat/knowledge";
import { statedFacts } from "../../app/chat/change-proof";
import { fulfillmentHold } from "../../app/chat/policy/fulfillment-holds";
import { isEmailedFulfillment } from "../../app/chat/policy/digital-delivery";
import { isPickupOrder, pickupReadiness, pickupStage } from "../../app/chat/policy/pickup";
import { returnReviewTime, returnStage } from "../../app/chat/policy/return-requests";
import {
  exchangeRule,
  failedDeliveryRule,
  paymentConfirmationRule,
  returnPostageRule,
} from "../../app/chat/policy/shop-sentences";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

function line(id: string, requiresShipping = true): LineItem {
  return {
    id,
    title: `Item ${id}`,
    variantTitle: null,
    sku: null,
    quantity: 1,
    unfulfilledQuantity: 0,
    productId: null,
    variantId: null,
    originalUnitPrice: "10.00",
    requiresShipping,
    isGiftCard: !requiresShipping,
  };
}

function fulfillment(lineIds: string[], extra: Partial<Fulfillment> = {}): Fulfillment {
  return {
    id: `f-${lineIds.join("-")}`,
    status: "SUCCESS",
    displayStatus: "FULFILLED",
    createdAt: "2026-11-18T10:00:00Z",
    deliveredAt: null,
    estimatedDeliveryAt: null,
    inTransitAt: null,
    trackingInfo: [],
    events: [],
    lines: lineIds.map((id) => ({
      fulfillmentLineItemId: `fl-${id}`,
      lineItemId: id,
      title: `Item ${id}`,
      variantTitle: null,
      quantity: 1,
    })),
    ...extra,
  };
}

function order(extra: Partial<Order> = {}): Order {
  return {
    id: "o1",
    name: "#1",
    email: "a@example.com",
    customerId: null,
    createdAt: "2026-11-17T10:00:00Z",
    cancelledAt: null,
    cancelReason: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "UNFULFILLED",
    note: null,
    tags: [],
    currencyCode: "USD",
    subtotalPrice: "10.00",
    totalShippingPrice: "0.00",
    totalTax: "0.00",
    totalPrice: "10.00",
    totalRefunded: "0.00",
    discountCodes: [],
    shippingLineTitle: null,
    shippingAddress: null,
    lineItems: [line("a")],
    fulfillments: [],
    fulfillmentOrders: [],
    refunds: [],
    returns: [],
    ...extra,
  };
}

let nextId = 0;
function passage(text: string, extra: Partial<Passage> = {}): Passage {
  return {
    id: ++nextId,
    kind: "policy",
    sourceKey: "REFUND_POLICY",
    sourceTitle: "Refund policy",
    language: "en",
    url: null,
    section: "",
    text,
    quote: text,
    order: nextId,
    hasMoney: false,
    hasDuration: true,
    hasOffer: false,
    hasWeekday: false,
    ...extra,
  } as Passage;
}

describe("fulfillment holds", () => {
  it("names the reason Shopify holds the order for, the shopper's part first", () => {
    const held = order({
      displayFulfillmentStatus: "ON_HOLD",
      fulfillmentOrders: [
        { status: "ON_HOLD", deliveryMethod: "SHIPPING", holdReasons: ["OTHER", "HIGH_RISK_OF_FRAUD"] },
      ],
    });
    expect(fulfillmentHold(held)).toEqual({ held: true, reason: "verification" });
    const payment = order({
      fulfillmentOrders: [{ status: "ON_HOLD", deliveryMethod: "SHIPPING", holdReasons: ["AWAITING_PAYMENT"] }],
    });
    expect(fulfillmentHold(payment)?.reason).toBe("payment");
  });

  it("holds an order whose payment is still pending until it arrives", () => {
    expect(fulfillmentHold(order({ displayFinancialStatus: "PENDING" }))?.reason).toBe("payment");
    expect(fulfillmentHold(order({ displayFinancialStatus: "PAID" }))).toBeNull();
  });

  it("is no hold for an open or a cancelled order", () => {
    expect(
      fulfillmentHold(order({ fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "SHIPPING", holdReasons: [] }] })),
    ).toBeNull();
    expect(
      fulfillmentHold(order({ cancelledAt: "2026-11-18T00:00:00Z", displayFulfillmentStatus: "ON_HOLD" })),
    ).toBeNull();
  });
});

describe("items sent by email", () => {
  it("is a fulfillment of lines that need no shipping and carry no tracking", () => {
    const o = order({ lineItems: [line("card", false), line("candle")] });
    expect(isEmailedFulfillment(o, fulfillment(["card"]))).toBe(true);
    expect(isEmailedFulfillment(o, fulfillment(["card", "candle"]))).toBe(false);
    expect(
      isEmailedFulfillment(o, fulfillment(["card"], { trackingInfo: [{ company: "UPS", number: "1Z", url: null }] })),
    ).toBe(false);
  });
});

describe("store pickup", () => {
  it("follows a pickup order from preparation to collection", () => {
    const pickup = order({ fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "PICK_UP", holdReasons: [] }] });
    expect(pickupStage(pickup)).toEqual({ stage: "preparing" });
    const ready = {
      ...pickup,
      fulfillments: [fulfillment(["a"], { status: "OPEN", displayStatus: "READY_FOR_PICKUP" })],
    };
    expect(pickupStage(ready)).toEqual({ stage: "ready", since: "2026-11-18T10:00:00Z" });
    const collected = {
      ...pickup,
      fulfillments: [fulfillment(["a"], { displayStatus: "PICKED_UP", deliveredAt: "2026-11-19T15:00:00Z" })],
    };
    expect(pickupStage(collected)).toEqual({ stage: "collected", at: "2026-11-19T15:00:00Z" });
  });

  it("doesn't take a carrier's pickup point for the shop", () => {
    const relay = order({
      fulfillments: [
        fulfillment(["a"], {
          displayStatus: "READY_FOR_PICKUP",
          trackingInfo: [{ company: "Relay", number: "123", url: null }],
        }),
      ],
    });
    expect(isPickupOrder(relay)).toBe(false);
    expect(
      pickupStage(order({ fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "SHIPPING", holdReasons: [] }] })),
    ).toBeNull();
  });

  it("reads how soon the shop says pickup orders are ready, in any of its languages", () => {
    expect(
      pickupReadiness([
        passage("Shipping takes 3–5 business days."),
        passage("Store pickup: free, ready within 4 business hours."),
      ]),
    ).toEqual({ amount: 4, unit: "hours", business: true });
    expect(
      pickupReadiness([passage("Retrait en boutique : gratuit, commande prête sous 2 jours.", { language: "fr" })]),
    ).toEqual({ amount: 2, unit: "days", business: false });
    expect(pickupReadiness([passage("Store pickup is free.")])).toBeNull();
  });
});

describe("return requests", () => {
  it("maps Shopify's return statuses to what the shopper is told", () => {
    const ret = (status: string) => ({
      id: "r",
      name: "#1-R1",
      status,
      createdAt: "2026-11-19T00:00:00Z",
      closedAt: null,
      decline: null,
      lines: [],
    });
    expect(["REQUESTED", "OPEN", "DECLINED", "CLOSED"].map((s) => returnStage(ret(s)))).toEqual([
      "awaiting_approval",
      "approved",
      "declined",
      "closed",
    ]);
  });

  it("reads the review time of a request, not the inspection time of a parcel that arrived", () => {
    const inspection = passage("When your return reaches us we inspect it within 5 business days and refund you.");
    expect(returnReviewTime([inspection])).toBeNull();
    expect(returnReviewTime([inspection, passage("We approve return requests within 3 business days.")])).toEqual({
      min: 3,
      max: 3,
      unit: "business_days",
    });
    // The request named in the sentence before: "How to request a return: … We reply within 1 to 2 business days."
    const before = passage("Start a return request on our returns page.");
    const reply = passage("We reply within 1 to 2 business days.");
    expect(returnReviewTime([before, reply])).toEqual({ min: 1, max: 2, unit: "business_days" });
    expect(returnReviewTime([reply])).toBeNull();
  });
});

describe("the shop's own sentences", () => {
  it("quotes the reship-or-refund rule in the shopper's language when the shop wrote one", () => {
    const en = passage("If a parcel comes back, we reship it or refund you minus shipping.", {
      sourceKey: "SHIPPING_POLICY",
    });
    const es = passage("Si regresa, lo reenviamos o te reembolsamos el pedido.", {
      sourceKey: "SHIPPING_POLICY",
      language: "es",
    });
    expect(failedDeliveryRule([en, es], "es")).toBe(es);
    expect(failedDeliveryRule([en, es], "fr")).toBe(en);
    expect(failedDeliveryRule([passage("We refund within 5 days.")], "en")).toBeNull();
  });

  it("prefers the return-postage sentence for the order's destination", () => {
    const us = passage("We email a free prepaid return label for US orders.");
    const canada = passage("For orders shipped to Canada, return postage is paid by the customer.");
    expect(returnPostageRule([us, canada], "en", /\bcanada\b/)).toBe(canada);
    expect(returnPostageRule([us, canada], "en", null)).toBe(us);
  });
});

describe("the shop's payment-confirmation rule", () => {
  it("quotes how long a pending payment takes, not the refund timing of returns", () => {
    const refund = passage("On receipt we check your return and refund your payment within 3 days.");
    const voucher = passage(
      "Cash voucher orders stay pending until the payment is confirmed, up to 24 hours after paying.",
      { sourceKey: "FAQ", kind: "faq" },
    );
    expect(paymentConfirmationRule([refund, voucher], "en")).toBe(voucher);
    expect(paymentConfirmationRule([refund], "en")).toBeNull();
  });
});

describe("the shop's exchange rule", () => {
  it("quotes the rule with the sentence that says how, and skips exchanges for cash", () => {
    const cash = passage("Gift cards can't be exchanged for cash.", { kind: "faq", sourceKey: "Gift cards?" });
    const rule = passage("Exchanges: we don't exchange by post.", { section: "Exchanges" });
    const how = passage("Return the item and place a new order.", { section: "Exchanges" });
    const other = passage("Refunds take 5 days.", { section: "Refunds" });
    expect(exchangeRule([cash, rule, how, other], "en")).toEqual([rule, how]);
    expect(exchangeRule([rule, other], "en")).toEqual([rule]);
    expect(exchangeRule([cash, other], "en")).toEqual([]);
  });
});

describe("writing the facts", () => {
  it("writes an amount the way the currency's country does in the shopper's language", () => {
    expect(formatMoney("5219", "MXN", "es")).toBe(
      new Intl.NumberFormat("es-MX", { style: "currency", currency: "MXN" }).format(5219),
    );
    expect(formatMoney("5219", "MXN", "es")).toContain("5,219.00");
    expect(formatMoney("128", "EUR", "fr")).toBe(
      new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(128),
    );
  });

  it("keeps a proposal's statements and drops its question", () => {
    expect(statedFacts("Order #1 hasn't shipped yet, so it can still be cancelled. Shall I cancel it?")).toBe(
      "Order #1 hasn't shipped yet, so it can still be cancelled.",
    );
    expect(statedFacts("Line one.\nShall I go ahead?")).toBe("Line one.");
  });
});

// ---------------------------------------------------------------------------------------------
// Answers on the Northwind snapshot, edited so each case exists there.

let editedShops = 0;
async function shopperOf(edit: (snapshot: any) => any) {
  const copy = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const order = edit(copy);
  copy.shop.myshopifyDomain = `order-rules-${++editedShops}.myshopify.com`;
  return { order, say: await demoConversation({ customerId: order.customerId, store: createDemoStore(copy) }) };
}
const unfulfilled = (copy: any) =>
  copy.orders.find(
    (o: any) =>
      o.fulfillments.length === 0 && !o.cancelledAt && o.customerId && o.displayFulfillmentStatus !== "ON_HOLD",
  );

describe("order answers beyond parcels", () => {
  it("says a held order waits for a verification, not that it leaves within the handling time", async () => {
    const { order, say } = await shopperOf((copy) =>
      copy.orders.find((o: any) => o.fulfillmentHolds?.some((h: any) => h.reason === "HIGH_RISK_OF_FRAUD")),
    );
    const out = await say(`where is order ${order.name}?`);
    expect(out.text).toContain(order.name);
    expect(out.text).toMatch(/verify/);
    expect(out.text).not.toMatch(/usually leave within/);
  });

  it("tells a pickup order's shopper when it will be ready, from the shop's policy", async () => {
    const { order, say } = await shopperOf((copy) => {
      const o = unfulfilled(copy);
      o.shippingLine = { title: "Store pickup", code: "PICKUP", price: "0.00" };
      o.shippingAddress = null;
      copy.policies.shippingPolicy.body += "\n\nStore pickup: free, ready within 6 business hours.";
      return o;
    });
    const out = await say(`where is order ${order.name}?`);
    expect(out.text).toMatch(/prepared for pickup/);
    expect(out.text).toContain("6 business hours");
    expect(out.text).not.toMatch(/hasn't shipped/);
  });

  it("says a gift card went by email, with no carrier", async () => {
    const { order, say } = await shopperOf((copy) => {
      const o = copy.orders.find(
        (x: any) => x.fulfillments.length === 1 && x.customerId && x.fulfillments[0].displayStatus === "IN_TRANSIT",
      );
      o.lineItems.push({
        id: "gid://shopify/LineItem/990001",
        title: "Gift card",
        variantTitle: "$50",
        sku: null,
        quantity: 1,
        variantId: null,
        productId: null,
        originalUnitPrice: "50.00",
        requiresShipping: false,
        isGiftCard: true,
      });
      o.fulfillments.push({
        id: "gid://shopify/Fulfillment/990001",
        status: "SUCCESS",
        displayStatus: "FULFILLED",
        createdAt: o.createdAt,
        deliveredAt: null,
        estimatedDeliveryAt: null,
        trackingInfo: [],
        fulfillmentLineItems: [{ lineItemId: "gid://shopify/LineItem/990001", quantity: 1 }],
      });
      return o;
    });
    const out = await say(`where is order ${order.name}?`);
    expect(out.text).toMatch(/Gift card \(\$50\): sent by email/);
    expect(out.text).not.toMatch(/shipped with —/);
  });

  it("gives the handling time for items still to ship only when they are in stock", async () => {
    const partial = (inStock: boolean) =>
      shopperOf((copy) => {
        const o = copy.orders.find(
          (x: any) =>
            x.customerId &&
            x.fulfillments.length === 1 &&
            x.lineItems.length === 1 &&
            x.fulfillments[0].displayStatus === "IN_TRANSIT",
        );
        const product = copy.products.find((p: any) => p.status === "ACTIVE" && !p.isGiftCard && p.variants.length > 1);
        const variant = product.variants[0];
        variant.availableForSale = inStock;
        variant.inventoryQuantity = inStock ? 5 : 0;
        o.lineItems.push({
          id: "gid://shopify/LineItem/990002",
          title: product.title,
          variantTitle: variant.title,
          sku: null,
          quantity: 1,
          variantId: variant.id,
          productId: product.id,
          originalUnitPrice: variant.price,
        });
        return o;
      });
    const inStock = await partial(true);
    expect((await inStock.say(`where is order ${inStock.order.name}?`)).text).toMatch(
      /Not shipped yet: .*\n.*usually leave within/,
    );
    const backordered = await partial(false);
    expect((await backordered.say(`where is order ${backordered.order.name}?`)).text).not.toMatch(
      /usually leave within/,
    );
  });

  it("says a return request awaits review, with the shop's review time", async () => {
    const { order, say } = await shopperOf((copy) => {
      const body: string = copy.policies.refundPolicy.body;
      // Whatever the shop said about reviewing requests, it now says 3 business days.
      copy.policies.refundPolicy.body = body.replace(
        /We review requests within [^.]*\./,
        "We review requests within 3 business days.",
      );
      expect(copy.policies.refundPolicy.body).not.toBe(body);
      return copy.orders.find((o: any) => o.returns.some((r: any) => r.status === "REQUESTED"));
    });
    const ret = order.returns.find((r: any) => r.status === "REQUESTED");
    const out = await say(
      `I asked to return my ${order.lineItems[0].title.split(" ").slice(-1)[0].toLowerCase()} from order ${order.name}, is it approved?`,
    );
    expect(out.text).toContain(ret.name);
    expect(out.text).toMatch(/hasn't been approved yet/);
    expect(out.text).toContain("3 business days");
  });
});
