import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot, type DemoSnapshot, type SnapshotOrder } from "../../demo/demo-store";
import { CUSTOMER_ORDERS, MAX_FIRST, ORDER_BY_NAME, SEARCH_PRODUCTS } from "../../app/commerce/documents";
import { CommerceError, createCommerce, productSearchQuery } from "../../app/commerce/store";
import type { AdminGraphql } from "../../app/commerce/types";

const SNAPSHOT_PATH = new URL("../../demo/demo-store.json", import.meta.url);
// Expectations come straight from the file, independent of the code under test.
const expected = JSON.parse(readFileSync(SNAPSHOT_PATH, "utf8")) as DemoSnapshot;
const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);

/** A fresh store per test that mutates, so tests don't see each other's changes. */
function openStore(options?: Parameters<typeof createDemoStore>[1]) {
  const store = createDemoStore(snapshot, options);
  return { store, commerce: createCommerce(store.graphql) };
}

function snapshotOrder(predicate: (order: SnapshotOrder) => boolean, description: string): SnapshotOrder {
  const order = expected.orders.find(predicate);
  if (!order) throw new Error(`The snapshot has no ${description}`);
  return order;
}

const isActive = (status: string) => status === "ACTIVE";
const hiddenProducts = expected.products.filter((product) => !isActive(product.status));
const hiddenIds = new Set(hiddenProducts.map((product) => product.id));

describe("demo store: orders", () => {
  const { commerce } = openStore();

  it("shows order #1006's UPS tracking number", async () => {
    const tracking = snapshotOrder((order) => order.name === "#1006", "order #1006").fulfillments[0].trackingInfo[0];
    for (const orderNumber of ["#1006", "1006"]) {
      const order = await commerce.findOrderByNumber(orderNumber);
      expect(order?.fulfillments[0].trackingInfo).toContainEqual(
        expect.objectContaining({ company: "UPS", number: tracking.number }),
      );
    }
  });

  it("looks up every order by its name and maps it fully", async () => {
    for (const source of expected.orders) {
      const order = await commerce.findOrderByNumber(source.name);
      expect(order, source.name).toMatchObject({
        id: source.id,
        name: source.name,
        email: source.email,
        customerId: source.customerId,
        totalPrice: source.totalPrice,
        totalRefunded: source.totalRefunded,
        displayFulfillmentStatus: source.displayFulfillmentStatus,
        shippingLineTitle: source.shippingLine?.title ?? null,
      });
      expect(order!.lineItems.map((line) => [line.id, line.quantity, line.originalUnitPrice])).toEqual(
        source.lineItems.map((line) => [line.id, line.quantity, line.originalUnitPrice]),
      );
      expect(order!.fulfillments.map((fulfillment) => fulfillment.lines.map((line) => line.lineItemId))).toEqual(
        source.fulfillments.map((fulfillment) => fulfillment.fulfillmentLineItems.map((line) => line.lineItemId)),
      );
      expect(order!.returns.map((orderReturn) => [orderReturn.name, orderReturn.status])).toEqual(
        source.returns.map((orderReturn) => [orderReturn.name, orderReturn.status]),
      );
    }
  });

  it("derives what is left to ship from the fulfillments", async () => {
    const partial = snapshotOrder(
      (order) => order.displayFulfillmentStatus === "PARTIALLY_FULFILLED",
      "partially fulfilled order",
    );
    const order = await commerce.findOrderByNumber(partial.name);
    const fulfilled = new Set(
      partial.fulfillments.flatMap((fulfillment) => fulfillment.fulfillmentLineItems.map((line) => line.lineItemId)),
    );
    for (const line of order!.lineItems)
      expect(line.unfulfilledQuantity, line.title).toBe(fulfilled.has(line.id) ? 0 : line.quantity);
  });

  it("carries carrier events, newest first", async () => {
    const delayed = snapshotOrder(
      (order) => order.fulfillments.some((f) => f.events?.some((e) => e.status === "DELAYED")),
      "delayed parcel",
    );
    const order = await commerce.findOrderByNumber(delayed.name);
    const events = order!.fulfillments[0].events;
    expect(events[0].status).toBe("DELAYED");
    expect(events.map((event) => event.happenedAt)).toEqual(
      [...events.map((event) => event.happenedAt)].sort().reverse(),
    );
  });

  it("returns null for an unknown or malformed order number", async () => {
    expect(await commerce.findOrderByNumber("#99999")).toBeNull();
    expect(await commerce.findOrderByNumber("1006 OR name:#1007")).toBeNull();
  });

  it("lists only a customer's own orders, newest first", async () => {
    const counts = new Map<string, number>();
    for (const order of expected.orders)
      if (order.customerId) counts.set(order.customerId, (counts.get(order.customerId) ?? 0) + 1);
    const [customerId] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const own = expected.orders
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((order) => order.name);

    expect((await commerce.customerOrders(customerId)).map((order) => order.name)).toEqual(own);
    expect((await commerce.customerOrders(customerId, 2)).map((order) => order.name)).toEqual(own.slice(0, 2));
    expect(await commerce.customerOrders("gid://shopify/Customer/1")).toEqual([]);
  });

  it("pages through more orders than one request may carry", async () => {
    // Give one customer eight orders: more than MAX_FIRST.CustomerOrders (5) allows per request.
    const customerId = expected.customers[0].id;
    const busy = structuredClone(expected);
    for (const order of busy.orders.slice(0, 8)) order.customerId = customerId;
    const store = createDemoStore(busy);
    const requests: unknown[] = [];
    const recordingGraphql: AdminGraphql = async (query, options) => {
      if (query === CUSTOMER_ORDERS) requests.push(options?.variables?.first);
      return store.graphql(query, options);
    };
    const newestFirst = busy.orders
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((order) => order.name);

    const orders = await createCommerce(recordingGraphql).customerOrders(customerId, 7);
    expect(orders.map((order) => order.name)).toEqual(newestFirst.slice(0, 7));
    expect(requests).toEqual([5, 2]);
  });

  it("gives an approved return its reverse fulfillment order even before a label exists, a requested one none", async () => {
    // As Shopify does: the reverse fulfillment order comes with the return's approval; labels come later.
    const unlabelled = structuredClone(expected);
    const open = unlabelled.orders.find((order) => order.returns?.some((r) => r.status === "OPEN"))!;
    for (const orderReturn of open.returns) orderReturn.reverseDeliveries = [];
    const requested = unlabelled.orders.find((order) => order.returns?.some((r) => r.status === "REQUESTED"))!;
    const store = createDemoStore(unlabelled);
    const returnsOf = async (name: string) => {
      const response = await store.graphql(ORDER_BY_NAME, { variables: { query: `name:${JSON.stringify(name)}` } });
      const { data } = (await response.json()) as any;
      return data.orders.nodes[0].returns.nodes as any[];
    };
    const [approved] = (await returnsOf(open.name)).filter((r) => r.status === "OPEN");
    expect(approved.reverseFulfillmentOrders.nodes).toHaveLength(1);
    expect(approved.reverseFulfillmentOrders.nodes[0].reverseDeliveries.nodes).toEqual([]);
    const [asked] = (await returnsOf(requested.name)).filter((r) => r.status === "REQUESTED");
    expect(asked.reverseFulfillmentOrders.nodes).toEqual([]);
  });
});

describe("demo store: products", () => {
  const { store, commerce } = openStore();

  it("never returns draft or archived products, even when the shopper names them", async () => {
    expect(hiddenProducts.length).toBeGreaterThan(0);
    for (const product of hiddenProducts) {
      // The Admin API itself does return them without a status filter...
      const raw = await store.execute(SEARCH_PRODUCTS, {
        query: `"${product.handle}"`,
        first: MAX_FIRST.SearchProducts,
      });
      expect((raw.data as { products: { nodes: { id: string }[] } }).products.nodes.map((node) => node.id)).toContain(
        product.id,
      );
      // ...so the app's searches must filter them out.
      for (const text of [
        product.title,
        product.handle,
        "status:draft",
        "status:archived",
        `-status:active ${product.handle}`,
      ]) {
        const found = await commerce.searchProducts({ text, first: 10 });
        expect(
          found.filter((item) => hiddenIds.has(item.id)),
          text,
        ).toEqual([]);
      }
    }
  });

  it("quotes shopper text so it can't add search syntax", () => {
    expect(productSearchQuery({ text: 'tent") OR status:draft \\' })).toBe(
      'status:active "tent\\")" "OR" "status:draft"',
    );
    expect(productSearchQuery({ text: "rain jacket", maxPrice: 150 })).toBe(
      'status:active "rain" "jacket" price:<=150.00',
    );
  });

  it("filters by price on any variant", async () => {
    const limit = 100;
    const found = await commerce.searchProducts({ maxPrice: limit, first: MAX_FIRST.SearchProducts });
    const expectedCount = expected.products.filter(
      (product) => isActive(product.status) && product.variants.some((variant) => Number(variant.price) <= limit),
    ).length;
    expect(found.length).toBe(Math.min(MAX_FIRST.SearchProducts, expectedCount));
    for (const product of found)
      expect(
        product.variants.some((variant) => Number(variant.price) <= limit),
        product.title,
      ).toBe(true);

    const pricey = await commerce.searchProducts({ minPrice: 300, first: 10 });
    for (const product of pricey) expect(Number(product.priceRange.max)).toBeGreaterThanOrEqual(300);
  });

  it("matches words against title, type and tags", async () => {
    const found = await commerce.searchProducts({ text: "waterproof jacket", first: 10 });
    const matching = expected.products.filter(
      (product) =>
        isActive(product.status) &&
        ["waterproof", "jacket"].every((word) =>
          [product.title, product.handle, product.productType, product.vendor, ...product.tags].some((text) =>
            text.toLowerCase().includes(word),
          ),
        ),
    );
    expect(found.map((product) => product.id).sort()).toEqual(matching.map((product) => product.id).sort());
  });

  it("loads the whole active catalog across pages", async () => {
    const catalog = await commerce.activeCatalog();
    const active = expected.products.filter((product) => isActive(product.status));
    expect(catalog.map((product) => product.id).sort()).toEqual(active.map((product) => product.id).sort());
    expect(await commerce.activeCatalog()).toBe(catalog); // cached per Commerce
  });

  it("finds active products by handle, never hidden ones", async () => {
    const active = expected.products.find((product) => isActive(product.status))!;
    const product = await commerce.productByHandle(active.handle);
    expect(product).toMatchObject({ id: active.id, title: active.title, description: active.description });
    expect(product!.variants.map((variant) => [variant.id, variant.price, variant.inventoryQuantity])).toEqual(
      active.variants.map((variant) => [variant.id, variant.price, variant.inventoryQuantity]),
    );
    for (const hidden of hiddenProducts) expect(await commerce.productByHandle(hidden.handle)).toBeNull();
    expect(await commerce.productByHandle("no-such-product")).toBeNull();
  });
});

describe("demo store: shop and discounts", () => {
  const { commerce } = openStore();

  it("maps shop info with plain-text policies", async () => {
    const info = await commerce.shopInfo();
    expect(info).toMatchObject({
      name: expected.shop.name,
      myshopifyDomain: expected.shop.myshopifyDomain,
      shipsToCountries: expected.shop.shipsToCountries,
    });
    // Bodies travel as HTML (as on Shopify) and come back as the snapshot's plain text.
    expect(info.policies.map((policy) => [policy.title, policy.body])).toEqual(
      Object.values(expected.policies).map((policy) => [policy.title, policy.body]),
    );
    expect(info.policies.map((policy) => policy.type)).toContain("REFUND_POLICY");
  });

  it("answers the pages query: the shop's pages as plain text with their storefront URLs", async () => {
    const read = await commerce.shopPages();
    const pages = expected.pages ?? [];
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(read.map((page) => page.handle))).toEqual(new Set(pages.map((page) => page.handle)));
    for (const page of pages) {
      const one = read.find((p) => p.handle === page.handle)!;
      expect(one.title).toBe(page.title);
      expect(one.body).toBe(page.body);
      expect(one.url).toMatch(new RegExp(`^https://[^/]+/pages/${page.handle}$`));
    }
  });

  it("reads no pages, and still the shop, when the pages query fails (no access to pages)", async () => {
    const store = createDemoStore(snapshot);
    const withoutPages: AdminGraphql = async (query, options) =>
      /query ShopPages/.test(query)
        ? new Response(JSON.stringify({ errors: [{ message: "Access denied for pages field." }] }), { status: 200 })
        : store.graphql(query, options);
    const commerce = createCommerce(withoutPages, { retries: 0 });
    expect(await commerce.shopPages()).toEqual([]);
    expect((await commerce.shopInfo()).name).toBe(expected.shop.name);
  });

  it("maps every discount code's status and usage", async () => {
    for (const source of expected.discounts) {
      const discount = await commerce.discountByCode(source.code.toLowerCase());
      expect(discount, source.code).toMatchObject({
        id: source.id,
        code: source.code,
        status: source.status,
        usageLimit: source.usageLimit,
        usageCount: source.asyncUsageCount,
        appliesOncePerCustomer: source.appliesOncePerCustomer,
        minimumSubtotal: source.minimumRequirement?.greaterThanOrEqualToSubtotal ?? null,
      });
    }
    expect(await commerce.discountByCode("NOT-A-CODE")).toBeNull();
  });

  it("lists the running and scheduled discounts, not the expired ones, with their codes", async () => {
    const listed = await commerce.runningAndScheduledDiscounts();
    const notExpired = expected.discounts.filter((discount) => discount.status !== "EXPIRED");
    expect(listed.map((discount) => discount.code).sort()).toEqual(notExpired.map((d) => d.code).sort());
    for (const source of notExpired) {
      expect(listed.find((discount) => discount.id === source.id)).toMatchObject({
        code: source.code,
        status: source.status,
        startsAt: source.startsAt,
        summary: source.summary,
        forEveryone: true,
      });
    }
  });

  it("derives discount status from the store's clock", async () => {
    const scheduled = expected.discounts.find((discount) => discount.status === "SCHEDULED")!;
    const { commerce: later } = openStore({ now: new Date(Date.parse(scheduled.startsAt) + 60_000) });
    expect((await later.discountByCode(scheduled.code))?.status).toBe("ACTIVE");
  });
});

describe("demo store: confirm-first actions", () => {
  const unfulfilledPaid = snapshotOrder(
    (order) => !order.cancelledAt && order.fulfillments.length === 0 && order.displayFinancialStatus === "PAID",
    "paid unfulfilled order",
  );
  const delivered = snapshotOrder(
    (order) => order.returns.length === 0 && order.fulfillments[0]?.displayStatus === "DELIVERED",
    "delivered order without returns",
  );

  it("cancels an unfulfilled order; a later read shows it cancelled and refunded", async () => {
    const { store, commerce } = openStore();
    // Read first: the store remembers answers to queries, and a mutation must forget them.
    expect((await commerce.findOrderByNumber(unfulfilledPaid.name))?.cancelledAt).toBeNull();
    const result = await commerce.cancelOrder(unfulfilledPaid.id, "CUSTOMER");
    expect(result).toMatchObject({ ok: true });

    const order = await commerce.findOrderByNumber(unfulfilledPaid.name);
    expect(order).toMatchObject({
      cancelledAt: store.now.toISOString(),
      cancelReason: "CUSTOMER",
      displayFinancialStatus: "REFUNDED",
      totalRefunded: unfulfilledPaid.totalPrice,
    });
    expect(order!.lineItems.every((line) => line.unfulfilledQuantity === 0)).toBe(true);
    expect(await commerce.cancelOrder(unfulfilledPaid.id, "CUSTOMER")).toMatchObject({ ok: false });
  });

  it("voids an authorized order instead of refunding it", async () => {
    const authorized = snapshotOrder(
      (order) => order.displayFinancialStatus === "AUTHORIZED" && !order.fulfillments.length,
      "authorized order",
    );
    const { commerce } = openStore();
    expect(await commerce.cancelOrder(authorized.id, "CUSTOMER")).toMatchObject({ ok: true });
    expect((await commerce.findOrderByNumber(authorized.name))?.displayFinancialStatus).toBe("VOIDED");
  });

  it("refuses to cancel a fulfilled order", async () => {
    const { commerce } = openStore();
    const result = await commerce.cancelOrder(delivered.id, "CUSTOMER");
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/fulfil/i) });
    expect((await commerce.findOrderByNumber(delivered.name))?.cancelledAt).toBeNull();
  });

  it("requests a return once per fulfilled quantity", async () => {
    const { commerce } = openStore();
    const order = await commerce.findOrderByNumber(delivered.name);
    const lines = order!.fulfillments[0].lines.map((line) => ({
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      quantity: line.quantity,
    }));

    const result = await commerce.requestReturn(order!.id, lines, "SIZE_TOO_SMALL", "Too tight");
    expect(result).toMatchObject({ ok: true, status: "REQUESTED", returnName: `${delivered.name}-R1` });
    const reread = await commerce.findOrderByNumber(delivered.name);
    expect(reread!.returns).toEqual([
      expect.objectContaining({
        status: "REQUESTED",
        lines: order!.fulfillments[0].lines.map((line) => expect.objectContaining({ lineItemId: line.lineItemId })),
      }),
    ]);

    expect(await commerce.requestReturn(order!.id, lines, "SIZE_TOO_SMALL")).toMatchObject({ ok: false });
    expect(
      await commerce.requestReturn(
        order!.id,
        [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }],
        "OTHER",
      ),
    ).toMatchObject({ ok: false });
  });

  it("changes the shipping address only before fulfillment", async () => {
    const { commerce } = openStore();
    const address = {
      address1: "500 Pine St",
      address2: "Apt 4",
      city: "Portland",
      provinceCode: "OR",
      zip: "97204",
      countryCode: "US",
    };
    const result = await commerce.updateShippingAddress(unfulfilledPaid.id, address);
    expect(result).toMatchObject({
      ok: true,
      shippingAddress: { address1: "500 Pine St", province: "Oregon", country: "United States" },
    });
    expect((await commerce.findOrderByNumber(unfulfilledPaid.name))?.shippingAddress).toMatchObject({
      address1: "500 Pine St",
      address2: "Apt 4",
      name: unfulfilledPaid.shippingAddress?.name,
    });

    expect(await commerce.updateShippingAddress(delivered.id, address)).toEqual({
      ok: false,
      message: expect.stringMatching(/fulfilled/),
    });
  });
});

describe("demo store: the Admin API surface", () => {
  const { store } = openStore();
  const endpoint = `https://${store.shopDomain}/admin/api/2026-07/graphql.json`;
  const post = (url: string, headers: Record<string, string>, body: unknown) =>
    store.handleHttp(
      new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    );

  it("requires an access token", async () => {
    const response = await post(endpoint, {}, { query: "{ shop { name } }" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("answers only its API version", async () => {
    const response = await post(
      endpoint.replace("2026-07", "2024-01"),
      { "X-Shopify-Access-Token": "shpat_demo" },
      { query: "{ shop { name } }" },
    );
    expect(response.status).toBe(404);
  });

  it("executes a request like Shopify, with cost extensions", async () => {
    const response = await post(
      endpoint,
      { "X-Shopify-Access-Token": "shpat_demo" },
      { query: ORDER_BY_NAME, variables: { query: "name:#1006" } },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { orders: { nodes: { name: string }[] } };
      extensions: { cost: Record<string, unknown> };
    };
    expect(body.data.orders.nodes[0].name).toBe("#1006");
    expect(body.extensions.cost).toMatchObject({
      requestedQueryCost: expect.any(Number),
      throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
    });
  });

  it("answers an unknown field with a validation error, not a crash", async () => {
    const response = await store.graphql(`query Broken { shop { name notAShopField } }`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toContain("notAShopField");
    await expect(
      createCommerce(async () => store.graphql(`{ shop { notAShopField } }`)).shopInfo(),
    ).rejects.toMatchObject({
      code: "GRAPHQL",
    });
  });

  it("rejects queries over the cost limit or without page sizes", async () => {
    const tooBig = await store.execute(`{ products(first: 250) { nodes { variants(first: 100) { nodes { id } } } } }`);
    expect(tooBig.errors?.[0].extensions?.code).toBe("MAX_COST_EXCEEDED");
    const unpaged = await store.execute(`{ products { nodes { id } } }`);
    expect(unpaged.errors?.[0].message).toMatch(/first or last/);
  });

  it("throttles when asked to, and Commerce reports it once retries are used up", async () => {
    const { store: limited } = openStore({ throttle: true });
    const commerce = createCommerce(limited.graphql, { retries: 0 });
    let code: unknown;
    for (let attempt = 0; attempt < 100 && !code; attempt++) {
      await commerce.searchProducts({ first: 10 }).catch((error: unknown) => {
        code = error instanceof CommerceError ? error.code : error;
      });
    }
    expect(code).toBe("THROTTLED");
    expect(limited.shopDomain).toBe(expected.shop.myshopifyDomain);
  });

  it("turns transport failures into CommerceError", async () => {
    const failing = createCommerce(async () => new Response("upstream down", { status: 502 }), { retries: 0 });
    await expect(failing.shopInfo()).rejects.toMatchObject({ name: "CommerceError", code: "HTTP", status: 502 });
    // shopify-app-remix throws GraphqlQueryError with the errors in body.errors.graphQLErrors.
    const thrown = Object.assign(new Error("Throttled"), {
      body: { errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] } },
    });
    await expect(createCommerce(async () => Promise.reject(thrown), { retries: 0 }).shopInfo()).rejects.toMatchObject({
      code: "THROTTLED",
    });
  });

  it("refuses a file that isn't a snapshot", () => {
    expect(() => loadDemoSnapshot(new URL("../../package.json", import.meta.url))).toThrow(/not a demo store snapshot/);
  });
});
