/**
 * The commerce API the chat pipeline calls. Each function sends one document from documents.ts
 * through an `admin.graphql`-shaped client (a real shop's, or the demo store's) and maps the
 * answer to the domain types in types.ts. Shopper text never reaches a search query unquoted.
 */
import {
  CUSTOMER_ORDERS,
  CUSTOMERS_BY_IDS,
  DISCOUNT_BY_CODE,
  RUNNING_AND_SCHEDULED_DISCOUNTS,
  MAX_FIRST,
  ORDER_BY_NAME,
  ORDER_CANCEL,
  ORDER_UPDATE_SHIPPING_ADDRESS,
  ORDER_NAMES,
  APP_BUBBLE_METAFIELD,
  APP_INSTALLATION,
  SET_APP_METAFIELDS,
  PRODUCT_BY_HANDLE,
  RETURN_REQUEST,
  SEARCH_PRODUCTS,
  SHOP_INFO,
  SHOP_PAGES,
} from "./documents";
import type {
  ActionResult,
  ShopPage,
  Address,
  AdminGraphql,
  Discount,
  ListedDiscount,
  Order,
  OrderCancelReason,
  OrderNameFormat,
  Product,
  ReturnReason,
  ShippingAddressInput,
  ShopInfo,
} from "./types";

export type CommerceErrorCode = "THROTTLED" | "HTTP" | "GRAPHQL";

/** The Admin API could not answer: rate limited, transport failure, or a rejected query. */
export class CommerceError extends Error {
  readonly code: CommerceErrorCode;
  readonly status: number | undefined;

  /** How long Shopify asks us to wait before trying again, when it says. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: CommerceErrorCode,
    message: string,
    options: { status?: number; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "CommerceError";
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Worth another try: throttling, Shopify's 5xx, a timeout or a dropped connection. */
  get retryable(): boolean {
    return this.code === "THROTTLED" || this.status === undefined || this.status >= 500;
  }
}

export interface TransportOptions {
  /** Retries after the first attempt for throttled/5xx/timeouts (default 3). */
  retries?: number;
  /** Give up on one request after this long (default 8 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The caller's deadline: once it aborts, the request in flight is cancelled and no retry starts. */
  signal?: AbortSignal;
}

export interface ProductSearch {
  /** What the shopper is looking for, as words; matched against title, type, vendor, tags. */
  text?: string;
  maxPrice?: number;
  minPrice?: number;
  /** At most MAX_FIRST.SearchProducts. */
  first?: number;
}

export interface ReturnLineRequest {
  fulfillmentLineItemId: string;
  quantity: number;
}

export interface Commerce {
  shopInfo(): Promise<ShopInfo>;
  /** Use this copy of the shop's data instead of reading it again (the chat context caches it). */
  rememberShopInfo(info: ShopInfo): void;
  /** The shop's published Online Store pages as plain text; [] when they can't be read. */
  shopPages(): Promise<ShopPage[]>;
  /** "1006", "#1006" or the shop's full order name ("FR-1006"); null when there is no such order. */
  findOrderByNumber(orderNumber: string): Promise<Order | null>;
  /** The customer's newest orders first; [] for an unknown customer. */
  customerOrders(customerId: string, first?: number): Promise<Order[]>;
  /** Name and email by customer id (GID or number); ids Shopify doesn't know are left out. */
  customersByIds(ids: string[]): Promise<Map<string, CustomerContact>>;
  /** Active products only. */
  searchProducts(search: ProductSearch): Promise<Product[]>;
  /** null unless the product exists and is ACTIVE. */
  productByHandle(handle: string): Promise<Product | null>;
  /** Every active product (fetched once per Commerce instance), for entity matching. */
  activeCatalog(): Promise<Product[]>;
  discountByCode(code: string): Promise<Discount | null>;
  /** The shop's running and scheduled discounts, code and automatic (at most 25 of each). */
  runningAndScheduledDiscounts(): Promise<ListedDiscount[]>;
  cancelOrder(
    orderId: string,
    reason: OrderCancelReason,
  ): Promise<ActionResult<{ jobId: string | null; jobDone: boolean }>>;
  requestReturn(
    orderId: string,
    lines: ReturnLineRequest[],
    reason: ReturnReason,
    customerNote?: string,
  ): Promise<ActionResult<{ returnId: string; returnName: string; status: string }>>;
  updateShippingAddress(
    orderId: string,
    address: ShippingAddressInput,
  ): Promise<ActionResult<{ shippingAddress: Address | null }>>;
  /** Publish the bubble's appearance where the app embed reads it (an app-data metafield). */
  publishBubbleAppearance(appearance: BubbleAppearance): Promise<ActionResult<object>>;
  /** What publishBubbleAppearance last stored, or null. */
  bubbleAppearance(): Promise<BubbleAppearance | null>;
  /** The names ("#1014") of the orders with these numeric ids or GIDs; unknown ids are left out. */
  orderNames(orderIds: (string | number)[]): Promise<string[]>;
}

/**
 * The merchant's bubble settings from the app's Settings page. The app embed block reads them as
 * `app.metafields.support_chat.bubble` and falls back to its own theme-editor settings.
 */
export interface BubbleAppearance {
  bot_name: string;
  greeting: string;
  accent_color: string;
  position: string;
}

export interface CustomerContact {
  name: string;
  email: string | null;
}

export const BUBBLE_METAFIELD = { namespace: "support_chat", key: "bubble" } as const;

/** Enough for any catalog the bot can sensibly match names against; bigger shops get the first 250. */
const MAX_CATALOG_PAGES = 25;
const MAX_SEARCH_WORDS = 8;

export function createCommerce(graphql: AdminGraphql, transport: TransportOptions = {}): Commerce {
  const send = <T>(document: string, variables?: Record<string, unknown>) =>
    sendDocument<T>(graphql, document, variables, transport);
  let catalog: Promise<Product[]> | null = null;

  async function searchPage(query: string, first: number, after: string | null) {
    const data = await send<{ products: { nodes: ProductNode[]; pageInfo: PageInfo } }>(SEARCH_PRODUCTS, {
      query,
      first: clamp(first, 1, MAX_FIRST.SearchProducts),
      after,
    });
    return data.products;
  }

  async function loadActiveCatalog(): Promise<Product[]> {
    const products: Product[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_CATALOG_PAGES; page++) {
      const { nodes, pageInfo } = await searchPage("status:active", MAX_FIRST.SearchProducts, after);
      products.push(...nodes.map(toProduct));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    return products;
  }

  // One read of the shop per Commerce (one request); the chat context hands over the copy it cached.
  let shop: Promise<ShopInfo> | null = null;
  const readShop = async (): Promise<ShopInfo> => {
    const { shop: node } = await send<{ shop: ShopNode }>(SHOP_INFO);
    return {
      name: node.name,
      email: node.email,
      myshopifyDomain: node.myshopifyDomain,
      primaryDomainUrl: node.primaryDomain.url,
      currencyCode: node.currencyCode,
      shipsToCountries: node.shipsToCountries,
      policies: node.shopPolicies.map((policy) => ({ ...policy, body: htmlToText(policy.body) })),
      timezone: node.ianaTimezone,
      orderNameFormat: { prefix: node.orderNumberFormatPrefix ?? "", suffix: node.orderNumberFormatSuffix ?? "" },
    };
  };

  const shopInfo = () =>
    (shop ??= readShop().catch((error) => {
      shop = null;
      throw error;
    }));

  return {
    shopInfo,

    // Pages are extra reading: a shop that hasn't granted read_online_store_pages still gets its answers.
    async shopPages() {
      try {
        const [{ pages }, info] = await Promise.all([
          send<{ pages: { nodes: PageNode[] } }>(SHOP_PAGES, { first: MAX_FIRST.ShopPages }),
          shopInfo(),
        ]);
        const base = info.primaryDomainUrl.replace(/\/$/, "");
        return pages.nodes
          .filter((page) => page.isPublished)
          .map((page) => ({
            title: page.title,
            handle: page.handle,
            body: htmlToText(page.body),
            url: `${base}/pages/${page.handle}`,
          }));
      } catch {
        return [];
      }
    },

    rememberShopInfo(info) {
      shop = Promise.resolve(info);
    },

    async findOrderByNumber(orderNumber) {
      const { prefix, suffix } = (await shopInfo()).orderNameFormat;
      const digits = orderDigits(orderNumber, { prefix, suffix });
      if (!digits) return null;
      const name = `${prefix}${digits}${suffix}`;
      const { orders } = await send<{ orders: { nodes: OrderNode[] } }>(ORDER_BY_NAME, {
        query: `name:${JSON.stringify(name)}`,
      });
      // Shopify's name filter is a search, not a key: only the order with exactly this name counts.
      const order = orders.nodes.find((node) => node.name.toLowerCase() === name.toLowerCase());
      return order ? toOrder(order) : null;
    },

    async customerOrders(customerId, first = 10) {
      const orders: Order[] = [];
      let after: string | null = null;
      // The order selection is costly, so more than MAX_FIRST orders come in several pages.
      do {
        const { customer }: CustomerOrdersData = await send<CustomerOrdersData>(CUSTOMER_ORDERS, {
          id: customerGid(customerId),
          first: clamp(first - orders.length, 1, MAX_FIRST.CustomerOrders),
          after,
        });
        if (!customer) return [];
        orders.push(...customer.orders.nodes.map(toOrder));
        after = customer.orders.pageInfo.hasNextPage ? customer.orders.pageInfo.endCursor : null;
      } while (after && orders.length < first);
      return orders;
    },

    async customersByIds(ids) {
      const gids = [...new Set(ids.map(customerGid))];
      const found = new Map<string, CustomerContact>();
      if (gids.length === 0) return found;
      const { nodes } = await send<{
        nodes: ({ id: string; displayName: string; defaultEmailAddress: { emailAddress: string } | null } | null)[];
      }>(CUSTOMERS_BY_IDS, { ids: gids });
      for (const node of nodes)
        if (node?.id)
          found.set(node.id, { name: node.displayName, email: node.defaultEmailAddress?.emailAddress ?? null });
      return found;
    },

    async searchProducts(search) {
      const { nodes } = await searchPage(productSearchQuery(search), search.first ?? MAX_FIRST.SearchProducts, null);
      return nodes.map(toProduct);
    },

    async productByHandle(handle) {
      const { productByIdentifier: product } = await send<{ productByIdentifier: ProductNode | null }>(
        PRODUCT_BY_HANDLE,
        { handle },
      );
      return product?.status === "ACTIVE" ? toProduct(product) : null;
    },

    activeCatalog() {
      catalog ??= loadActiveCatalog().catch((error: unknown) => {
        catalog = null; // let the next call retry
        throw error;
      });
      return catalog;
    },

    async discountByCode(code) {
      if (!code.trim()) return null;
      const { codeDiscountNodeByCode: node } = await send<{ codeDiscountNodeByCode: DiscountNode | null }>(
        DISCOUNT_BY_CODE,
        { code: code.trim() },
      );
      return node ? toDiscount(node) : null;
    },

    async runningAndScheduledDiscounts() {
      const { running, scheduled } = await send<{
        running: { nodes: ListedDiscountNode[] };
        scheduled: { nodes: ListedDiscountNode[] };
      }>(RUNNING_AND_SCHEDULED_DISCOUNTS, { first: MAX_FIRST.RunningAndScheduledDiscounts });
      return [...running.nodes, ...scheduled.nodes].map(toListedDiscount);
    },

    async cancelOrder(orderId, reason) {
      const { orderCancel } = await send<{
        orderCancel: { job: { id: string; done: boolean } | null; orderCancelUserErrors: UserErrorNode[] } | null;
      }>(ORDER_CANCEL, {
        orderId,
        reason,
        refundMethod: { originalPaymentMethodsRefund: true },
        restock: true,
        notifyCustomer: true,
        staffNote: "Canceled by the support chat at the shopper's request.",
      });
      if (!orderCancel) return { ok: false, message: "The order could not be canceled." };
      if (orderCancel.orderCancelUserErrors.length) return failure(orderCancel.orderCancelUserErrors);
      // Shopify cancels in a background job: until it is done the order may not show it yet.
      return { ok: true, jobId: orderCancel.job?.id ?? null, jobDone: orderCancel.job?.done ?? true };
    },

    async requestReturn(orderId, lines, reason, customerNote) {
      const { returnRequest } = await send<{
        returnRequest: {
          return: { id: string; name: string; status: string } | null;
          userErrors: UserErrorNode[];
        } | null;
      }>(RETURN_REQUEST, {
        input: {
          orderId,
          returnLineItems: lines.map((line) => ({
            fulfillmentLineItemId: line.fulfillmentLineItemId,
            quantity: line.quantity,
            // Deprecated in favour of returnReasonDefinitionId, which would need a lookup first; still accepted.
            returnReason: reason,
            customerNote,
          })),
        },
      });
      if (returnRequest?.userErrors.length) return failure(returnRequest.userErrors);
      if (!returnRequest?.return) return { ok: false, message: "The return could not be requested." };
      const created = returnRequest.return;
      return { ok: true, returnId: created.id, returnName: created.name, status: created.status };
    },

    async updateShippingAddress(orderId, address) {
      const { orderUpdate } = await send<{
        orderUpdate: { order: { shippingAddress: AddressNode | null } | null; userErrors: UserErrorNode[] } | null;
      }>(ORDER_UPDATE_SHIPPING_ADDRESS, {
        input: {
          id: orderId,
          shippingAddress: {
            firstName: address.firstName ?? undefined,
            lastName: address.lastName ?? undefined,
            address1: address.address1,
            address2: address.address2 ?? null,
            city: address.city,
            provinceCode: address.provinceCode ?? null,
            zip: address.zip,
            countryCode: address.countryCode.toUpperCase(),
            phone: address.phone ?? undefined,
          },
        },
      });
      if (orderUpdate?.userErrors.length) return failure(orderUpdate.userErrors);
      if (!orderUpdate?.order) return { ok: false, message: "The shipping address could not be changed." };
      return { ok: true, shippingAddress: toAddress(orderUpdate.order.shippingAddress) };
    },

    async publishBubbleAppearance(appearance) {
      const { currentAppInstallation } = await send<{ currentAppInstallation: { id: string } }>(APP_INSTALLATION);
      const { metafieldsSet } = await send<{ metafieldsSet: { userErrors: UserErrorNode[] } | null }>(
        SET_APP_METAFIELDS,
        {
          metafields: [
            {
              ownerId: currentAppInstallation.id,
              ...BUBBLE_METAFIELD,
              type: "json",
              value: JSON.stringify(appearance),
            },
          ],
        },
      );
      if (metafieldsSet?.userErrors.length) return failure(metafieldsSet.userErrors);
      return metafieldsSet ? { ok: true } : { ok: false, message: "The bubble's appearance could not be published." };
    },

    async bubbleAppearance() {
      const { currentAppInstallation } = await send<{
        currentAppInstallation: { metafield: { jsonValue: BubbleAppearance } | null };
      }>(APP_BUBBLE_METAFIELD, BUBBLE_METAFIELD);
      return currentAppInstallation.metafield?.jsonValue ?? null;
    },

    async orderNames(orderIds) {
      const names: string[] = [];
      for (let start = 0; start < orderIds.length; start += ORDER_NAMES_PER_QUERY) {
        const ids = orderIds
          .slice(start, start + ORDER_NAMES_PER_QUERY)
          .map((id) => (String(id).startsWith("gid://") ? String(id) : `gid://shopify/Order/${id}`));
        const { nodes } = await send<{ nodes: ({ name?: string } | null)[] }>(ORDER_NAMES, { ids });
        for (const node of nodes) if (node?.name) names.push(node.name);
      }
      return names;
    },
  };
}

/** Shopify's limit for nodes(ids:) is 250. */
const ORDER_NAMES_PER_QUERY = 100;

// ---------------------------------------------------------------------------------------------
// Transport

interface GraphqlErrorNode {
  message: string;
  extensions?: { code?: string };
}

/**
 * One document, with Shopify's rate limits respected: a THROTTLED answer waits until the cost
 * bucket has refilled enough (from the cost extension), a 429 honours Retry-After, 5xx and
 * timeouts back off exponentially; after `retries` more attempts the error goes to the caller.
 */
async function sendDocument<T>(
  graphql: AdminGraphql,
  document: string,
  variables: Record<string, unknown> | undefined,
  options: TransportOptions,
): Promise<T> {
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { signal } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce<T>(graphql, document, variables, options.timeoutMs ?? 8_000, signal);
    } catch (error) {
      const failure = commerceErrorFrom(error);
      if (!failure.retryable || attempt >= retries || signal?.aborted) throw failure;
      await Promise.race([sleep(Math.min(10_000, failure.retryAfterMs ?? 250 * 2 ** attempt)), whenAborted(signal)]);
    }
  }
}

/** Settles when the signal aborts (never without one). */
function whenAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true }));
}

async function sendOnce<T>(
  graphql: AdminGraphql,
  document: string,
  variables: Record<string, unknown> | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  const deadlinePassed = () => new CommerceError("HTTP", "Admin API call abandoned: the caller's deadline passed");
  if (signal?.aborted) throw deadlinePassed();
  let response: Response;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CommerceError("HTTP", `Admin API did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const abandoned = whenAborted(signal).then(() => Promise.reject(deadlinePassed()));
    const options =
      variables || signal ? { ...(variables ? { variables } : {}), ...(signal ? { signal } : {}) } : undefined;
    response = await Promise.race([graphql(document, options), timeout, abandoned]);
  } catch (error) {
    throw commerceErrorFrom(error);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new CommerceError(
      response.status === 429 ? "THROTTLED" : "HTTP",
      `Admin API answered HTTP ${response.status}`,
      {
        status: response.status,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      },
    );
  }
  let body: { data?: T | null; errors?: GraphqlErrorNode[] | string; extensions?: { cost?: CostExtension } };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new CommerceError("HTTP", "Admin API answered with a body that isn't JSON", {
      status: response.status,
      cause: error,
    });
  }
  if (body.errors)
    throw graphqlFailure(
      typeof body.errors === "string" ? [{ message: body.errors }] : body.errors,
      undefined,
      body.extensions?.cost,
    );
  if (!body.data) throw new CommerceError("GRAPHQL", "Admin API answered without data");
  return body.data;
}

interface CostExtension {
  requestedQueryCost?: number;
  throttleStatus?: { currentlyAvailable: number; restoreRate: number };
}

function graphqlFailure(errors: GraphqlErrorNode[], cause?: unknown, cost?: CostExtension): CommerceError {
  const throttled = errors.some((error) => error.extensions?.code === "THROTTLED");
  const message = errors.map((error) => error.message).join("; ") || "GraphQL request failed";
  // Wait until the bucket holds what this query needs: (requested − available) / restore rate.
  const status = cost?.throttleStatus;
  const retryAfterMs =
    throttled && status && cost?.requestedQueryCost !== undefined && status.restoreRate > 0
      ? Math.max(0, ((cost.requestedQueryCost - status.currentlyAvailable) / status.restoreRate) * 1000)
      : undefined;
  return new CommerceError(throttled ? "THROTTLED" : "GRAPHQL", message, { cause, status: 200, retryAfterMs });
}

/**
 * shopify-app-remix's `admin.graphql` throws instead of returning errors: GraphqlQueryError
 * (`body.errors.graphQLErrors`) for rejected queries, HttpResponseError (`response.code`) for HTTP.
 */
function commerceErrorFrom(error: unknown): CommerceError {
  if (error instanceof CommerceError) return error;
  const thrown = error as {
    message?: string;
    body?: { errors?: { graphQLErrors?: GraphqlErrorNode[] } };
    response?: { code?: unknown };
  };
  const graphQLErrors = thrown?.body?.errors?.graphQLErrors;
  if (graphQLErrors?.length) return graphqlFailure(graphQLErrors, error);
  const status = typeof thrown?.response?.code === "number" ? thrown.response.code : undefined;
  return new CommerceError(
    status === 429 ? "THROTTLED" : "HTTP",
    `Admin API request failed: ${thrown?.message ?? String(error)}`,
    {
      status,
      cause: error,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Search queries

/**
 * `status:active` plus the shopper's words, each quoted so it stays plain text: typed syntax
 * (`status:draft`, `-tag:x`, `OR`) can't change what the query selects.
 */
export function productSearchQuery({ text, maxPrice, minPrice }: Omit<ProductSearch, "first">): string {
  const terms = ["status:active"];
  const words = (text ?? "").split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  for (const word of words.slice(0, MAX_SEARCH_WORDS)) terms.push(quoteSearchValue(word));
  if (isPrice(maxPrice)) terms.push(`price:<=${maxPrice.toFixed(2)}`);
  if (isPrice(minPrice)) terms.push(`price:>=${minPrice.toFixed(2)}`);
  return terms.join(" ");
}

function quoteSearchValue(value: string): string {
  // Control characters are what this strips, on purpose: they cannot appear in a search value.
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\u0000-\u001f]/g, "").replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

function isPrice(value: number | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** The app proxy and webhooks report customers by numeric ID; the Admin API (and our records) use GIDs. */
export function customerGid(customerId: string): string {
  return /^\d+$/.test(customerId) ? `gid://shopify/Customer/${customerId}` : customerId;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}

// ---------------------------------------------------------------------------------------------
// Response shapes (what documents.ts selects) and their mapping to domain types

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface MoneyNode {
  amount: string;
  currencyCode: string;
}

interface MoneyBagNode {
  shopMoney: MoneyNode;
}

interface UserErrorNode {
  field: string[] | null;
  message: string;
}

interface ShopNode {
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomain: { url: string };
  currencyCode: string;
  shipsToCountries: string[];
  ianaTimezone: string;
  orderNumberFormatPrefix: string;
  orderNumberFormatSuffix: string;
  shopPolicies: { type: string; title: string; body: string; url: string }[];
}

interface PageNode {
  title: string;
  handle: string;
  body: string;
  isPublished: boolean;
}

interface AddressNode {
  name: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCodeV2: string | null;
}

interface OrderNode {
  id: string;
  name: string;
  email: string | null;
  customer: { id: string } | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  note: string | null;
  tags: string[];
  currencyCode: string;
  subtotalPriceSet: MoneyBagNode | null;
  totalShippingPriceSet: MoneyBagNode;
  totalTaxSet: MoneyBagNode | null;
  totalPriceSet: MoneyBagNode;
  totalRefundedSet: MoneyBagNode;
  discountCodes: string[];
  shippingLine: { title: string } | null;
  shippingAddress: AddressNode | null;
  lineItems: {
    nodes: {
      id: string;
      title: string;
      variantTitle: string | null;
      sku: string | null;
      quantity: number;
      unfulfilledQuantity: number;
      product: { id: string } | null;
      variant: { id: string } | null;
      originalUnitPriceSet: MoneyBagNode;
      requiresShipping: boolean;
      isGiftCard: boolean;
    }[];
  };
  fulfillmentOrders: {
    nodes: { status: string; deliveryMethod: { methodType: string } | null; fulfillmentHolds: { reason: string }[] }[];
  };
  fulfillments: {
    id: string;
    status: string;
    displayStatus: string | null;
    createdAt: string;
    deliveredAt: string | null;
    estimatedDeliveryAt: string | null;
    inTransitAt: string | null;
    trackingInfo: { company: string | null; number: string | null; url: string | null }[];
    events: { nodes: { status: string; happenedAt: string; message: string | null }[] };
    fulfillmentLineItems: {
      nodes: {
        id: string;
        quantity: number | null;
        lineItem: { id: string; title: string; variantTitle: string | null };
      }[];
    };
  }[];
  refunds: { id: string; createdAt: string | null; note: string | null; totalRefundedSet: MoneyBagNode }[];
  returns: {
    nodes: {
      id: string;
      name: string;
      status: string;
      createdAt: string;
      closedAt: string | null;
      decline: { reason: string; note: string | null } | null;
      reverseFulfillmentOrders?: {
        nodes: {
          reverseDeliveries: {
            nodes: {
              deliverable: {
                tracking?: { carrierName: string | null; number: string | null; url: string | null } | null;
                label?: { createdAt: string | null } | null;
              } | null;
            }[];
          };
        }[];
      };
      returnLineItems: {
        nodes: { quantity: number; fulfillmentLineItem?: { id: string; lineItem: { id: string; title: string } } }[];
      };
    }[];
  };
}

interface CustomerOrdersData {
  customer: { orders: { nodes: OrderNode[]; pageInfo: PageInfo } } | null;
}

interface ProductNode {
  id: string;
  title: string;
  handle: string;
  status: Product["status"];
  productType: string;
  vendor: string;
  tags: string[];
  description: string;
  onlineStoreUrl: string | null;
  isGiftCard: boolean;
  featuredMedia: { preview: { image: { url: string } | null } | null } | null;
  options: { name: string; values: string[] }[];
  totalInventory: number;
  priceRangeV2: { minVariantPrice: MoneyNode; maxVariantPrice: MoneyNode };
  variants: {
    nodes: {
      id: string;
      title: string;
      sku: string | null;
      price: string;
      compareAtPrice: string | null;
      inventoryQuantity: number | null;
      availableForSale: boolean;
      selectedOptions: { name: string; value: string }[];
      inventoryItem: { requiresShipping: boolean } | null;
    }[];
  };
}

interface DiscountNode {
  id: string;
  codeDiscount: {
    title: string;
    status: Discount["status"];
    startsAt: string | null;
    endsAt: string | null;
    summary?: string;
    usageLimit: number | null;
    asyncUsageCount: number;
    appliesOncePerCustomer: boolean;
    minimumRequirement?: {
      greaterThanOrEqualToSubtotal?: { amount: string };
      greaterThanOrEqualToQuantity?: string;
    } | null;
    codes: { nodes: { code: string }[] };
  };
}

interface ListedDiscountNode {
  id: string;
  discount: {
    __typename: string;
    title: string;
    status: Discount["status"];
    startsAt: string | null;
    endsAt: string | null;
    summary?: string | null;
    context: { __typename: string };
    codes?: { nodes: { code: string }[] };
  };
}

function toOrder(order: OrderNode): Order {
  const currency = order.currencyCode;
  const bagAmount = (bag: MoneyBagNode | null) => formatAmount(bag?.shopMoney.amount ?? "0", currency);
  return {
    id: order.id,
    name: order.name,
    email: order.email,
    customerId: order.customer?.id ?? null,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    displayFinancialStatus: order.displayFinancialStatus,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    note: order.note,
    tags: order.tags,
    currencyCode: currency,
    subtotalPrice: bagAmount(order.subtotalPriceSet),
    totalShippingPrice: bagAmount(order.totalShippingPriceSet),
    totalTax: bagAmount(order.totalTaxSet),
    totalPrice: bagAmount(order.totalPriceSet),
    totalRefunded: bagAmount(order.totalRefundedSet),
    discountCodes: order.discountCodes,
    shippingLineTitle: order.shippingLine?.title ?? null,
    shippingAddress: toAddress(order.shippingAddress),
    lineItems: order.lineItems.nodes.map((lineItem) => ({
      id: lineItem.id,
      title: lineItem.title,
      variantTitle: lineItem.variantTitle,
      sku: lineItem.sku,
      quantity: lineItem.quantity,
      unfulfilledQuantity: lineItem.unfulfilledQuantity,
      productId: lineItem.product?.id ?? null,
      variantId: lineItem.variant?.id ?? null,
      originalUnitPrice: bagAmount(lineItem.originalUnitPriceSet),
      requiresShipping: lineItem.requiresShipping,
      isGiftCard: lineItem.isGiftCard,
    })),
    fulfillmentOrders: order.fulfillmentOrders.nodes.map((fulfillmentOrder) => ({
      status: fulfillmentOrder.status,
      deliveryMethod: fulfillmentOrder.deliveryMethod?.methodType ?? null,
      holdReasons: fulfillmentOrder.fulfillmentHolds.map((hold) => hold.reason),
    })),
    fulfillments: order.fulfillments.map((fulfillment) => ({
      id: fulfillment.id,
      status: fulfillment.status,
      displayStatus: fulfillment.displayStatus,
      createdAt: fulfillment.createdAt,
      deliveredAt: fulfillment.deliveredAt,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
      inTransitAt: fulfillment.inTransitAt,
      trackingInfo: fulfillment.trackingInfo,
      events: fulfillment.events.nodes,
      lines: fulfillment.fulfillmentLineItems.nodes.map((line) => ({
        fulfillmentLineItemId: line.id,
        lineItemId: line.lineItem.id,
        title: line.lineItem.title,
        variantTitle: line.lineItem.variantTitle,
        quantity: line.quantity ?? 0,
      })),
    })),
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      createdAt: refund.createdAt ?? order.createdAt,
      note: refund.note,
      totalRefunded: bagAmount(refund.totalRefundedSet),
    })),
    returns: order.returns.nodes.map((orderReturn) => ({
      id: orderReturn.id,
      name: orderReturn.name,
      status: orderReturn.status,
      createdAt: orderReturn.createdAt,
      closedAt: orderReturn.closedAt,
      decline: orderReturn.decline,
      // The labels the shopper sends the items back with (a deliverable that isn't shipping has no carrier).
      labels: (orderReturn.reverseFulfillmentOrders?.nodes ?? []).flatMap((rfo) =>
        rfo.reverseDeliveries.nodes.flatMap(({ deliverable }) =>
          deliverable?.tracking?.number || deliverable?.label?.createdAt
            ? [
                {
                  carrier: deliverable.tracking?.carrierName ?? null,
                  number: deliverable.tracking?.number ?? null,
                  url: deliverable.tracking?.url ?? null,
                  createdAt: deliverable.label?.createdAt ?? null,
                },
              ]
            : [],
        ),
      ),
      // Unverified return lines (no fulfillment line item) can't be tied to what was bought.
      lines: orderReturn.returnLineItems.nodes.flatMap((line) =>
        line.fulfillmentLineItem
          ? [
              {
                lineItemId: line.fulfillmentLineItem.lineItem.id,
                title: line.fulfillmentLineItem.lineItem.title,
                quantity: line.quantity,
              },
            ]
          : [],
      ),
    })),
  };
}

function toAddress(address: AddressNode | null): Address | null {
  if (!address) return null;
  return {
    name: address.name,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: address.country,
    countryCode: address.countryCodeV2,
  };
}

function toProduct(product: ProductNode): Product {
  const currency = product.priceRangeV2.minVariantPrice.currencyCode;
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    productType: product.productType,
    vendor: product.vendor,
    tags: product.tags,
    description: htmlToText(product.description),
    onlineStoreUrl: product.onlineStoreUrl,
    imageUrl: product.featuredMedia?.preview?.image?.url ?? null,
    isGiftCard: product.isGiftCard,
    options: product.options,
    // Shopify reports 0 when no variant tracks stock (gift cards): that isn't "sold out".
    totalInventory: product.variants.nodes.every((variant) => variant.inventoryQuantity === null)
      ? null
      : product.totalInventory,
    priceRange: {
      min: formatAmount(product.priceRangeV2.minVariantPrice.amount, currency),
      max: formatAmount(product.priceRangeV2.maxVariantPrice.amount, currency),
    },
    variants: product.variants.nodes.map(({ inventoryItem, ...variant }) => ({
      ...variant,
      requiresShipping: inventoryItem?.requiresShipping ?? true,
      price: formatAmount(variant.price, currency),
      compareAtPrice: variant.compareAtPrice === null ? null : formatAmount(variant.compareAtPrice, currency),
    })),
  };
}

function toDiscount(node: DiscountNode): Discount {
  const discount = node.codeDiscount;
  const minimum = discount.minimumRequirement;
  return {
    id: node.id,
    code: discount.codes.nodes[0]?.code ?? "",
    title: discount.title,
    status: discount.status,
    startsAt: discount.startsAt,
    endsAt: discount.endsAt,
    summary: discount.summary ?? null,
    usageLimit: discount.usageLimit,
    usageCount: discount.asyncUsageCount,
    appliesOncePerCustomer: discount.appliesOncePerCustomer,
    minimumSubtotal: minimum?.greaterThanOrEqualToSubtotal?.amount ?? null,
    minimumQuantity: minimum?.greaterThanOrEqualToQuantity ? Number(minimum.greaterThanOrEqualToQuantity) : null,
  };
}

function toListedDiscount(node: ListedDiscountNode): ListedDiscount {
  const discount = node.discount;
  return {
    id: node.id,
    // Automatic discounts have no `codes`; a code discount always has one.
    code: discount.codes ? (discount.codes.nodes[0]?.code ?? "") : null,
    title: discount.title,
    status: discount.status,
    startsAt: discount.startsAt,
    endsAt: discount.endsAt,
    summary: discount.summary ?? null,
    forEveryone: discount.context.__typename === "DiscountBuyerSelectionAll",
  };
}

function failure(errors: UserErrorNode[]): { ok: false; message: string } {
  return { ok: false, message: errors.map((error) => error.message).join(" ") };
}

const fractionDigitsByCurrency = new Map<string, number>();

/** Shopify's Decimal comes as "229.0"; the domain wants the currency's usual digits ("229.00"). */
export function formatAmount(amount: string, currencyCode: string): string {
  let digits = fractionDigitsByCurrency.get(currencyCode);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not an ISO currency code
    }
    fractionDigitsByCurrency.set(currencyCode, digits);
  }
  const value = Number(amount);
  return Number.isFinite(value) ? value.toFixed(digits) : amount;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  bull: "•",
};

/** Plain text from Shopify HTML (policy bodies, descriptions): paragraphs and list items kept as lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "- ")
    .replace(/<\/li\s*>/gi, "\n")
    .replace(/<\/(p|div|ul|ol|h[1-6]|blockquote|table|tr)\s*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const codePoint = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The order number in what the shopper or the bot wrote: bare digits, "#1042", or the shop's own
 * order name ("FR-1042", "MX1042-W", any case); null for anything else.
 */
export function orderDigits(written: string, format: OrderNameFormat): string | null {
  const text = written.trim();
  const bare = /^#?\s*(\d{1,15})$/.exec(text);
  if (bare) return bare[1];
  const named = new RegExp(`^${escapeRegExp(format.prefix)}\\s?(\\d{1,15})${escapeRegExp(format.suffix)}$`, "i").exec(
    text,
  );
  return named ? named[1] : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
