/**
 * The local demo store: a stand-in for one Shopify shop's Admin GraphQL API, backed by the
 * snapshot in demo/demo-store.json. It executes the app's real documents with graphql-js against
 * the real 2026-07 Admin schema, so anything the app sends that Shopify would reject (unknown
 * field, wrong argument, cost over the limit) is rejected here too, and mutations change the
 * in-memory store so a later read sees them.
 *
 * How: at load the snapshot is turned into schema-shaped objects (money as MoneyBag, links as
 * object references, lists where the schema has connections); one field resolver then serves
 * every field: root fields and mutations from the tables below, connections from arrays, the
 * rest by property name.
 */
import { readFileSync } from "node:fs";
import {
  GraphQLError,
  execute as executeDocument,
  getNamedType,
  getOperationAST,
  getNullableType,
  isCompositeType,
  isEnumType,
  isListType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLTypeResolver,
} from "graphql";
import {
  ADMIN_API_VERSION,
  MAX_SINGLE_QUERY_COST,
  MUTATION_COST,
  isConnectionType,
  loadAdminSchema,
  requestedQueryCost,
} from "../app/commerce/admin-schema";
import type { AdminGraphql, Variant } from "../app/commerce/types";
import { orderNameFormat, timeZoneOfAddress } from "./shop-defaults";

// ---------------------------------------------------------------------------------------------
// Snapshot format (demo/demo-store.json)

export interface SnapshotAddress {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCodeV2: string | null;
  phone?: string | null;
}

export interface SnapshotProduct {
  id: string;
  title: string;
  handle: string;
  productType: string;
  vendor: string;
  status: string;
  tags: string[];
  description: string;
  onlineStoreUrl: string | null;
  isGiftCard?: boolean;
  /** Optional; becomes the product's featured image. */
  imageUrl?: string | null;
  options: { name: string; values: string[] }[];
  /** null when stock isn't tracked (gift cards). */
  totalInventory: number | null;
  /** The same shape the app reads from Shopify, with Shopify's inventoryItem.requiresShipping. */
  variants: (Variant & { inventoryItem?: { requiresShipping?: boolean } })[];
}

export interface SnapshotCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  email: string | null;
  phone?: string | null;
  createdAt: string;
  defaultAddress?: SnapshotAddress | null;
}

export interface SnapshotOrder {
  id: string;
  name: string;
  email: string | null;
  phone?: string | null;
  customerId: string | null;
  createdAt: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  currencyCode: string;
  lineItems: {
    id: string;
    title: string;
    variantTitle: string | null;
    sku: string | null;
    quantity: number;
    variantId: string | null;
    productId: string | null;
    originalUnitPrice: string;
    /** Default true; false for gift cards and digital goods. */
    requiresShipping?: boolean;
    isGiftCard?: boolean;
  }[];
  shippingAddress: SnapshotAddress | null;
  /** Store pickup orders use the code "PICKUP". */
  shippingLine: { title: string; code?: string | null; price?: string } | null;
  /** Why fulfillment is held (FulfillmentHoldReason values), for an ON_HOLD order. */
  fulfillmentHolds?: { reason: string; reasonNotes?: string | null }[];
  discountCodes: string[];
  subtotalPrice: string;
  totalDiscounts: string;
  totalShippingPrice: string;
  totalTax: string;
  totalPrice: string;
  totalRefunded: string;
  note: string | null;
  tags: string[];
  fulfillments: {
    id: string;
    status: string;
    displayStatus: string | null;
    createdAt: string;
    deliveredAt: string | null;
    estimatedDeliveryAt: string | null;
    trackingInfo: { company: string | null; number: string | null; url: string | null }[];
    fulfillmentLineItems: { lineItemId: string; quantity: number }[];
    events?: { status: string; happenedAt: string; message: string | null }[];
  }[];
  refunds: { id: string; createdAt: string; amount: string; note: string | null }[];
  returns: {
    id: string;
    name: string;
    status: string;
    createdAt: string;
    closedAt: string | null;
    items: { lineItemId: string; quantity: number; returnReason?: string; customerNote?: string | null }[];
    decline: { reason: string; note: string | null } | null;
    /** Return labels: the carrier and number the shopper sends the items back with. */
    reverseDeliveries?: {
      tracking: { carrierName: string | null; number: string | null; url: string | null } | null;
      labelCreatedAt: string | null;
    }[];
  }[];
}

export interface SnapshotDiscount {
  id: string;
  code: string;
  title: string;
  status: string;
  startsAt: string;
  endsAt: string | null;
  summary: string;
  usageLimit: number | null;
  asyncUsageCount: number;
  appliesOncePerCustomer: boolean;
  minimumRequirement: { greaterThanOrEqualToSubtotal?: string; greaterThanOrEqualToQuantity?: number } | null;
  /** Staff-only remark (e.g. "don't share before it starts"); not part of the Admin API. */
  note?: string;
}

export interface DemoSnapshot {
  /** "Now" for the demo: every question is asked at this instant. */
  referenceDate: string;
  currency: string;
  conventions?: string[];
  shop: {
    name: string;
    email: string;
    domain?: string;
    myshopifyDomain: string;
    currencyCode: string;
    contactPhone?: string;
    supportHours?: string;
    liveChatAgentsAvailable?: string;
    address?: SnapshotAddress;
    shipsToCountries: string[];
    /** Admin API fields a real shop always has; a snapshot without them has them derived (shop-defaults.ts). */
    ianaTimezone?: string;
    orderNumberFormatPrefix?: string;
    orderNumberFormatSuffix?: string;
    returnsUrl?: string;
    accountUrl?: string;
  };
  policies: Record<string, { title: string; url: string; body: string }>;
  faqs: { question: string; answer: string }[];
  /** Online Store pages (what the Admin API's `pages` query returns); optional in older snapshots. */
  pages?: { title: string; handle: string; body: string }[];
  products: SnapshotProduct[];
  customers: SnapshotCustomer[];
  orders: SnapshotOrder[];
  discounts: SnapshotDiscount[];
}

/** Reads a snapshot file and checks it has the shape of one. */
export function loadDemoSnapshot(path: string | URL): DemoSnapshot {
  const text = readFileSync(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${String(path)} is not a demo store snapshot: ${(error as Error).message}`);
  }
  assertSnapshot(json, String(path));
  return json;
}

function assertSnapshot(value: unknown, source: string): asserts value is DemoSnapshot {
  const snapshot = value as Partial<Record<keyof DemoSnapshot, unknown>> | null;
  const problems: string[] = [];
  if (typeof snapshot !== "object" || snapshot === null || Array.isArray(snapshot)) {
    problems.push("not a JSON object");
  } else {
    if (typeof snapshot.referenceDate !== "string" || Number.isNaN(Date.parse(snapshot.referenceDate))) {
      problems.push("referenceDate (ISO date)");
    }
    const shop = snapshot.shop as Record<string, unknown> | undefined;
    if (typeof shop?.name !== "string" || typeof shop.myshopifyDomain !== "string") {
      problems.push("shop.name and shop.myshopifyDomain");
    }
    if (typeof snapshot.policies !== "object" || snapshot.policies === null) problems.push("policies");
    for (const list of ["faqs", "products", "customers", "orders", "discounts"] as const) {
      if (!Array.isArray(snapshot[list])) problems.push(`${list} (array)`);
    }
  }
  if (problems.length) throw new Error(`${source} is not a demo store snapshot: missing ${problems.join(", ")}`);
}

// ---------------------------------------------------------------------------------------------
// The store's public face

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** The JSON body Shopify answers a GraphQL request with. */
export interface GraphqlResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions: { cost: QueryCost };
}

export interface DemoStoreOptions {
  /** The store's clock (cancellation times, discount status). Default: the snapshot's referenceDate. */
  now?: Date | string;
  /**
   * Answer THROTTLED once the cost bucket is empty, as Shopify does. Off by default so evals and
   * benchmarks that fire hundreds of queries a second measure the bot, not the rate limit.
   */
  throttle?: boolean;
}

export interface DemoStore {
  readonly shopDomain: string;
  /** The raw snapshot, unchanged by mutations (FAQs, support hours, … live only here). */
  readonly snapshot: DemoSnapshot;
  readonly now: Date;
  execute(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphqlResult>;
  /** Same contract as shopify-app-remix's `admin.graphql`. */
  readonly graphql: AdminGraphql;
  /** Serves `POST https://{shop}/admin/api/2026-07/graphql.json` like Shopify. */
  handleHttp(request: Request): Promise<Response>;
  /** Make the next requests fail the way Shopify does, for testing the app's fault handling. */
  injectFaults(faults: DemoFaults): void;
}

export interface DemoFaults {
  /** The next N requests answer a GraphQL THROTTLED error (HTTP 200). */
  throttled?: number;
  /** The next N requests answer HTTP 503. */
  unavailable?: number;
  /** Every request waits this long first (a slow Admin API). */
  delayMs?: number;
}

const BUCKET_SIZE = 2000;
const RESTORE_RATE_PER_SECOND = 100;
export const DEMO_GRAPHQL_PATH = `/admin/api/${ADMIN_API_VERSION}/graphql.json`;
const INVALID_TOKEN_MESSAGE = "[API] Invalid API key or access token (unrecognized login or wrong password)";

export function createDemoStore(snapshot: DemoSnapshot, options: DemoStoreOptions = {}): DemoStore {
  assertSnapshot(snapshot, "createDemoStore(snapshot)");
  const now = new Date(options.now ?? snapshot.referenceDate);
  if (Number.isNaN(now.getTime())) throw new Error(`createDemoStore: invalid clock ${String(options.now)}`);

  const schema = loadAdminSchema();
  const data = buildStoreData(snapshot, now);
  const { queryRoot, mutationRoot } = createRootResolvers(data, now);
  const queryType = schema.getQueryType()!;
  const mutationType = schema.getMutationType()!;

  const fieldResolver: GraphQLFieldResolver<unknown, ExecutionContext, Record<string, unknown>> = (
    source,
    args,
    context,
    info,
  ) => {
    let value: unknown;
    const rootResolvers =
      info.parentType === queryType ? queryRoot : info.parentType === mutationType ? mutationRoot : undefined;
    if (rootResolvers) {
      const resolveRoot = rootResolvers[info.fieldName];
      if (!resolveRoot) {
        throw new GraphQLError(`${info.parentType.name}.${info.fieldName} is not available in the demo store`);
      }
      value = resolveRoot(args);
    } else {
      value = (source as Record<string, unknown>)[info.fieldName];
      // A field with arguments (AppInstallation.metafield(namespace, key)) is a function of them.
      if (typeof value === "function") value = value(args);
    }

    const shape = fieldShape(info.parentType, info.fieldName, info.returnType, mutationType);
    if (shape.connectionOf) {
      value = toConnection((value as Entity[] | undefined) ?? [], args, shape.connectionOf);
    } else if (shape.isList) {
      const list = (value as unknown[] | undefined) ?? [];
      value = typeof args.first === "number" ? list.slice(0, args.first) : list;
    }
    if (value != null) context.actualCost += actualCost(shape, value);
    return value;
  };

  const typeResolver: GraphQLTypeResolver<Entity, ExecutionContext> = (value) =>
    value.__typename ?? typenameFromGid(value.id);

  const bucket = { available: BUCKET_SIZE, updatedAt: Date.now() };
  const costReport = (requested: number, actual: number | null): QueryCost => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: {
      maximumAvailable: BUCKET_SIZE,
      currentlyAvailable: Math.floor(bucket.available),
      restoreRate: RESTORE_RATE_PER_SECOND,
    },
  });

  /** A query's answer, kept until the next mutation: the same document and variables read the same data. */
  interface Answer {
    requested: number;
    actual: number;
    data: GraphqlResult["data"];
    errors?: GraphQLFormattedError[];
    /** `data` as JSON, made once. */
    dataJson?: string;
  }
  const answers = new Map<string, Answer>();
  const MAX_ANSWERS = 500;

  /** Everything but the throttle bucket: cost, execution, and what it charges. */
  async function answer(
    query: string,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    cacheable: boolean,
  ): Promise<Answer | GraphqlResult> {
    // Refused before execution, as Shopify does: nothing runs, nothing is charged.
    const refused = (errors: GraphQLFormattedError[], requested = 0): GraphqlResult => ({
      errors,
      extensions: { cost: costReport(requested, requested ? null : 0) },
    });
    const prepared = prepareDocument(query);
    if (!prepared.document) return refused(prepared.errors ?? []);
    const isQuery = getOperationAST(prepared.document, operationName)?.operation === "query";
    const key = cacheable && isQuery ? `${operationName ?? ""}\u0000${query}\u0000${JSON.stringify(variables)}` : null;
    const known = key ? answers.get(key) : undefined;
    if (known) return known;
    if (!isQuery) answers.clear(); // a mutation (or anything else) may change what every query reads

    let requested: number;
    try {
      requested = requestedQueryCost(schema, prepared.document, variables, operationName);
    } catch (error) {
      return refused([formatError(error)]);
    }
    if (requested > MAX_SINGLE_QUERY_COST) {
      return refused(
        [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        requested,
      );
    }
    refillBucket(bucket);
    if (options.throttle && requested > bucket.available) return throttled(requested);

    const context: ExecutionContext = { actualCost: 0 };
    const result = await executeDocument({
      schema,
      document: prepared.document,
      variableValues: variables,
      operationName,
      contextValue: context,
      fieldResolver,
      typeResolver,
    });
    const fresh: Answer = {
      requested,
      actual: Math.min(requested, context.actualCost),
      data: result.data,
      ...(result.errors?.length ? { errors: result.errors.map(formatError) } : {}),
    };
    if (key && !fresh.errors) {
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(key, fresh);
    }
    return fresh;
  }

  const throttled = (requested: number): GraphqlResult => ({
    errors: [
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ],
    extensions: { cost: costReport(requested, null) },
  });

  /** Charge an answer to the bucket (a remembered one too: Shopify charges every call). */
  function charge(answered: Answer): GraphqlResult | null {
    refillBucket(bucket);
    if (options.throttle && answered.requested > bucket.available) return throttled(answered.requested);
    bucket.available = Math.max(0, bucket.available - answered.actual);
    return null;
  }

  const isAnswer = (value: Answer | GraphqlResult): value is Answer => "requested" in value;

  async function execute(
    query: string,
    variables: Record<string, unknown> = {},
    operationName?: string,
  ): Promise<GraphqlResult> {
    // Objects handed to the caller are never the remembered ones: answers here are not cached.
    const answered = await answer(query, variables, operationName, false);
    if (!isAnswer(answered)) return answered;
    const refusal = charge(answered);
    if (refusal) return refusal;
    const response: GraphqlResult = {
      data: answered.data,
      extensions: { cost: costReport(answered.requested, answered.actual) },
    };
    if (answered.errors) response.errors = answered.errors;
    return response;
  }

  /** The HTTP body of an answer, the data serialised once per remembered answer. */
  async function respond(
    query: string,
    variables: Record<string, unknown> = {},
    operationName?: string,
  ): Promise<Response> {
    const answered = await answer(query, variables, operationName, true);
    if (!isAnswer(answered)) return jsonResponse(200, answered);
    const refusal = charge(answered);
    if (refusal) return jsonResponse(200, refusal);
    const cost = JSON.stringify({ cost: costReport(answered.requested, answered.actual) });
    if (answered.errors)
      return jsonResponse(200, { data: answered.data, errors: answered.errors, extensions: JSON.parse(cost) });
    answered.dataJson ??= JSON.stringify(answered.data);
    return new Response(`{"data":${answered.dataJson},"extensions":${cost}}`, {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  }

  const faults: Required<DemoFaults> = { throttled: 0, unavailable: 0, delayMs: 0 };
  /** A response from an injected fault, or null to answer normally. */
  async function injectedFault(): Promise<Response | null> {
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (faults.unavailable > 0) {
      faults.unavailable -= 1;
      return jsonResponse(503, { errors: "Service Unavailable" });
    }
    if (faults.throttled > 0) {
      faults.throttled -= 1;
      return jsonResponse(200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
        extensions: {
          cost: {
            requestedQueryCost: 100,
            actualQueryCost: null,
            throttleStatus: {
              maximumAvailable: BUCKET_SIZE,
              currentlyAvailable: 50,
              restoreRate: RESTORE_RATE_PER_SECOND,
            },
          },
        },
      });
    }
    return null;
  }

  const graphql: AdminGraphql = async (query, requestOptions) =>
    (await injectedFault()) ?? respond(query, requestOptions?.variables);

  async function handleHttp(request: Request): Promise<Response> {
    if (new URL(request.url).pathname !== DEMO_GRAPHQL_PATH) return jsonResponse(404, { errors: "Not Found" });
    if (!request.headers.get("X-Shopify-Access-Token")?.trim()) {
      return jsonResponse(401, { errors: INVALID_TOKEN_MESSAGE });
    }
    if (request.method !== "POST") return jsonResponse(405, { errors: "Method Not Allowed" });

    const body = await readGraphqlRequest(request);
    if (!body) return jsonResponse(400, { errors: { query: "Required parameter missing or invalid" } });
    return (await injectedFault()) ?? respond(body.query, body.variables, body.operationName);
  }

  return {
    shopDomain: snapshot.shop.myshopifyDomain,
    snapshot,
    now,
    execute,
    graphql,
    handleHttp,
    injectFaults: (next) => Object.assign(faults, next),
  };
}

interface ExecutionContext {
  actualCost: number;
}

/** What the resolver needs to know about a field's type, worked out once per field. */
interface FieldShape {
  /** Node typename when the field is a connection. */
  connectionOf: string | null;
  isList: boolean;
  costKind: "free" | "object" | "connection" | "mutation";
}

const fieldShapes = new WeakMap<GraphQLObjectType, Map<string, FieldShape>>();

function fieldShape(
  parentType: GraphQLObjectType,
  fieldName: string,
  returnType: GraphQLOutputType,
  mutationType: GraphQLObjectType,
): FieldShape {
  let shapes = fieldShapes.get(parentType);
  if (!shapes) fieldShapes.set(parentType, (shapes = new Map()));
  let shape = shapes.get(fieldName);
  if (!shape) {
    const namedType = getNamedType(returnType);
    const isConnection = isConnectionType(namedType);
    // Connection internals (nodes, edges, pageInfo) are paid for by the connection itself.
    const insideConnection = /(Connection|Edge)$/.test(parentType.name);
    shape = {
      connectionOf: isConnection ? namedType.name.replace(/Connection$/, "") : null,
      isList: isListType(getNullableType(returnType)),
      costKind:
        parentType === mutationType
          ? "mutation"
          : insideConnection || !isCompositeType(namedType)
            ? "free"
            : isConnection
              ? "connection"
              : "object",
    };
    shapes.set(fieldName, shape);
  }
  return shape;
}

/** Actual cost as Shopify counts it after execution: only what came back. */
function actualCost(shape: FieldShape, value: unknown): number {
  switch (shape.costKind) {
    case "mutation":
      return MUTATION_COST;
    case "connection":
      return 2 + (value as Connection).nodes.length;
    case "object":
      return 1;
    default:
      return 0;
  }
}

function refillBucket(bucket: { available: number; updatedAt: number }): void {
  const now = Date.now();
  bucket.available = Math.min(
    BUCKET_SIZE,
    bucket.available + ((now - bucket.updatedAt) / 1000) * RESTORE_RATE_PER_SECOND,
  );
  bucket.updatedAt = now;
}

async function readGraphqlRequest(
  request: Request,
): Promise<{ query: string; variables?: Record<string, unknown>; operationName?: string } | null> {
  const text = await request.text();
  if (request.headers.get("Content-Type")?.startsWith("application/graphql")) return text ? { query: text } : null;
  try {
    const body = JSON.parse(text) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof body?.query !== "string") return null;
    return {
      query: body.query,
      variables: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    };
  } catch {
    return null;
  }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function formatError(error: unknown): GraphQLFormattedError {
  return error instanceof GraphQLError ? error.toJSON() : { message: String((error as Error)?.message ?? error) };
}

// Parsing and validating against the 3,500-type schema costs more than executing, and the app
// sends the same few documents over and over.
const preparedDocuments = new Map<string, { document?: DocumentNode; errors?: GraphQLFormattedError[] }>();
const PREPARED_DOCUMENT_LIMIT = 200;

function prepareDocument(query: string): { document?: DocumentNode; errors?: GraphQLFormattedError[] } {
  let prepared = preparedDocuments.get(query);
  if (!prepared) {
    try {
      const document = parse(query);
      const errors = validate(loadAdminSchema(), document);
      prepared = errors.length ? { errors: errors.map(formatError) } : { document };
    } catch (error) {
      prepared = { errors: [formatError(error)] };
    }
    if (preparedDocuments.size >= PREPARED_DOCUMENT_LIMIT) {
      preparedDocuments.delete(preparedDocuments.keys().next().value!);
    }
    preparedDocuments.set(query, prepared);
  }
  return prepared;
}

// ---------------------------------------------------------------------------------------------
// Schema-shaped data

/** Any object of the Admin schema; `__typename` lets interfaces and unions resolve. */
interface Entity {
  __typename?: string;
  id?: string;
  [field: string]: unknown;
}

interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

interface MailingAddressEntity extends Entity {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}

interface VariantEntity extends Entity {
  id: string;
  inventoryQuantity: number | null;
  availableForSale: boolean;
  price: string;
  sku: string | null;
  product: ProductEntity;
}

interface ProductEntity extends Entity {
  id: string;
  title: string;
  handle: string;
  status: string;
  productType: string;
  vendor: string;
  tags: string[];
  isGiftCard: boolean;
  totalInventory: number;
  variants: VariantEntity[];
}

interface CustomerEntity extends Entity {
  id: string;
  displayName: string;
  orders: OrderEntity[];
}

interface LineItemEntity extends Entity {
  id: string;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  variant: VariantEntity | null;
}

interface FulfillmentLineItemEntity extends Entity {
  id: string;
  lineItem: LineItemEntity;
  quantity: number;
}

interface FulfillmentEntity extends Entity {
  id: string;
  status: string;
  fulfillmentLineItems: FulfillmentLineItemEntity[];
}

interface ReturnLineItemEntity extends Entity {
  quantity: number;
  fulfillmentLineItem: FulfillmentLineItemEntity;
}

interface ReturnEntity extends Entity {
  id: string;
  status: string;
  returnLineItems: ReturnLineItemEntity[];
}

interface OrderEntity extends Entity {
  id: string;
  name: string;
  email: string | null;
  note: string | null;
  tags: string[];
  customer: CustomerEntity | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closed: boolean;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: MoneyBag;
  totalRefundedSet: MoneyBag;
  shippingAddress: MailingAddressEntity | null;
  lineItems: LineItemEntity[];
  fulfillments: FulfillmentEntity[];
  refunds: Entity[];
  returns: ReturnEntity[];
}

interface StoreData {
  currencyCode: string;
  shop: Entity;
  pages: Entity[];
  orders: OrderEntity[];
  products: ProductEntity[];
  /** Every object with a global ID, for node(id), order(id), … */
  nodes: Map<string, Entity>;
  ordersByName: Map<string, OrderEntity>;
  productsByHandle: Map<string, ProductEntity>;
  discountsByCode: Map<string, Entity>;
  /** The discount list (discountNodes): each code discount as a DiscountNode. */
  discountNodes: Entity[];
  /** Names for codes seen in the snapshot's addresses ("US" → "United States", "US-OR" → "Oregon"). */
  placeNames: Map<string, string>;
  nextId: () => number;
  /** Money in the shop's currency as Shopify's shop/presentment pair. */
  moneyBag: (amount: string) => MoneyBag;
  /** Adds an entity to `nodes` (when it has an id) and returns it. */
  register: <T extends Entity>(entity: T) => T;
}

function buildStoreData(snapshot: DemoSnapshot, now: Date): StoreData {
  const currencyCode = snapshot.shop.currencyCode ?? snapshot.currency;
  const money = (amount: string): MoneyV2 => ({ amount, currencyCode });
  const moneyBag = (amount: string): MoneyBag => ({ shopMoney: money(amount), presentmentMoney: money(amount) });
  const nodes = new Map<string, Entity>();
  const register = <T extends Entity>(entity: T): T => {
    if (entity.id) nodes.set(entity.id, entity);
    return entity;
  };

  const products = snapshot.products.map((product) => {
    const entity = register<ProductEntity>({
      __typename: "Product",
      ...product,
      isGiftCard: product.isGiftCard ?? false,
      totalInventory: product.totalInventory ?? 0, // Int! in the schema; untracked stock (gift cards) counts 0
      descriptionHtml: textToHtml(product.description),
      featuredMedia: product.imageUrl ? imageMedia(product.id, product.imageUrl, product.title) : null,
      options: product.options.map((option, index) => ({
        __typename: "ProductOption",
        id: `gid://shopify/ProductOption/${numericId(product.id)}${index + 1}`,
        position: index + 1,
        ...option,
      })),
      priceRangeV2: {
        minVariantPrice: money(extremePrice(product.variants, Math.min)),
        maxVariantPrice: money(extremePrice(product.variants, Math.max)),
      },
      variants: [],
    });
    entity.variants = product.variants.map((variant) =>
      register<VariantEntity>({
        __typename: "ProductVariant",
        ...variant,
        // Snapshots that leave it out sell goods that ship, except gift cards (sent by email).
        inventoryItem: { requiresShipping: variant.inventoryItem?.requiresShipping ?? !product.isGiftCard },
        product: entity,
      }),
    );
    return entity;
  });

  const customers = new Map(
    snapshot.customers.map((customer) => [
      customer.id,
      register<CustomerEntity>({
        __typename: "Customer",
        ...customer,
        defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
        defaultAddress: customer.defaultAddress ? mailingAddress(customer.defaultAddress) : null,
        orders: [],
      }),
    ]),
  );

  const orders = snapshot.orders.map((order) => {
    const lineItems = new Map(
      order.lineItems.map((lineItem) => [
        lineItem.id,
        register<LineItemEntity>({
          __typename: "LineItem",
          id: lineItem.id,
          title: lineItem.title,
          variantTitle: lineItem.variantTitle,
          sku: lineItem.sku,
          quantity: lineItem.quantity,
          currentQuantity: order.cancelledAt ? 0 : lineItem.quantity,
          unfulfilledQuantity: 0, // set below, once fulfillments are known
          product: (lineItem.productId && nodes.get(lineItem.productId)) || null,
          variant: ((lineItem.variantId && nodes.get(lineItem.variantId)) as VariantEntity | undefined) ?? null,
          originalUnitPriceSet: moneyBag(lineItem.originalUnitPrice),
          requiresShipping: lineItem.requiresShipping ?? true,
          isGiftCard: lineItem.isGiftCard ?? false,
        }),
      ]),
    );
    const lineItemFor = (lineItemId: string, context: string): LineItemEntity => {
      const lineItem = lineItems.get(lineItemId);
      if (!lineItem) throw new Error(`Snapshot order ${order.name}: ${context} names unknown line item ${lineItemId}`);
      return lineItem;
    };

    const fulfillments = order.fulfillments.map((fulfillment) =>
      register<FulfillmentEntity>({
        __typename: "Fulfillment",
        id: fulfillment.id,
        status: fulfillment.status,
        displayStatus: fulfillment.displayStatus,
        createdAt: fulfillment.createdAt,
        deliveredAt: fulfillment.deliveredAt,
        estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
        inTransitAt: fulfillment.events?.find((event) => event.status === "IN_TRANSIT")?.happenedAt ?? null,
        trackingInfo: fulfillment.trackingInfo.map((tracking) => ({ ...tracking })),
        events: (fulfillment.events ?? []).map((event, index) => ({
          __typename: "FulfillmentEvent",
          id: `gid://shopify/FulfillmentEvent/${numericId(fulfillment.id)}${pad(index + 1)}`,
          ...event,
        })),
        fulfillmentLineItems: fulfillment.fulfillmentLineItems.map((line, index) =>
          register<FulfillmentLineItemEntity>({
            __typename: "FulfillmentLineItem",
            // The snapshot has no IDs for these; derive stable ones from the fulfillment.
            id: `gid://shopify/FulfillmentLineItem/${numericId(fulfillment.id)}${pad(index + 1)}`,
            lineItem: lineItemFor(line.lineItemId, `fulfillment ${fulfillment.id}`),
            quantity: line.quantity,
          }),
        ),
      }),
    );
    const fulfillmentLineItemFor = (lineItemId: string, context: string): FulfillmentLineItemEntity => {
      const line = fulfillments
        .flatMap((fulfillment) => fulfillment.fulfillmentLineItems)
        .find((candidate) => candidate.lineItem.id === lineItemId);
      if (!line)
        throw new Error(`Snapshot order ${order.name}: ${context} returns unfulfilled line item ${lineItemId}`);
      return line;
    };

    const entity = register<OrderEntity>({
      __typename: "Order",
      id: order.id,
      name: order.name,
      email: order.email,
      phone: order.phone ?? null,
      customer: (order.customerId && customers.get(order.customerId)) || null,
      createdAt: order.createdAt,
      processedAt: order.createdAt,
      cancelledAt: order.cancelledAt,
      cancelReason: order.cancelReason,
      closed: order.cancelledAt !== null,
      displayFinancialStatus: order.displayFinancialStatus,
      displayFulfillmentStatus: order.displayFulfillmentStatus,
      note: order.note,
      tags: [...order.tags],
      currencyCode: order.currencyCode,
      subtotalPriceSet: moneyBag(order.subtotalPrice),
      totalDiscountsSet: moneyBag(order.totalDiscounts),
      totalShippingPriceSet: moneyBag(order.totalShippingPrice),
      totalTaxSet: moneyBag(order.totalTax),
      totalPriceSet: moneyBag(order.totalPrice),
      totalRefundedSet: moneyBag(order.totalRefunded),
      discountCodes: [...order.discountCodes],
      shippingLine: order.shippingLine
        ? { ...order.shippingLine, originalPriceSet: moneyBag(order.shippingLine.price ?? "0.00") }
        : null,
      shippingAddress: order.shippingAddress ? mailingAddress(order.shippingAddress) : null,
      lineItems: [...lineItems.values()],
      fulfillments,
      refunds: order.refunds.map((refund) =>
        register({
          __typename: "Refund",
          id: refund.id,
          createdAt: refund.createdAt,
          note: refund.note,
          totalRefundedSet: moneyBag(refund.amount),
        }),
      ),
      returns: order.returns.map((orderReturn) =>
        register<ReturnEntity>({
          __typename: "Return",
          id: orderReturn.id,
          name: orderReturn.name,
          status: orderReturn.status,
          createdAt: orderReturn.createdAt,
          closedAt: orderReturn.closedAt,
          decline: orderReturn.decline ? { reason: orderReturn.decline.reason, note: orderReturn.decline.note } : null,
          totalQuantity: orderReturn.items.reduce((sum, item) => sum + item.quantity, 0),
          reverseFulfillmentOrders: reverseFulfillmentOrdersOf(orderReturn),
          returnLineItems: orderReturn.items.map((item, index) =>
            returnLineItem(
              `gid://shopify/ReturnLineItem/${numericId(orderReturn.id)}${pad(index + 1)}`,
              fulfillmentLineItemFor(item.lineItemId, `return ${orderReturn.name}`),
              item.quantity,
              item.returnReason,
              item.customerNote,
            ),
          ),
        }),
      ),
    });
    updateUnfulfilledQuantities(entity);
    // Computed on read, so a cancellation or a new fulfillment shows in it.
    entity.fulfillmentOrders = () => [fulfillmentOrderOf(entity, order)];
    entity.customer?.orders.push(entity);
    return entity;
  });

  const placeNames = new Map<string, string>();
  const addresses = [
    snapshot.shop.address,
    ...snapshot.customers.map((customer) => customer.defaultAddress),
    ...snapshot.orders.map((order) => order.shippingAddress),
  ];
  for (const address of addresses) {
    if (!address?.countryCodeV2) continue;
    if (address.country) placeNames.set(address.countryCodeV2, address.country);
    if (address.provinceCode && address.province) {
      placeNames.set(`${address.countryCodeV2}-${address.provinceCode}`, address.province);
    }
  }

  const discountsByCode = new Map(
    snapshot.discounts.map((discount) => {
      const node = register(discountCodeNode(discount, now, money));
      return [discount.code.toUpperCase(), node];
    }),
  );

  const domain = snapshot.shop.domain ?? snapshot.shop.myshopifyDomain;
  const nameFormat = orderNameFormat(snapshot.orders.map((order) => order.name));
  const shop: Entity = {
    __typename: "Shop",
    id: "gid://shopify/Shop/1",
    name: snapshot.shop.name,
    email: snapshot.shop.email,
    contactEmail: snapshot.shop.email,
    myshopifyDomain: snapshot.shop.myshopifyDomain,
    url: `https://${domain}`,
    primaryDomain: { __typename: "Domain", id: "gid://shopify/Domain/1", host: domain, url: `https://${domain}` },
    currencyCode,
    shipsToCountries: [...snapshot.shop.shipsToCountries],
    ianaTimezone: snapshot.shop.ianaTimezone ?? timeZoneOfAddress(snapshot.shop.address),
    orderNumberFormatPrefix: snapshot.shop.orderNumberFormatPrefix ?? nameFormat.prefix,
    orderNumberFormatSuffix: snapshot.shop.orderNumberFormatSuffix ?? nameFormat.suffix,
    shopPolicies: Object.entries(snapshot.policies).map(([key, policy], index) => ({
      __typename: "ShopPolicy",
      id: `gid://shopify/ShopPolicy/${index + 1}`,
      type: shopPolicyType(key),
      title: policy.title,
      body: textToHtml(policy.body),
      url: policy.url,
      createdAt: snapshot.referenceDate,
      updatedAt: snapshot.referenceDate,
    })),
  };

  const pages: Entity[] = (snapshot.pages ?? []).map((page, index) => ({
    __typename: "Page",
    id: `gid://shopify/Page/${index + 1}`,
    title: page.title,
    handle: page.handle,
    body: textToHtml(page.body),
    bodySummary: page.body.slice(0, 150),
    isPublished: true,
    createdAt: snapshot.referenceDate,
    updatedAt: snapshot.referenceDate,
  }));

  let lastId = 9_000_000_000_000;
  return {
    currencyCode,
    shop,
    pages,
    orders,
    products,
    nodes,
    ordersByName: new Map(orders.map((order) => [normalizeOrderName(order.name), order])),
    productsByHandle: new Map(products.map((product) => [product.handle, product])),
    discountsByCode,
    // The same discount objects as discountsByCode, under DiscountNode's `discount` field.
    discountNodes: [...discountsByCode.values()].map((node) => ({
      __typename: "DiscountNode",
      id: node.id,
      discount: node.codeDiscount,
    })),
    placeNames,
    nextId: () => ++lastId,
    moneyBag,
    register,
  };
}

function mailingAddress(address: SnapshotAddress): MailingAddressEntity {
  const firstName = address.firstName ?? null;
  const lastName = address.lastName ?? null;
  return {
    __typename: "MailingAddress",
    firstName,
    lastName,
    name: address.name ?? ([firstName, lastName].filter(Boolean).join(" ") || null),
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: address.country,
    countryCodeV2: address.countryCodeV2,
    countryCode: address.countryCodeV2,
    phone: address.phone ?? null,
  };
}

function imageMedia(productId: string, url: string, altText: string): Entity {
  const image = { __typename: "Image", id: `gid://shopify/ProductImage/${numericId(productId)}`, url, altText };
  return {
    __typename: "MediaImage",
    id: `gid://shopify/MediaImage/${numericId(productId)}`,
    alt: altText,
    mediaContentType: "IMAGE",
    status: "READY",
    image,
    preview: { image, status: "READY" },
  };
}

function returnLineItem(
  id: string,
  fulfillmentLineItem: FulfillmentLineItemEntity,
  quantity: number,
  returnReason = "UNKNOWN",
  customerNote: string | null = null,
): ReturnLineItemEntity {
  return {
    __typename: "ReturnLineItem",
    id,
    quantity,
    fulfillmentLineItem,
    returnReason,
    returnReasonNote: "",
    customerNote,
  };
}

// The snapshot records discount status as of its referenceDate; the store derives it from its own clock.
function discountCodeNode(discount: SnapshotDiscount, now: Date, money: (amount: string) => MoneyV2): Entity {
  const minimum = discount.minimumRequirement;
  const status =
    now < new Date(discount.startsAt)
      ? "SCHEDULED"
      : discount.endsAt && now > new Date(discount.endsAt)
        ? "EXPIRED"
        : "ACTIVE";
  return {
    __typename: "DiscountCodeNode",
    id: discount.id,
    codeDiscount: {
      // The snapshot has no discount type; free shipping is the only kind it tells apart by name.
      __typename: /free shipping/i.test(discount.title) ? "DiscountCodeFreeShipping" : "DiscountCodeBasic",
      title: discount.title,
      status,
      startsAt: discount.startsAt,
      endsAt: discount.endsAt,
      summary: discount.summary,
      usageLimit: discount.usageLimit,
      asyncUsageCount: discount.asyncUsageCount,
      appliesOncePerCustomer: discount.appliesOncePerCustomer,
      // The snapshot has no customer eligibility: every code is for every buyer.
      context: { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
      minimumRequirement: minimum?.greaterThanOrEqualToSubtotal
        ? {
            __typename: "DiscountMinimumSubtotal",
            greaterThanOrEqualToSubtotal: money(minimum.greaterThanOrEqualToSubtotal),
          }
        : minimum?.greaterThanOrEqualToQuantity
          ? {
              __typename: "DiscountMinimumQuantity",
              greaterThanOrEqualToQuantity: String(minimum.greaterThanOrEqualToQuantity),
            }
          : null,
      codes: [
        {
          __typename: "DiscountRedeemCode",
          id: `gid://shopify/DiscountRedeemCode/${numericId(discount.id)}`,
          code: discount.code,
          asyncUsageCount: discount.asyncUsageCount,
        },
      ],
    },
  };
}

function shopPolicyType(snapshotKey: string): string {
  const type = snapshotKey.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(); // termsOfService → TERMS_OF_SERVICE
  const policyTypes = loadAdminSchema().getType("ShopPolicyType");
  if (!isEnumType(policyTypes) || !policyTypes.getValue(type)) {
    throw new Error(`Snapshot policies.${snapshotKey}: ${type} is not a Shopify ShopPolicyType`);
  }
  return type;
}

/**
 * The order's remaining work as one Shopify fulfillment order: its status, how it travels (store
 * pickup orders carry the shipping line code "PICKUP"; nothing to ship means NONE) and, for an
 * ON_HOLD order, the snapshot's hold reasons.
 */
function fulfillmentOrderOf(order: OrderEntity, source: SnapshotOrder): Entity {
  const waiting = order.lineItems.some((line) => line.unfulfilledQuantity > 0);
  const held = order.displayFulfillmentStatus === "ON_HOLD" && waiting;
  const status = order.cancelledAt
    ? "CANCELLED"
    : !waiting
      ? "CLOSED"
      : held
        ? "ON_HOLD"
        : shippedFulfillments(order).length > 0
          ? "IN_PROGRESS"
          : "OPEN";
  const ships = source.lineItems.some((line) => line.requiresShipping ?? true);
  const methodType = /pick[ _-]?up/i.test(source.shippingLine?.code ?? "") ? "PICK_UP" : ships ? "SHIPPING" : "NONE";
  return {
    __typename: "FulfillmentOrder",
    id: `gid://shopify/FulfillmentOrder/${numericId(order.id)}`,
    status,
    deliveryMethod: {
      __typename: "DeliveryMethod",
      id: `gid://shopify/DeliveryMethod/${numericId(order.id)}`,
      methodType,
    },
    fulfillmentHolds: held
      ? (source.fulfillmentHolds ?? []).map((hold, index) => ({
          __typename: "FulfillmentHold",
          id: `gid://shopify/FulfillmentHold/${numericId(order.id)}${pad(index + 1)}`,
          reason: hold.reason,
          reasonNotes: hold.reasonNotes ?? null,
          displayReason: hold.reason,
          heldByRequestingApp: false,
        }))
      : [],
  };
}

/** Fulfillments that shipped (not cancelled or failed ones): an order with any can't be cancelled or edited. */
function shippedFulfillments(order: OrderEntity) {
  return order.fulfillments.filter((fulfillment) => fulfillment.status === "SUCCESS");
}

/** What is still to ship: ordered minus fulfilled, nothing once the order is cancelled. */
function updateUnfulfilledQuantities(order: OrderEntity): void {
  for (const lineItem of order.lineItems) {
    const fulfilled = shippedFulfillments(order)
      .flatMap((fulfillment) => fulfillment.fulfillmentLineItems)
      .filter((line) => line.lineItem === lineItem)
      .reduce((sum, line) => sum + line.quantity, 0);
    lineItem.unfulfilledQuantity = order.cancelledAt ? 0 : Math.max(0, lineItem.currentQuantity - fulfilled);
  }
}

// ---------------------------------------------------------------------------------------------
// Root fields and mutations

type RootResolvers = Record<string, (args: Record<string, unknown>) => unknown>;

function createRootResolvers(data: StoreData, now: Date): { queryRoot: RootResolvers; mutationRoot: RootResolvers } {
  const nowIso = now.toISOString();
  const globalId = (id: unknown): string => {
    if (typeof id !== "string" || !typenameFromGid(id)) throw new GraphQLError(`Invalid global id '${String(id)}'`);
    return id;
  };
  const lookup = <T extends Entity>(id: unknown, typename: string): T | null => {
    const entity = data.nodes.get(globalId(id));
    return entity?.__typename === typename ? (entity as T) : null;
  };
  const newId = (typename: string) => `gid://shopify/${typename}/${data.nextId()}`;
  const { moneyBag, register } = data;

  // A `name:` filter pins at most one order: look it up instead of scanning all of them.
  const candidateOrders = (query: unknown): OrderEntity[] => {
    const nameTerm =
      typeof query === "string"
        ? parseSearchQuery(query).find((term) => term.field === "name" && !term.negated && term.comparator === ":")
        : undefined;
    if (!nameTerm) return data.orders;
    const order = data.ordersByName.get(normalizeOrderName(nameTerm.value));
    return order ? [order] : [];
  };

  // This app's installation on the shop, with its app-data metafields (what the app embed's
  // Liquid reads as `app.metafields`).
  const appMetafields = new Map<string, Entity>();
  const appInstallation: Entity = register({
    __typename: "AppInstallation",
    id: "gid://shopify/AppInstallation/1",
    metafield: ({ namespace, key }: Record<string, unknown>) => appMetafields.get(`${namespace}.${key}`) ?? null,
  });

  const queryRoot: RootResolvers = {
    currentAppInstallation: () => appInstallation,
    shop: () => data.shop,
    node: ({ id }) => data.nodes.get(globalId(id)) ?? null,
    nodes: ({ ids }) => (ids as unknown[]).map((id) => data.nodes.get(globalId(id)) ?? null),
    order: ({ id }) => lookup(id, "Order"),
    orders: ({ query }) => candidateOrders(query),
    customer: ({ id }) => lookup(id, "Customer"),
    product: ({ id }) => lookup(id, "Product"),
    products: () => data.products,
    pages: () => data.pages,
    productVariant: ({ id }) => lookup(id, "ProductVariant"),
    productByHandle: ({ handle }) => data.productsByHandle.get(handle as string) ?? null,
    productByIdentifier: ({ identifier }) => {
      const { id, handle } = identifier as { id?: string; handle?: string };
      if (id) return lookup(id, "Product");
      return (handle && data.productsByHandle.get(handle)) || null;
    },
    codeDiscountNodeByCode: ({ code }) => data.discountsByCode.get(String(code).toUpperCase()) ?? null,
    discountNodes: () => data.discountNodes,
  };

  const mutationRoot: RootResolvers = {
    // Only the app's own installation can own metafields here: that's all the app writes.
    metafieldsSet: ({ metafields }) => {
      const inputs = metafields as { ownerId: string; namespace: string; key: string; type: string; value: string }[];
      const userErrors = inputs.flatMap((input, i) =>
        input.ownerId !== appInstallation.id
          ? [{ field: ["metafields", String(i), "ownerId"], message: "Owner does not exist.", code: "INVALID" }]
          : [],
      );
      if (userErrors.length > 0) return { metafields: [], userErrors };
      const stored = inputs.map((input) => {
        const id = appMetafields.get(`${input.namespace}.${input.key}`)?.id ?? newId("Metafield");
        const metafield = {
          __typename: "Metafield",
          id,
          namespace: input.namespace,
          key: input.key,
          type: input.type,
          value: input.value,
          jsonValue: input.type === "json" ? JSON.parse(input.value) : input.value,
        };
        appMetafields.set(`${input.namespace}.${input.key}`, metafield);
        return metafield;
      });
      return { metafields: stored, userErrors: [] };
    },

    orderCancel: (args) => {
      const failure = (message: string, code: string) => ({
        job: null,
        orderCancelUserErrors: [{ field: ["orderId"], message, code }],
        userErrors: [{ field: ["orderId"], message }],
      });
      const order = lookup<OrderEntity>(args.orderId, "Order");
      if (!order) return failure("Order does not exist.", "NOT_FOUND");
      if (order.cancelledAt) return failure("Order has already been canceled.", "INVALID");
      if (shippedFulfillments(order).length > 0) {
        return failure("Order has fulfillments and can't be canceled; cancel its fulfillments first.", "INVALID");
      }
      const refundMethod = args.refundMethod as {
        originalPaymentMethodsRefund?: boolean;
        storeCreditRefund?: unknown;
      } | null;
      const refund = Boolean(
        args.refund || refundMethod?.originalPaymentMethodsRefund || refundMethod?.storeCreditRefund,
      );
      cancelOrder(order, args.reason as string, refund, args.restock === true);
      return {
        job: { __typename: "Job", id: newId("Job"), done: true, query: {} },
        orderCancelUserErrors: [],
        userErrors: [],
      };
    },

    returnRequest: ({ input }) => {
      const { orderId, returnLineItems } = input as {
        orderId: string;
        returnLineItems: {
          fulfillmentLineItemId: string;
          quantity: number;
          returnReason?: string;
          customerNote?: string;
        }[];
      };
      const failure = (field: string[], message: string, code: string) => ({
        return: null,
        userErrors: [{ field: ["input", ...field], message, code }],
      });
      const order = lookup<OrderEntity>(orderId, "Order");
      if (!order) return failure(["orderId"], "Order does not exist.", "NOT_FOUND");
      if (order.cancelledAt) return failure(["orderId"], "Order is canceled and can't be returned.", "INVALID_STATE");
      if (!returnLineItems.length) return failure(["returnLineItems"], "Return line items can't be blank.", "BLANK");

      const fulfilledLines = new Map(
        order.fulfillments.flatMap((fulfillment) => fulfillment.fulfillmentLineItems).map((line) => [line.id, line]),
      );
      const requestedSoFar = new Map<FulfillmentLineItemEntity, number>();
      for (const [index, requested] of returnLineItems.entries()) {
        const field = ["returnLineItems", String(index)];
        const line = fulfilledLines.get(requested.fulfillmentLineItemId);
        if (!line)
          return failure([...field, "fulfillmentLineItemId"], "Fulfillment line item does not exist.", "NOT_FOUND");
        if (requested.quantity < 1)
          return failure([...field, "quantity"], "Quantity must be greater than 0.", "GREATER_THAN");
        const total = (requestedSoFar.get(line) ?? 0) + requested.quantity;
        if (total > returnableQuantity(order, line)) {
          return failure(
            [...field, "quantity"],
            "Quantity exceeds the quantity that can be returned.",
            "LESS_THAN_OR_EQUAL_TO",
          );
        }
        requestedSoFar.set(line, total);
      }

      const returnId = newId("Return");
      const created: ReturnEntity = {
        __typename: "Return",
        id: returnId,
        name: `${order.name}-R${order.returns.length + 1}`,
        status: "REQUESTED",
        createdAt: nowIso,
        closedAt: null,
        decline: null,
        totalQuantity: returnLineItems.reduce((sum, line) => sum + line.quantity, 0),
        returnLineItems: returnLineItems.map((line) =>
          returnLineItem(
            newId("ReturnLineItem"),
            fulfilledLines.get(line.fulfillmentLineItemId)!,
            line.quantity,
            line.returnReason,
            line.customerNote ?? null,
          ),
        ),
      };
      order.returns.push(register(created));
      return { return: created, userErrors: [] };
    },

    orderUpdate: ({ input }) => {
      const { id, shippingAddress, email, note, tags } = input as {
        id: string;
        shippingAddress?: Record<string, string | null> | null;
        email?: string | null;
        note?: string | null;
        tags?: string[] | null;
      };
      const failure = (field: string[], message: string) => ({ order: null, userErrors: [{ field, message }] });
      const order = lookup<OrderEntity>(id, "Order");
      if (!order) return failure(["id"], "Order does not exist");
      if (shippingAddress) {
        if (order.cancelledAt)
          return failure(["shippingAddress"], "Shipping address can't be changed on a canceled order");
        if (shippedFulfillments(order).length > 0) {
          return failure(["shippingAddress"], "Shipping address can't be changed once the order has been fulfilled");
        }
        order.shippingAddress = updatedAddress(order.shippingAddress, shippingAddress, data.placeNames);
      }
      if (email !== undefined) order.email = email;
      if (note !== undefined) order.note = note;
      if (tags) order.tags = [...tags];
      return { order, userErrors: [] };
    },
  };

  function cancelOrder(order: OrderEntity, reason: string, refund: boolean, restock: boolean): void {
    order.cancelledAt = nowIso;
    order.cancelReason = reason;
    order.closed = true;
    if (restock) {
      for (const { variant, unfulfilledQuantity } of order.lineItems) {
        if (variant?.inventoryQuantity == null) continue; // not tracked
        variant.inventoryQuantity += unfulfilledQuantity;
        variant.availableForSale ||= variant.inventoryQuantity > 0;
        variant.product.totalInventory += unfulfilledQuantity;
      }
    }
    for (const lineItem of order.lineItems) lineItem.currentQuantity = 0;
    updateUnfulfilledQuantities(order);

    const captured = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"].includes(order.displayFinancialStatus ?? "");
    if (!captured) {
      // Authorizations are voided whatever the refund choice.
      order.displayFinancialStatus = "VOIDED";
      return;
    }
    if (!refund) return;
    const outstandingCents =
      toCents(order.totalPriceSet.shopMoney.amount) - toCents(order.totalRefundedSet.shopMoney.amount);
    if (outstandingCents > 0) {
      const refundEntity: Entity = {
        __typename: "Refund",
        id: newId("Refund"),
        createdAt: nowIso,
        note: `Order canceled (${reason.toLowerCase()})`,
        totalRefundedSet: moneyBag(fromCents(outstandingCents)),
      };
      order.refunds.push(register(refundEntity));
    }
    order.totalRefundedSet = moneyBag(order.totalPriceSet.shopMoney.amount);
    order.displayFinancialStatus = "REFUNDED";
  }

  return { queryRoot, mutationRoot };
}

/** Fulfilled quantity not already in a return that is still going ahead. */
function returnableQuantity(order: OrderEntity, line: FulfillmentLineItemEntity): number {
  const alreadyReturned = order.returns
    .filter((orderReturn) => orderReturn.status !== "DECLINED" && orderReturn.status !== "CANCELED")
    .flatMap((orderReturn) => orderReturn.returnLineItems)
    .filter((returned) => returned.fulfillmentLineItem === line)
    .reduce((sum, returned) => sum + returned.quantity, 0);
  return line.quantity - alreadyReturned;
}

/** Applies a MailingAddressInput: given fields replace, missing ones keep their value. */
function updatedAddress(
  current: MailingAddressEntity | null,
  input: Record<string, string | null>,
  placeNames: Map<string, string>,
): MailingAddressEntity {
  const pick = (field: string, currentValue: string | null | undefined) =>
    field in input && input[field] !== undefined ? input[field] : (currentValue ?? null);
  const firstName = pick("firstName", current?.firstName);
  const lastName = pick("lastName", current?.lastName);
  const countryCode = pick("countryCode", current?.countryCodeV2);
  const provinceCode = pick("provinceCode", current?.provinceCode);
  // The new name is worked out from the new first and last names, as Shopify does.
  return mailingAddress({
    firstName,
    lastName,
    address1: pick("address1", current?.address1),
    address2: pick("address2", current?.address2),
    city: pick("city", current?.city),
    province:
      input.province ?? (provinceCode ? (placeNames.get(`${countryCode}-${provinceCode}`) ?? provinceCode) : null),
    provinceCode,
    zip: pick("zip", current?.zip),
    country: input.country ?? (countryCode ? (placeNames.get(countryCode) ?? countryCode) : null),
    countryCodeV2: countryCode,
    phone: pick("phone", current?.phone),
  });
}

// ---------------------------------------------------------------------------------------------
// Connections

interface Connection {
  nodes: unknown[];
  edges: { node: unknown; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

// Sort keys whose field isn't simply the camelCased key.
const SORT_FIELDS: Record<string, string> = {
  ORDER_NUMBER: "name",
  INVENTORY_TOTAL: "totalInventory",
  TOTAL_PRICE: "totalPriceSet",
};

/** Applies connection arguments (query, sortKey, reverse, after/before, first/last) to a list. */
function toConnection(items: Entity[], args: Record<string, unknown>, nodeTypename: string): Connection {
  let list = items;
  if (typeof args.query === "string" && args.query.trim()) list = filterBySearch(list, args.query, nodeTypename);
  if (typeof args.sortKey === "string") list = sortedBy(list, args.sortKey);
  if (args.reverse === true) list = [...list].reverse();

  let start = 0;
  let end = list.length;
  if (typeof args.after === "string") start = decodeCursor(args.after) + 1;
  if (typeof args.before === "string") end = Math.min(end, decodeCursor(args.before));
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);

  const nodes = list.slice(start, end);
  return {
    nodes,
    // Most documents select only `nodes`: build cursors on demand.
    get edges() {
      return nodes.map((node, offset) => ({ node, cursor: encodeCursor(start + offset) }));
    },
    pageInfo: {
      hasNextPage: end < list.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? encodeCursor(start) : null,
      endCursor: nodes.length ? encodeCursor(end - 1) : null,
    },
  };
}

function sortedBy(list: Entity[], sortKey: string): Entity[] {
  const field =
    SORT_FIELDS[sortKey] ?? sortKey.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (!list.some((item) => field in item)) return list; // RELEVANCE, POSITION, …: keep store order
  const sortValue = (item: Entity): unknown => {
    const value = item[field];
    if (field === "id" && typeof value === "string") return Number(numericId(value));
    return (value as MoneyBag | undefined)?.shopMoney ? Number((value as MoneyBag).shopMoney.amount) : value;
  };
  return [...list].sort((a, b) => compareValues(sortValue(a), sortValue(b)));
}

function compareValues(a: unknown, b: unknown): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

function encodeCursor(index: number): string {
  return Buffer.from(JSON.stringify({ last_index: index })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const index = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { last_index?: unknown })
      .last_index;
    if (typeof index === "number") return index;
  } catch {
    // reported below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort: ${cursor}`);
}

// ---------------------------------------------------------------------------------------------
// Shopify search syntax: `field:value`, `field:<10`, `-field:x` (NOT), quoted values, free text;
// terms are ANDed. Filters a type doesn't support are ignored, as Shopify does.

interface SearchTerm {
  field: string | null;
  comparator: ":" | "<" | "<=" | ">" | ">=";
  value: string;
  negated: boolean;
}

function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let position = 0;
  const readQuoted = (): string => {
    let value = "";
    position++; // opening quote
    while (position < query.length && query[position] !== '"') {
      if (query[position] === "\\" && position + 1 < query.length) position++;
      value += query[position++];
    }
    position++; // closing quote
    return value;
  };
  const readBare = (): string => {
    const start = position;
    while (position < query.length && !/\s/.test(query[position])) position++;
    return query.slice(start, position);
  };

  while (position < query.length) {
    if (/\s/.test(query[position])) {
      position++;
      continue;
    }
    const negated = query[position] === "-";
    if (negated) position++;
    const fieldPrefix = /^([A-Za-z_][\w.]*):(<=|>=|<|>)?/.exec(query.slice(position));
    let term: SearchTerm;
    if (query[position] === '"') {
      term = { field: null, comparator: ":", value: readQuoted(), negated };
    } else if (fieldPrefix) {
      position += fieldPrefix[0].length;
      const value = query[position] === '"' ? readQuoted() : readBare();
      const comparator = (fieldPrefix[2] ?? ":") as SearchTerm["comparator"];
      term = { field: fieldPrefix[1].toLowerCase(), comparator, value, negated };
    } else {
      const word = readBare();
      if (word === "AND") continue;
      term = { field: null, comparator: ":", value: word, negated };
    }
    if (term.value) terms.push(term);
  }
  return terms;
}

/** true/false, or undefined when the filter isn't supported (then it's ignored). */
type TermMatcher<T> = (entity: T, term: SearchTerm) => boolean | undefined;

const SEARCH_MATCHERS: Record<string, TermMatcher<never>> = {
  Product: productMatches satisfies TermMatcher<ProductEntity>,
  Order: orderMatches satisfies TermMatcher<OrderEntity>,
  DiscountNode: discountMatches satisfies TermMatcher<Entity>,
};

function filterBySearch(items: Entity[], query: string, nodeTypename: string): Entity[] {
  const matches = SEARCH_MATCHERS[nodeTypename] as TermMatcher<Entity> | undefined;
  if (!matches) return items;
  const terms = parseSearchQuery(query);
  return items.filter((item) =>
    terms.every((term) => {
      const result = matches(item, term);
      return result === undefined || result !== term.negated;
    }),
  );
}

function productMatches(product: ProductEntity, term: SearchTerm): boolean | undefined {
  switch (term.field) {
    case null:
      return [product.title, product.handle, product.productType, product.vendor, ...product.tags].some((text) =>
        containsText(text, term.value),
      );
    case "title":
      return containsText(product.title, term.value);
    case "status":
      return inList(term.value, product.status);
    case "handle":
      return inList(term.value, product.handle);
    case "product_type":
      return inList(term.value, product.productType);
    case "vendor":
      return inList(term.value, product.vendor);
    case "tag":
      return product.tags.some((tag) => equalsText(tag, term.value));
    case "sku":
      return product.variants.some((variant) => variant.sku !== null && equalsText(variant.sku, term.value));
    case "price":
      return product.variants.some((variant) => compareNumber(Number(variant.price), term));
    case "gift_card":
      return String(product.isGiftCard) === term.value.toLowerCase();
    case "id":
      return compareNumber(Number(numericId(product.id)), term);
    default:
      return undefined;
  }
}

function discountMatches(node: Entity, term: SearchTerm): boolean | undefined {
  const discount = node.discount as { status: string; title: string; codes?: { code: string }[] };
  switch (term.field) {
    case null:
      return containsText(discount.title, term.value);
    case "status":
      return inList(term.value, discount.status);
    case "code":
      return (discount.codes ?? []).some((code) => equalsText(code.code, term.value));
    case "method":
      return inList(term.value, discount.codes ? "code" : "automatic");
    default:
      return undefined;
  }
}

function orderMatches(order: OrderEntity, term: SearchTerm): boolean | undefined {
  switch (term.field) {
    case null:
      return [order.name, order.email, order.customer?.displayName].some(
        (text) => text != null && containsText(text, term.value),
      );
    case "name":
      return normalizeOrderName(order.name) === normalizeOrderName(term.value);
    case "email":
      return order.email !== null && equalsText(order.email, term.value);
    case "customer_id":
      return order.customer !== null && numericId(order.customer.id) === numericId(term.value);
    case "tag":
      return order.tags.some((tag) => equalsText(tag, term.value));
    case "financial_status":
      return equalsText(order.displayFinancialStatus ?? "", term.value);
    case "status":
      return (
        term.value.toLowerCase() === "any" ||
        (term.value.toLowerCase() === "cancelled"
          ? order.cancelledAt !== null
          : term.value.toLowerCase() === "open" && !order.closed)
      );
    default:
      return undefined;
  }
}

function containsText(text: string, value: string): boolean {
  return text.toLowerCase().includes(value.replace(/\*$/, "").toLowerCase());
}

function equalsText(text: string, value: string): boolean {
  return text.toLowerCase() === value.toLowerCase();
}

/** `status:active,draft`: a comma-separated list of accepted values. */
function inList(list: string, value: string): boolean {
  return list.split(",").some((candidate) => equalsText(candidate.trim(), value));
}

function compareNumber(actual: number, term: SearchTerm): boolean {
  const expected = Number(term.value);
  if (Number.isNaN(expected)) return false;
  switch (term.comparator) {
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    default:
      return actual === expected;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** "#1006", "1006" → "1006": what shoppers type and what Shopify's `name:` filter accepts. */
function normalizeOrderName(name: string): string {
  return name.trim().replace(/^#/, "").toLowerCase();
}

function typenameFromGid(id: unknown): string | undefined {
  return typeof id === "string" ? /^gid:\/\/shopify\/(\w+)\/[^/]+/.exec(id)?.[1] : undefined;
}

/**
 * A return's labels as Shopify shows them: the reverse fulfillment order its approval created
 * (none while it is only requested or was declined), with a shipping deliverable per label.
 */
function reverseFulfillmentOrdersOf(orderReturn: SnapshotOrder["returns"][number]): Entity[] {
  if (orderReturn.status === "REQUESTED" || orderReturn.status === "DECLINED") return [];
  const deliveries = orderReturn.reverseDeliveries ?? [];
  const id = numericId(orderReturn.id);
  return [
    {
      __typename: "ReverseFulfillmentOrder",
      id: `gid://shopify/ReverseFulfillmentOrder/${id}`,
      status: orderReturn.status === "CLOSED" ? "CLOSED" : orderReturn.status === "CANCELED" ? "CANCELED" : "OPEN",
      reverseDeliveries: deliveries.map((delivery, index) => ({
        __typename: "ReverseDelivery",
        id: `gid://shopify/ReverseDelivery/${id}${pad(index + 1)}`,
        deliverable: {
          __typename: "ReverseDeliveryShippingDeliverable",
          tracking: delivery.tracking ? { __typename: "ReverseDeliveryTrackingV2", ...delivery.tracking } : null,
          label: delivery.labelCreatedAt
            ? {
                __typename: "ReverseDeliveryLabelV2",
                createdAt: delivery.labelCreatedAt,
                updatedAt: delivery.labelCreatedAt,
                publicFileUrl: null,
              }
            : null,
        },
      })),
    },
  ];
}

function numericId(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

function pad(index: number): string {
  return String(index).padStart(2, "0");
}

function extremePrice(variants: { price: string }[], pick: (...values: number[]) => number): string {
  if (!variants.length) return "0.00";
  return pick(...variants.map((variant) => Number(variant.price))).toFixed(2);
}

function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function fromCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Shopify stores policy bodies and descriptions as HTML; the snapshot has plain text with blank-line paragraphs. */
function textToHtml(text: string): string {
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((line) => line.startsWith("- "))) {
        return `<ul>${lines.map((line) => `<li>${escape(line.slice(2))}</li>`).join("")}</ul>`;
      }
      return `<p>${lines.map(escape).join("<br>")}</p>`;
    })
    .join("\n");
}
