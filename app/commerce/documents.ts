/**
 * Every Admin GraphQL document the app sends (API version 2026-07). Each exported string is one
 * named operation; tests/commerce/documents.test.ts validates all of them against the real schema
 * and checks their requested cost stays under Shopify's 1000-point single-query limit.
 *
 * Page sizes are part of that budget: an order with its line items, fulfillments and returns
 * costs ~160 points, so raising a nested `first` or MAX_FIRST below must keep the test green.
 */

/** The largest `$first` the app passes per operation (see the cost test); more means more pages. */
export const MAX_FIRST = {
  CustomerOrders: 5,
  SearchProducts: 8,
  ShopPages: 50,
  RunningAndScheduledDiscounts: 25,
} as const;

const MONEY_BAG_FIELDS = `#graphql
  fragment MoneyBagFields on MoneyBag {
    shopMoney { amount currencyCode }
  }
`;

/** Read by toAddress in store.ts, for orders and for the address an orderUpdate returns. */
const ADDRESS_FIELDS = `#graphql
  fragment AddressFields on MailingAddress {
    name firstName lastName address1 address2 city province provinceCode zip country countryCodeV2 phone
  }
`;

const ORDER_FIELDS = `#graphql
  fragment OrderFields on Order {
    id
    name
    email
    customer { id }
    createdAt
    cancelledAt
    cancelReason
    displayFinancialStatus
    displayFulfillmentStatus
    note
    tags
    currencyCode
    subtotalPriceSet { ...MoneyBagFields }
    totalShippingPriceSet { ...MoneyBagFields }
    totalTaxSet { ...MoneyBagFields }
    totalPriceSet { ...MoneyBagFields }
    totalRefundedSet { ...MoneyBagFields }
    discountCodes
    shippingLine { title }
    shippingAddress { ...AddressFields }
    lineItems(first: 10) {
      nodes {
        id title variantTitle sku quantity unfulfilledQuantity requiresShipping isGiftCard
        product { id }
        variant { id }
        originalUnitPriceSet { ...MoneyBagFields }
      }
    }
    fulfillments(first: 10) {
      id status displayStatus createdAt deliveredAt estimatedDeliveryAt inTransitAt
      trackingInfo { company number url }
      events(first: 5, sortKey: HAPPENED_AT, reverse: true) {
        nodes { status happenedAt message }
      }
      fulfillmentLineItems(first: 10) {
        nodes {
          id
          quantity
          lineItem { id title variantTitle }
        }
      }
    }
    fulfillmentOrders(first: 3) {
      nodes {
        status
        deliveryMethod { methodType }
        fulfillmentHolds { reason }
      }
    }
    refunds(first: 10) {
      id createdAt note
      totalRefundedSet { ...MoneyBagFields }
    }
    returns(first: 3, reverse: true) {
      nodes {
        id name status createdAt closedAt
        decline { reason note }
        reverseFulfillmentOrders(first: 1) {
          nodes {
            reverseDeliveries(first: 1) {
              nodes {
                deliverable {
                  ... on ReverseDeliveryShippingDeliverable {
                    tracking { carrierName number url }
                    label { createdAt }
                  }
                }
              }
            }
          }
        }
        returnLineItems(first: 5) {
          nodes {
            quantity
            ... on ReturnLineItem {
              fulfillmentLineItem { id lineItem { id title } }
            }
          }
        }
      }
    }
  }
  ${MONEY_BAG_FIELDS}
  ${ADDRESS_FIELDS}
`;

const PRODUCT_FIELDS = `#graphql
  fragment ProductFields on Product {
    id
    title
    handle
    status
    productType
    vendor
    tags
    description
    onlineStoreUrl
    isGiftCard
    featuredMedia { preview { image { url(transform: { maxWidth: 160, maxHeight: 160 }) } } }
    options { name values }
    totalInventory
    priceRangeV2 {
      minVariantPrice { amount currencyCode }
      maxVariantPrice { amount currencyCode }
    }
    variants(first: 30) {
      nodes {
        id title sku price compareAtPrice inventoryQuantity availableForSale
        selectedOptions { name value }
        inventoryItem { requiresShipping }
      }
    }
  }
`;

export const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name
      email
      myshopifyDomain
      primaryDomain { url }
      currencyCode
      shipsToCountries
      ianaTimezone
      orderNumberFormatPrefix
      orderNumberFormatSuffix
      shopPolicies { type title body url }
    }
  }
`;

/** The shop's Online Store pages (size guides, care, about, FAQ pages): text the bot may quote. */
export const SHOP_PAGES = `#graphql
  query ShopPages($first: Int!) {
    pages(first: $first, sortKey: UPDATED_AT, reverse: true) {
      nodes { title handle body isPublished }
    }
  }
`;

export const ORDER_BY_NAME = `#graphql
  query OrderByName($query: String!) {
    orders(first: 1, query: $query) {
      nodes { ...OrderFields }
    }
  }
  ${ORDER_FIELDS}
`;

export const CUSTOMER_ORDERS = `#graphql
  query CustomerOrders($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      orders(first: $first, after: $after, sortKey: CREATED_AT, reverse: true) {
        nodes { ...OrderFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ORDER_FIELDS}
`;

/** Names and emails of customers, for the merchant's admin (the hand-off inbox). */
export const CUSTOMERS_BY_IDS = `#graphql
  query CustomersByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Customer { id displayName defaultEmailAddress { emailAddress } }
    }
  }
`;

export const SEARCH_PRODUCTS = `#graphql
  query SearchProducts($query: String, $first: Int!, $after: String) {
    products(first: $first, query: $query, after: $after) {
      nodes { ...ProductFields }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${PRODUCT_FIELDS}
`;

export const PRODUCT_BY_HANDLE = `#graphql
  query ProductByHandle($handle: String!) {
    productByIdentifier(identifier: { handle: $handle }) { ...ProductFields }
  }
  ${PRODUCT_FIELDS}
`;

// DiscountCode is a union without a shared interface, so each member repeats the selection;
// app discounts have no summary, and only basic and free-shipping ones have a minimum.
const DISCOUNT_CODE_FIELDS = `
  title status startsAt endsAt usageLimit asyncUsageCount appliesOncePerCustomer
  codes(first: 1) { nodes { code } }
`;
const MINIMUM_REQUIREMENT = `
  minimumRequirement {
    ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount } }
    ... on DiscountMinimumQuantity { greaterThanOrEqualToQuantity }
  }
`;

export const DISCOUNT_BY_CODE = `#graphql
  query DiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        ... on DiscountCodeBasic { ${DISCOUNT_CODE_FIELDS} summary ${MINIMUM_REQUIREMENT} }
        ... on DiscountCodeFreeShipping { ${DISCOUNT_CODE_FIELDS} summary ${MINIMUM_REQUIREMENT} }
        ... on DiscountCodeBxgy { ${DISCOUNT_CODE_FIELDS} summary }
        ... on DiscountCodeApp { ${DISCOUNT_CODE_FIELDS} }
      }
    }
  }
`;

// The shop's list of discounts, code and automatic alike; the two statuses are two aliased
// filters, since Shopify's search syntax ANDs terms. `context` says who a discount is for.
const LISTED_DISCOUNT_FIELDS = `title status startsAt endsAt context { __typename }`;
const LISTED_DISCOUNTS = `
  nodes {
    id
    discount {
      __typename
      ... on DiscountCodeBasic { ${LISTED_DISCOUNT_FIELDS} summary codes(first: 1) { nodes { code } } }
      ... on DiscountCodeFreeShipping { ${LISTED_DISCOUNT_FIELDS} summary codes(first: 1) { nodes { code } } }
      ... on DiscountCodeBxgy { ${LISTED_DISCOUNT_FIELDS} summary codes(first: 1) { nodes { code } } }
      ... on DiscountCodeApp { ${LISTED_DISCOUNT_FIELDS} codes(first: 1) { nodes { code } } }
      ... on DiscountAutomaticBasic { ${LISTED_DISCOUNT_FIELDS} summary }
      ... on DiscountAutomaticFreeShipping { ${LISTED_DISCOUNT_FIELDS} summary }
      ... on DiscountAutomaticBxgy { ${LISTED_DISCOUNT_FIELDS} summary }
      ... on DiscountAutomaticApp { ${LISTED_DISCOUNT_FIELDS} }
    }
  }
`;

export const RUNNING_AND_SCHEDULED_DISCOUNTS = `#graphql
  query RunningAndScheduledDiscounts($first: Int!) {
    running: discountNodes(first: $first, query: "status:active", sortKey: ENDS_AT) { ${LISTED_DISCOUNTS} }
    scheduled: discountNodes(first: $first, query: "status:scheduled", sortKey: STARTS_AT) { ${LISTED_DISCOUNTS} }
  }
`;

export const ORDER_CANCEL = `#graphql
  mutation OrderCancel(
    $orderId: ID!
    $reason: OrderCancelReason!
    $refundMethod: OrderCancelRefundMethodInput
    $restock: Boolean!
    $notifyCustomer: Boolean
    $staffNote: String
  ) {
    orderCancel(
      orderId: $orderId
      reason: $reason
      refundMethod: $refundMethod
      restock: $restock
      notifyCustomer: $notifyCustomer
      staffNote: $staffNote
    ) {
      job { id done }
      orderCancelUserErrors { field message code }
    }
  }
`;

export const RETURN_REQUEST = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return { id name status }
      userErrors { field message code }
    }
  }
`;

export const ORDER_UPDATE_SHIPPING_ADDRESS = `#graphql
  mutation OrderUpdateShippingAddress($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        shippingAddress { ...AddressFields }
      }
      userErrors { field message }
    }
  }
  ${ADDRESS_FIELDS}
`;

/** The app's own installation: owner of the app-data metafields the app embed reads. */
export const APP_INSTALLATION = `#graphql
  query AppInstallation {
    currentAppInstallation { id }
  }
`;

export const SET_APP_METAFIELDS = `#graphql
  mutation SetAppMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { namespace key }
      userErrors { field message }
    }
  }
`;

/** The bubble's appearance as the app last published it (what the app embed's Liquid reads). */
export const APP_BUBBLE_METAFIELD = `#graphql
  query AppBubbleMetafield($namespace: String!, $key: String!) {
    currentAppInstallation {
      metafield(namespace: $namespace, key: $key) { jsonValue }
    }
  }
`;

/** Order names ("#1014") for the order ids a privacy webhook names. */
export const ORDER_NAMES = `#graphql
  query OrderNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order { id name }
    }
  }
`;
