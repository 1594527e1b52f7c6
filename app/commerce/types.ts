/**
 * Domain shapes the chat pipeline works with. They are read from Admin GraphQL responses by
 * app/commerce/store.ts, never from the snapshot directly, so the demo store and a real shop
 * look the same to the bot.
 */

/** The signature of `admin.graphql` from @shopify/shopify-app-remix: the one way to talk to Shopify. */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
) => Promise<Response>;

export interface Money {
  amount: string; // decimal string, e.g. "229.00"
  currencyCode: string;
}

export interface ShopPolicy {
  type: string; // REFUND_POLICY, SHIPPING_POLICY, PRIVACY_POLICY, TERMS_OF_SERVICE, …
  title: string;
  body: string; // plain text (HTML stripped)
  url: string;
}

/** An Online Store page (size guide, care instructions, about us) as plain text. */
export interface ShopPage {
  title: string;
  handle: string;
  body: string; // plain text (HTML stripped)
  url: string;
}

export interface ShopInfo {
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomainUrl: string;
  currencyCode: string;
  shipsToCountries: string[];
  policies: ShopPolicy[];
  /** The shop's IANA time zone ("Europe/Paris"): "today" and dates are the shop's. */
  timezone: string;
  /** What Shopify puts around an order's number: "#" + 1042, "FR-" + 1042, 1042 + "-W". */
  orderNameFormat: OrderNameFormat;
}

export interface OrderNameFormat {
  prefix: string;
  suffix: string;
}

export interface Address {
  name: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
}

export interface Variant {
  id: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number | null;
  availableForSale: boolean;
  selectedOptions: { name: string; value: string }[];
  /** false for goods that reach the shopper without a parcel (courses, e-books, gift cards); absent: it ships. */
  requiresShipping?: boolean;
}

export interface Product {
  id: string;
  title: string;
  handle: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED" | "UNLISTED";
  productType: string;
  vendor: string;
  tags: string[];
  description: string;
  onlineStoreUrl: string | null;
  imageUrl: string | null;
  /** Its variants are amounts to give, not options of one thing. */
  isGiftCard: boolean;
  options: { name: string; values: string[] }[];
  totalInventory: number | null;
  priceRange: { min: string; max: string };
  variants: Variant[];
}

export interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentLine {
  /** What returnRequest needs to name this line. */
  fulfillmentLineItemId: string;
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
}

export interface Fulfillment {
  id: string;
  status: string; // SUCCESS, CANCELLED, …
  displayStatus: string | null; // IN_TRANSIT, DELIVERED, OUT_FOR_DELIVERY, ATTEMPTED_DELIVERY, FAILURE, …
  createdAt: string;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  inTransitAt: string | null;
  trackingInfo: TrackingInfo[];
  /** Carrier scans, newest first (e.g. a DELAYED event explains a late parcel). */
  events: FulfillmentEvent[];
  lines: FulfillmentLine[];
}

export interface FulfillmentEvent {
  status: string; // IN_TRANSIT, DELAYED, ATTEMPTED_DELIVERY, FAILURE, …
  happenedAt: string;
  message: string | null;
}

export interface LineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Quantity not yet fulfilled. */
  unfulfilledQuantity: number;
  productId: string | null;
  variantId: string | null;
  originalUnitPrice: string;
  /** False for what is delivered without a parcel: gift cards, courses, e-books. */
  requiresShipping: boolean;
  isGiftCard: boolean;
}

/** Shopify's plan for fulfilling part of an order: how it travels and why it may be held. */
export interface FulfillmentOrderInfo {
  status: string; // OPEN, IN_PROGRESS, ON_HOLD, SCHEDULED, CLOSED, CANCELLED, INCOMPLETE
  /** SHIPPING, PICK_UP, PICKUP_POINT, LOCAL, RETAIL, NONE; null when Shopify doesn't say. */
  deliveryMethod: string | null;
  /** FulfillmentHoldReason values: HIGH_RISK_OF_FRAUD, AWAITING_PAYMENT, INCORRECT_ADDRESS, … */
  holdReasons: string[];
}

export interface Refund {
  id: string;
  createdAt: string;
  note: string | null;
  totalRefunded: string;
}

export interface ReturnInfo {
  id: string;
  name: string;
  status: string; // REQUESTED, OPEN, CLOSED, DECLINED, …
  createdAt: string;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null; // reason: FINAL_SALE, RETURN_PERIOD_ENDED, OTHER
  /** Return labels (reverse deliveries): the carrier, tracking number and when the label was made. */
  labels?: { carrier: string | null; number: string | null; url: string | null; createdAt: string | null }[];
  lines: { lineItemId: string; title: string; quantity: number }[];
}

export interface Order {
  id: string;
  name: string; // "#1006"
  email: string | null;
  customerId: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  note: string | null;
  tags: string[];
  currencyCode: string;
  subtotalPrice: string;
  totalShippingPrice: string;
  totalTax: string;
  totalPrice: string;
  totalRefunded: string;
  discountCodes: string[];
  shippingLineTitle: string | null;
  shippingAddress: Address | null;
  lineItems: LineItem[];
  fulfillments: Fulfillment[];
  fulfillmentOrders: FulfillmentOrderInfo[];
  refunds: Refund[];
  returns: ReturnInfo[];
}

export interface Customer {
  id: string;
  displayName: string;
  email: string | null;
}

export interface Discount {
  id: string;
  code: string;
  title: string;
  status: "ACTIVE" | "EXPIRED" | "SCHEDULED";
  startsAt: string | null;
  endsAt: string | null;
  summary: string | null;
  usageLimit: number | null;
  usageCount: number;
  appliesOncePerCustomer: boolean;
  minimumSubtotal: string | null;
  minimumQuantity: number | null;
}

/** One of the shop's running or scheduled discounts, as its discount list (discountNodes) shows it. */
export interface ListedDiscount {
  id: string;
  /** null for an automatic discount: it applies at checkout without a code. */
  code: string | null;
  title: string;
  status: Discount["status"];
  startsAt: string | null;
  endsAt: string | null;
  summary: string | null;
  /** Offered to every buyer, rather than to chosen customers, segments or markets. */
  forEveryone: boolean;
}

/** Outcome of a confirm-first action: `message` is Shopify's user error, safe to paraphrase. */
export type ActionResult<Success extends object = object> = ({ ok: true } & Success) | { ok: false; message: string };

export type OrderCancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";

export type ReturnReason =
  | "COLOR"
  | "DEFECTIVE"
  | "NOT_AS_DESCRIBED"
  | "OTHER"
  | "SIZE_TOO_LARGE"
  | "SIZE_TOO_SMALL"
  | "STYLE"
  | "UNKNOWN"
  | "UNWANTED"
  | "WRONG_ITEM";

/** A new shipping address as the shopper gives it; codes are ISO (countryCode "US", provinceCode "OR"). */
export interface ShippingAddressInput {
  firstName?: string | null;
  lastName?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  provinceCode?: string | null;
  zip: string;
  countryCode: string;
  phone?: string | null;
}
