/**
 * Domain shapes the chat pipeline works with. They are read from Admin GraphQL responses by
 * app/commerce/store.ts, never from the snapshot directly, so the demo store and a real shop
 * look the same to the bot.
 */

/** The signature of `admin.graphql` from @shopify/shopify-app-remix: the one way to talk to Shopify. */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown> },
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

export interface ShopInfo {
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomainUrl: string;
  currencyCode: string;
  shipsToCountries: string[];
  policies: ShopPolicy[];
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
  lines: FulfillmentLine[];
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
}
