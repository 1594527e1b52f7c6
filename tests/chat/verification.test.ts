import { describe, expect, it } from "vitest";
import { memoryAttemptStore } from "../../app/chat/attempts";
import { findShopperOrder, verifyOrderAccess, type OrderReader } from "../../app/chat/verification";
import type { Order } from "../../app/commerce/types";

function order(name: string, email: string, customerId: string | null, createdAt = "2026-11-01T00:00:00Z"): Order {
  return {
    id: `gid://shopify/Order/${name}`,
    name: `#${name}`,
    email,
    customerId,
    createdAt,
    cancelledAt: null,
    cancelReason: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "FULFILLED",
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
    lineItems: [],
    fulfillments: [],
    fulfillmentOrders: [],
    refunds: [],
    returns: [],
  };
}

const orders = [
  order("1001", "ann@example.com", "gid://shopify/Customer/1"),
  order("1002", "bob@example.com", null),
  order("1003", "ann@example.com", "gid://shopify/Customer/1", "2026-11-10T00:00:00Z"),
];
const reader: OrderReader = {
  findOrderByNumber: async (n) => orders.find((o) => o.name === `#${n.replace(/^#/, "")}`) ?? null,
  customerOrders: async (id) =>
    orders.filter((o) => o.customerId === id).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
};

describe("verification policy", () => {
  it("reveals a guest order only with its number and the matching email", async () => {
    expect((await findShopperOrder(reader, { orderNumber: "1002", email: "BOB@example.com" })).kind).toBe("verified");
    expect(await findShopperOrder(reader, { orderNumber: "1002", email: "eve@example.com" })).toEqual({
      kind: "denied",
      orderNumber: "1002",
    });
    expect(await findShopperOrder(reader, { orderNumber: "1002" })).toEqual({
      kind: "need_email",
      orderNumber: "1002",
    });
  });

  it("answers an unknown order exactly like a wrong email", async () => {
    const unknown = await findShopperOrder(reader, { orderNumber: "9999", email: "bob@example.com" });
    const wrong = await findShopperOrder(reader, { orderNumber: "1002", email: "bob2@example.com" });
    expect(unknown.kind).toBe("denied");
    expect(wrong.kind).toBe("denied");
  });

  it("lets a logged-in customer see their own orders and nobody else's", async () => {
    const own = await findShopperOrder(reader, { customerId: "gid://shopify/Customer/1" });
    expect(own.kind === "verified" && own.order.name).toBe("#1003");
    expect((await findShopperOrder(reader, { orderNumber: "1001", customerId: "gid://shopify/Customer/1" })).kind).toBe(
      "verified",
    );
    expect((await findShopperOrder(reader, { orderNumber: "1002", customerId: "gid://shopify/Customer/1" })).kind).toBe(
      "denied",
    );
    expect((await findShopperOrder(reader, { customerId: "gid://shopify/Customer/2" })).kind).toBe("no_orders");
  });

  it("asks a guest without an order number for one", async () => {
    expect(await findShopperOrder(reader, { email: "ann@example.com" })).toEqual({
      kind: "need_order_number",
      loggedIn: false,
    });
  });

  it("with its guards: a locked guest costs no lookup, a locked order still opens for its logged-in owner", async () => {
    const attempts = memoryAttemptStore();
    for (let i = 0; i < 5; i++)
      await attempts.recordFailure([
        { kind: "order", value: "1001" },
        { kind: "client", value: "ip:1.2.3.4" },
      ]);
    let lookups = 0;
    const counting: OrderReader = {
      findOrderByNumber: (n) => (lookups++, reader.findOrderByNumber(n)),
      customerOrders: reader.customerOrders,
    };
    expect(
      await verifyOrderAccess(counting, attempts, {
        orderNumber: "1002",
        email: "bob@example.com",
        clientKey: "ip:1.2.3.4",
      }),
    ).toMatchObject({ kind: "locked" });
    expect(lookups).toBe(0);
    expect(
      await verifyOrderAccess(counting, attempts, {
        orderNumber: "1001",
        email: "ann@example.com",
        clientKey: "ip:5.6.7.8",
      }),
    ).toMatchObject({ kind: "locked" });
    expect(
      await verifyOrderAccess(counting, attempts, {
        orderNumber: "1001",
        customerId: "gid://shopify/Customer/1",
        clientKey: "ip:1.2.3.4",
      }),
    ).toMatchObject({ kind: "verified", via: "customer" });
    expect(
      await verifyOrderAccess(counting, attempts, {
        orderNumber: "1002",
        email: "bob@example.com",
        clientKey: "ip:9.9.9.9",
      }),
    ).toMatchObject({ kind: "verified", via: "email" });
  });
});
