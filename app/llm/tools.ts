/**
 * The tools the model may call: a thin adapter over the same commerce layer, verification and
 * policy verdicts (app/chat/policy) as the local engine. They return verdicts and facts as data,
 * never prose for the shopper, and enforce the rules themselves: whatever the prompt says, an
 * order the shopper hasn't proved gets a neutral "not found", DRAFT/ARCHIVED products don't
 * exist, internal discount codes are neither confirmed nor denied, and changes only ever become
 * a proposal the shopper must confirm.
 */
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import type { Order, Product } from "../commerce/types";
import { productCard } from "../chat/answers/products";
import { cancelOrder, changeShippingAddress, returnItem, verifyTurnOrder } from "../chat/answers/orders";
import { publicCodeCandidates } from "../chat/answers/discounts";
import { deliveryEstimates, unsentOrderWindow } from "../chat/answers/shipping";
import { searchKnowledge } from "../chat/knowledge";
import {
  addressChangeVerdict,
  cancelVerdict,
  changeVerdict,
  checkCode,
  handoffVerdict,
  offersVerdict,
  namedLines,
  orderMeant,
  refundVerdict,
  returnRulesOf,
  returnVerdict,
  shopperFacingNote,
  type CodeVerdict,
  type OffersVerdict,
  type PolicyVerdict,
} from "../chat/policy";
import type { ProductCard } from "../chat/protocol";
import type { Answer, Lookup, Turn } from "../chat/types";
import { complains, handoffReason } from "../chat/answers/conversation";

export const TOOLS: ChatCompletionTool[] = [
  fn(
    "get_order",
    "Look up one of the shopper's orders. Returns the order only if the shopper is its logged-in owner or gave the order's email, with the shop's verdicts on it: whether it can be cancelled, changed or sent to another address, which items can be returned (and until when; those in teamReview only after the team's review), and where refunds stand. Word the verdicts; never contradict them. When not found, `access.kind` says what is missing (need_email, need_order_number, denied, no_orders, locked, not_theirs).",
    {
      order_number: {
        type: "string",
        description: "Order number, digits only, e.g. 1042. Omit for a logged-in shopper's most relevant order.",
      },
      email: { type: "string", description: "The email the shopper says they ordered with." },
    },
  ),
  fn(
    "search_products",
    "Search the shop's live catalog (active products only).",
    {
      query: {
        type: "string",
        description: "What the shopper is looking for, in their own words, e.g. 'a gift under 50'.",
      },
      max_price: { type: "number", description: "Upper price limit in the shop's currency." },
    },
    ["query"],
  ),
  fn(
    "get_product",
    "Facts about one product: description, variants, prices, stock.",
    {
      name: { type: "string", description: "Product title, partial title or handle." },
    },
    ["name"],
  ),
  fn(
    "search_policies",
    "Search the shop's policies and FAQs (returns, shipping, payments, warranty, account).",
    {
      query: { type: "string" },
    },
    ["query"],
  ),
  fn(
    "delivery_dates",
    "For an order placed today: between which dates each of the shop's delivery options should arrive, from its shipping policy's processing and delivery times (estimates; business days). country: ISO code of a destination the shop ships to; left out, the shop's home destination.",
    { country: { type: "string" } },
    [],
  ),
  fn(
    "check_discount_code",
    "The shop's verdict on a discount code the shopper named: usable (with what it gives), expired, not_started, used_up, unknown, check_failed, or undisclosed (say you can't confirm or share details about it, nothing more).",
    { code: { type: "string" } },
    ["code"],
  ),
  fn(
    "list_offers",
    "The shop's offers when the shopper asks for a code or a promotion without naming one: public codes usable now (with what they give), automatic discounts running now, and upcoming offers (only their start date: never guess or reveal their code or terms).",
    {},
  ),
  fn(
    "start_handoff",
    "Hand the conversation to a person on the shop's team. The verdict ask_contact_email means: the request is filed; ask the guest for the email to reply to.",
    {
      summary: { type: "string", description: "One sentence for the team." },
      contact_email: { type: "string", description: "Where a guest wants the reply." },
    },
    ["summary"],
  ),
  fn(
    "propose_cancel_order",
    "Propose cancelling an order. Nothing happens until the shopper confirms in their next message (a guest first types the one-time code this emails to the order's address).",
    {
      order_number: { type: "string" },
    },
    ["order_number"],
  ),
  fn(
    "propose_return",
    "Propose opening a return for items of an order. Nothing happens until the shopper confirms.",
    {
      order_number: { type: "string" },
      items: { type: "string", description: "Which items, in the shopper's words." },
    },
    ["order_number"],
  ),
  fn(
    "propose_address_change",
    "Propose changing an unfulfilled order's shipping address. Nothing happens until the shopper confirms.",
    {
      order_number: { type: "string" },
      address: { type: "string", description: "The full new address as the shopper wrote it." },
    },
    ["order_number", "address"],
  ),
];

function fn(
  name: string,
  description: string,
  properties: Record<string, object>,
  required: string[] = [],
): ChatCompletionTool {
  return {
    type: "function",
    function: { name, description, parameters: { type: "object", properties, required, additionalProperties: false } },
  };
}

/** What the tools did during one reply, merged into the turn's output. */
export interface ToolEffects {
  lookups: Lookup[];
  products: ProductCard[];
  /** A proposal or request from a local answer the tool reused (pending action, ticket, state). */
  answer: Partial<Answer>;
  /** Emails of orders verified for the logged-in customer during this reply: theirs to be replied at. */
  customerEmails: string[];
}

export function emptyEffects(): ToolEffects {
  return { lookups: [], products: [], answer: {}, customerEmails: [] };
}

export async function runTool(name: string, rawArguments: string, turn: Turn, effects: ToolEffects): Promise<unknown> {
  let args: Record<string, unknown>;
  try {
    args = JSON.parse(rawArguments || "{}");
  } catch {
    return { error: "Arguments were not valid JSON." };
  }
  const str = (key: string) => (typeof args[key] === "string" ? (args[key] as string).trim() : undefined);
  switch (name) {
    case "get_order":
      return getOrder(turn, effects, str("order_number")?.replace(/^#/, ""), str("email"));
    case "search_products":
      return searchProducts(
        turn,
        effects,
        str("query") ?? "",
        typeof args.max_price === "number" ? args.max_price : undefined,
      );
    case "get_product":
      return getProduct(turn, effects, str("name") ?? "");
    case "search_policies":
      return searchKnowledge(turn.ctx.shop, str("query") ?? "")
        .slice(0, 4)
        .map((hit) => ({ source: hit.passage.sourceTitle, text: hit.passage.quote, url: hit.passage.url }));
    case "delivery_dates":
      return deliveryEstimates(turn, str("country"));
    case "check_discount_code":
      return checkDiscount(turn, effects, str("code") ?? "");
    case "list_offers":
      return listOffers(turn, effects);
    case "start_handoff":
      return startHandoff(turn, effects, str("summary"), str("contact_email"));
    case "propose_cancel_order":
      return reuseAnswer(turn, effects, cancelOrder, { order_number: str("order_number") });
    case "propose_return":
      return reuseAnswer(turn, effects, returnItem, { order_number: str("order_number") }, str("items"));
    case "propose_address_change":
      return reuseAnswer(turn, effects, changeShippingAddress, { order_number: str("order_number") }, str("address"));
    default:
      return { error: `Unknown tool ${name}` };
  }
}

async function getOrder(turn: Turn, effects: ToolEffects, orderNumber?: string, email?: string) {
  // The same policy as the local engine (verifyTurnOrder): counted misses, locks, someone else's order.
  const claimedNumber = orderNumber ?? turn.state.orderNumber;
  const access = await verifyTurnOrder(turn, {
    orderNumber: claimedNumber,
    // An email only counts if the shopper typed it; the model can't invent one for them.
    email: email && typedByShopper(turn, email) ? email : (turn.state.email ?? turn.entities.email),
  });
  effects.lookups.push({
    kind: "order",
    ref: orderNumber ? `#${orderNumber}` : "customer orders",
    outcome: access.kind,
  });
  if (access.kind !== "verified") {
    // Neutral on purpose: the same answer whether the order doesn't exist or isn't theirs.
    const retry = access.kind === "locked" ? { retry_after_minutes: Math.ceil(access.retryAfterMs / 60_000) } : {};
    return { found: false, access: { kind: access.kind, ...retry }, shop_email: turn.ctx.shop.email };
  }
  if (access.via === "customer")
    effects.customerEmails.push(...[access.order, ...access.otherOrders].flatMap((o) => (o.email ? [o.email] : [])));
  const meant = orderMeant(access, turn, !!claimedNumber);
  effects.answer = {
    ...effects.answer,
    state: { ...effects.answer.state, orderNumber: meant.order.name.replace(/^#/, "") },
  };
  return {
    found: true,
    access: { kind: "verified", via: access.via },
    order: orderFacts(meant.order),
    verdicts: orderVerdicts(meant.order, turn),
    other_orders: meant.otherOrders.map((o) => o.name),
  };
}

/** The shop's verdicts on a verified order, as the local engine's answers would reach them. */
export function orderVerdicts(order: Order, turn: Turn) {
  const { permissions } = turn.ctx;
  return {
    cancel: cancelVerdict(order, {
      botMayCancel: permissions.cancel,
      namedLineItemIds: namedLines(order, turn).map((l) => l.id),
    }),
    change: changeVerdict(order),
    address_change: addressChangeVerdict(order, { botMayChange: permissions.addressChange }),
    returns: returnVerdict(order, order.lineItems, returnRulesOf(turn.ctx)),
    refund: refundVerdict(order),
    expected_arrival: unsentArrival(order, turn),
  };
}

/** An order not sent yet: the days it should arrive by its method (YYYY-MM-DD), as the local answer says them. */
function unsentArrival(order: Order, turn: Turn): { earliest: string; latest: string } | null {
  const window = unsentOrderWindow(turn, order);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return window ? { earliest: day(window.earliest), latest: day(window.latest) } : null;
}

function startHandoff(
  turn: Turn,
  effects: ToolEffects,
  summary: string | undefined,
  proposedEmail: string | undefined,
) {
  const verdict = handoffVerdict({
    loggedIn: !!turn.shopper.customerId,
    typedEmails: [turn.entities.email, turn.state.email],
    proposedEmail,
    ownEmails: effects.customerEmails,
  });
  const request = (turn.state.handoffRequest ?? summary ?? turn.pre.original).slice(0, 300);
  const reason = turn.state.handoffReason ?? handoffReason(turn);
  if (verdict.kind === "ask_contact_email") {
    // No ticket the team couldn't answer: the request waits for the guest's reply address.
    effects.answer = {
      ...effects.answer,
      state: { ...effects.answer.state, awaiting: "email", handoffRequest: request, handoffReason: reason },
    };
  } else {
    const kind = complains(turn) ? "complaint" : "handoff";
    effects.answer = {
      ...effects.answer,
      handoff: true,
      ticket: { kind, reason, summary: request, contactEmail: verdict.contactEmail },
    };
  }
  return { verdict, support_hours: turn.ctx.shop.supportHours, shop_email: turn.ctx.shop.email };
}

function typedByShopper(turn: Turn, email: string): boolean {
  const known = [turn.entities.email, turn.state.email].filter(Boolean).map((e) => e!.toLowerCase());
  return known.includes(email.toLowerCase());
}

function orderFacts(order: Order) {
  return {
    name: order.name,
    placed: order.createdAt,
    cancelled: order.cancelledAt,
    financial_status: order.displayFinancialStatus,
    fulfillment_status: order.displayFulfillmentStatus,
    note: shopperFacingNote(order.note),
    total: `${order.totalPrice} ${order.currencyCode}`,
    refunded: order.totalRefunded,
    items: order.lineItems.map((l) => ({
      title: l.title,
      variant: l.variantTitle,
      quantity: l.quantity,
      not_yet_shipped: l.unfulfilledQuantity,
    })),
    shipments: order.fulfillments.map((f) => ({
      status: f.displayStatus,
      carrier: f.trackingInfo[0]?.company,
      tracking_number: f.trackingInfo[0]?.number,
      tracking_url: f.trackingInfo[0]?.url,
      delivered: f.deliveredAt,
      estimated_delivery: f.estimatedDeliveryAt,
      events: f.events.slice(0, 3).map((e) => ({ status: e.status, at: e.happenedAt, message: e.message })),
      items: f.lines.map((l) => l.title),
    })),
    refunds: order.refunds.map((r) => ({ amount: r.totalRefunded, date: r.createdAt, note: r.note })),
    returns: order.returns.map((r) => ({ name: r.name, status: r.status, items: r.lines.map((l) => l.title) })),
  };
}

function productFacts(product: Product) {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    tags: product.tags,
    url: product.onlineStoreUrl,
    variants: product.variants.map((v) => ({
      title: v.title,
      price: v.price,
      compare_at_price: v.compareAtPrice,
      in_stock: v.availableForSale,
      quantity: v.inventoryQuantity,
    })),
  };
}

async function searchProducts(turn: Turn, effects: ToolEffects, query: string, maxPrice?: number) {
  const found = await turn.ctx.commerce.searchProducts({ text: query, maxPrice, first: 5 });
  effects.lookups.push({ kind: "product_search", ref: query, outcome: `${found.length} found` });
  effects.products.push(...found.map((p) => productCard(p, turn.ctx.shop.currencyCode, turn.language)));
  return found.map((p) => ({
    title: p.title,
    handle: p.handle,
    price_from: p.priceRange.min,
    in_stock: p.variants.some((v) => v.availableForSale),
  }));
}

async function getProduct(turn: Turn, effects: ToolEffects, name: string) {
  const wanted = name.toLowerCase();
  // Only the ACTIVE catalog is reachable: a draft or archived product simply doesn't exist here.
  const product =
    turn.ctx.productsByHandle.get(wanted) ??
    [...turn.ctx.productsByHandle.values()].find((p) => p.title.toLowerCase() === wanted) ??
    [...turn.ctx.productsByHandle.values()].find(
      (p) => p.title.toLowerCase().includes(wanted) || wanted.includes(p.title.toLowerCase()),
    );
  effects.lookups.push({ kind: "product", ref: name, outcome: product ? product.handle : "not found" });
  if (!product) return { found: false };
  effects.products.push(productCard(product, turn.ctx.shop.currencyCode, turn.language));
  effects.answer = { ...effects.answer, state: { ...effects.answer.state, productHandle: product.handle } };
  return { found: true, product: productFacts(product) };
}

async function checkDiscount(
  turn: Turn,
  effects: ToolEffects,
  code: string,
): Promise<{ code: string; verdict: CodeVerdict }> {
  const verdict = await checkCode(turn.ctx.shop.internalCodes, code, (c) => turn.ctx.commerce.discountByCode(c));
  effects.lookups.push({ kind: "discount", ref: code, outcome: verdict.kind });
  return { code, verdict };
}

async function listOffers(turn: Turn, effects: ToolEffects): Promise<{ verdict: OffersVerdict }> {
  const { shop, commerce } = turn.ctx;
  const { verdict, checked } = await offersVerdict(
    shop.internalCodes,
    publicCodeCandidates(shop).slice(0, 10),
    (code) => commerce.discountByCode(code),
    () => commerce.runningAndScheduledDiscounts(),
  );
  for (const { code, verdict: codeVerdict } of checked)
    effects.lookups.push({ kind: "discount", ref: code, outcome: codeVerdict.kind });
  return { verdict };
}

/**
 * Run a local answer on the model's arguments for what it does (verification, the one-time code
 * for a guest, the confirm-first PendingAction), and return its verdicts, not its words.
 */
async function reuseAnswer(
  turn: Turn,
  effects: ToolEffects,
  answer: (t: Turn) => Promise<Answer>,
  entities: { order_number?: string },
  extraText?: string,
) {
  const scoped: Turn = {
    ...turn,
    entities: {
      ...turn.entities,
      ...(entities.order_number ? { order_number: entities.order_number.replace(/^#/, "") } : {}),
    },
    pre: extraText
      ? {
          ...turn.pre,
          original: `${turn.pre.original} ${extraText}`,
          contentTokens: [...turn.pre.contentTokens, ...extraText.toLowerCase().split(/\W+/)],
        }
      : turn.pre,
  };
  const result = await answer(scoped);
  const { text: _words, verdicts, ...effect } = result;
  effects.answer = { ...effects.answer, ...effect, state: { ...effects.answer.state, ...result.state } };
  effects.lookups.push(...(result.lookups ?? []));
  const proposed = result.state?.pendingAction ?? result.state?.codeChallenge?.proposal.action;
  return {
    verdicts: toolVerdicts(verdicts ?? []),
    proposed_action: proposed ?? null,
    awaiting_confirmation: !!result.state?.pendingAction,
    awaiting_emailed_code: !!result.state?.codeChallenge,
    ...(result.handoff ? { passed_to_team: true } : {}),
  };
}

/** Verdicts as the model reads them: the access check as `access`, each topic's verdict under its name. */
function toolVerdicts(verdicts: PolicyVerdict[]) {
  return Object.fromEntries(verdicts.map((v) => [v.topic, v]));
}
