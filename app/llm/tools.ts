/**
 * The tools the model may call. They run over the same commerce layer and the same verification
 * policy as the local engine, and enforce them themselves: whatever the prompt says, an order the
 * shopper hasn't proved gets a neutral "not found", DRAFT/ARCHIVED products don't exist, internal
 * discount codes are unknown, and changes only ever become a proposal the shopper must confirm.
 */
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import type { Order, Product } from "../commerce/types";
import { productCard } from "../chat/answers/products";
import { cancelOrder, changeShippingAddress, returnItem, shopperFacingNote, verifyTurnOrder } from "../chat/answers/orders";
import { searchKnowledge } from "../chat/knowledge";
import type { ProductCard } from "../chat/protocol";
import type { Answer, Lookup, Turn } from "../chat/types";
import { handoffReason } from "../chat/answers/conversation";

export const TOOLS: ChatCompletionTool[] = [
  fn("get_order", "Look up one of the shopper's orders. Returns the order only if the shopper is its logged-in owner or gave the order's email.", {
    order_number: { type: "string", description: "Order number, digits only, e.g. 1042. Omit for a logged-in shopper's most relevant order." },
    email: { type: "string", description: "The email the shopper says they ordered with." },
  }),
  fn("search_products", "Search the shop's live catalog (active products only).", {
    query: { type: "string", description: "What the shopper is looking for, e.g. 'waterproof hiking boots'." },
    max_price: { type: "number", description: "Upper price limit in the shop's currency." },
  }, ["query"]),
  fn("get_product", "Facts about one product: description, variants, prices, stock.", {
    name: { type: "string", description: "Product title, partial title or handle." },
  }, ["name"]),
  fn("search_policies", "Search the shop's policies and FAQs (returns, shipping, payments, warranty, account).", {
    query: { type: "string" },
  }, ["query"]),
  fn("check_discount_code", "Check whether a discount code exists and what it gives.", { code: { type: "string" } }, ["code"]),
  fn("start_handoff", "Hand the conversation to a person on the shop's team.", {
    summary: { type: "string", description: "One sentence for the team." },
    contact_email: { type: "string", description: "Where a guest wants the reply." },
  }, ["summary"]),
  fn("propose_cancel_order", "Propose cancelling an order. Nothing happens until the shopper confirms in their next message (a guest first types the one-time code this emails to the order's address).", {
    order_number: { type: "string" },
  }, ["order_number"]),
  fn("propose_return", "Propose opening a return for items of an order. Nothing happens until the shopper confirms.", {
    order_number: { type: "string" },
    items: { type: "string", description: "Which items, in the shopper's words." },
  }, ["order_number"]),
  fn("propose_address_change", "Propose changing an unfulfilled order's shipping address. Nothing happens until the shopper confirms.", {
    order_number: { type: "string" },
    address: { type: "string", description: "The full new address as the shopper wrote it." },
  }, ["order_number", "address"]),
];

function fn(name: string, description: string, properties: Record<string, object>, required: string[] = []): ChatCompletionTool {
  return { type: "function", function: { name, description, parameters: { type: "object", properties, required, additionalProperties: false } } };
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
      return searchProducts(turn, effects, str("query") ?? "", typeof args.max_price === "number" ? args.max_price : undefined);
    case "get_product":
      return getProduct(turn, effects, str("name") ?? "");
    case "search_policies":
      return searchKnowledge(turn.ctx.shop, str("query") ?? "").slice(0, 4).map((hit) => ({ source: hit.passage.sourceTitle, text: hit.passage.quote, url: hit.passage.url }));
    case "check_discount_code":
      return checkDiscount(turn, effects, str("code") ?? "");
    case "start_handoff": {
      const summary = (str("summary") ?? turn.pre.original).slice(0, 300);
      const replyTo = contactEmail(turn, effects, str("contact_email"));
      // No ticket the team couldn't answer: a guest gives a reply address first.
      if (!turn.shopper.customerId && !replyTo) {
        effects.answer = { ...effects.answer, state: { ...effects.answer.state, awaiting: "email", handoffRequest: summary, handoffReason: handoffReason(turn) } };
        return { status: "need_contact_email", instruction: "Nothing is filed yet. Ask the shopper which email address the team should reply to." };
      }
      effects.answer = {
        ...effects.answer,
        handoff: true,
        ticket: { kind: turn.intent.intent === "complaint" ? "complaint" : "handoff", reason: turn.state.handoffReason ?? handoffReason(turn), summary: turn.state.handoffRequest ?? summary, contactEmail: replyTo },
      };
      return { status: "handed_off", support_hours: turn.ctx.shop.supportHours, email: turn.ctx.shop.email };
    }
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
  const access = await verifyTurnOrder(turn, {
    orderNumber: orderNumber ?? turn.state.orderNumber,
    // An email only counts if the shopper typed it; the model can't invent one for them.
    email: email && typedByShopper(turn, email) ? email : turn.state.email ?? turn.entities.email,
  });
  effects.lookups.push({ kind: "order", ref: orderNumber ? `#${orderNumber}` : "customer orders", outcome: access.kind });
  if (access.kind === "locked") {
    const minutes = Math.ceil(access.retryAfterMs / 60_000);
    return { found: false, needs: `nothing: too many attempts didn't match, so order lookups are paused for ${minutes} minutes; the shopper can log in to their account or email ${turn.ctx.shop.email} from the address they ordered with` };
  }
  if (access.kind === "not_theirs") {
    return { found: false, needs: `nothing: the shopper says the order is someone else's, and only the person who placed it can be helped; they should contact the shop themselves (chat, their account, or ${turn.ctx.shop.email})` };
  }
  if (access.kind !== "verified") {
    // Neutral on purpose: the same answer whether the order doesn't exist or isn't theirs.
    return { found: false, needs: access.kind === "need_email" ? "the email used for the order" : access.kind === "need_order_number" ? "the order number and email" : "a matching order number and email" };
  }
  if (access.via === "customer") effects.customerEmails.push(...[access.order, ...access.otherOrders].flatMap((o) => (o.email ? [o.email] : [])));
  effects.answer = { ...effects.answer, state: { ...effects.answer.state, orderNumber: access.order.name.replace(/^#/, "") } };
  return { found: true, order: orderFacts(access.order), other_orders: access.otherOrders.map((o) => o.name) };
}

/**
 * Where the team replies to a hand-off: the model's choice only if it is an address the shopper
 * typed, or the logged-in customer's own (from an order verified for them); else what they typed.
 */
function contactEmail(turn: Turn, effects: ToolEffects, proposed: string | undefined): string | undefined {
  const typed = turn.entities.email ?? turn.state.email;
  if (!proposed) return typed;
  const own = effects.customerEmails.some((e) => e.toLowerCase() === proposed.toLowerCase());
  return typedByShopper(turn, proposed) || own ? proposed : typed;
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
    items: order.lineItems.map((l) => ({ title: l.title, variant: l.variantTitle, quantity: l.quantity, not_yet_shipped: l.unfulfilledQuantity })),
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
    variants: product.variants.map((v) => ({ title: v.title, price: v.price, compare_at_price: v.compareAtPrice, in_stock: v.availableForSale, quantity: v.inventoryQuantity })),
  };
}

async function searchProducts(turn: Turn, effects: ToolEffects, query: string, maxPrice?: number) {
  const found = await turn.ctx.commerce.searchProducts({ text: query, maxPrice, first: 5 });
  effects.lookups.push({ kind: "product_search", ref: query, outcome: `${found.length} found` });
  effects.products.push(...found.map((p) => productCard(p, turn.ctx.shop.currencyCode, turn.language)));
  return found.map((p) => ({ title: p.title, handle: p.handle, price_from: p.priceRange.min, in_stock: p.variants.some((v) => v.availableForSale) }));
}

async function getProduct(turn: Turn, effects: ToolEffects, name: string) {
  const wanted = name.toLowerCase();
  // Only the ACTIVE catalog is reachable: a draft or archived product simply doesn't exist here.
  const product =
    turn.ctx.productsByHandle.get(wanted) ??
    [...turn.ctx.productsByHandle.values()].find((p) => p.title.toLowerCase() === wanted) ??
    [...turn.ctx.productsByHandle.values()].find((p) => p.title.toLowerCase().includes(wanted) || wanted.includes(p.title.toLowerCase()));
  effects.lookups.push({ kind: "product", ref: name, outcome: product ? product.handle : "not found" });
  if (!product) return { found: false };
  effects.products.push(productCard(product, turn.ctx.shop.currencyCode, turn.language));
  effects.answer = { ...effects.answer, state: { ...effects.answer.state, productHandle: product.handle } };
  return { found: true, product: productFacts(product) };
}

async function checkDiscount(turn: Turn, effects: ToolEffects, code: string) {
  const internal = turn.ctx.shop.internalCodes.some((c) => c.toLowerCase() === code.toLowerCase());
  const discount = internal ? null : await turn.ctx.commerce.discountByCode(code);
  effects.lookups.push({ kind: "discount", ref: code, outcome: discount ? discount.status : "unknown" });
  // Scheduled codes are not announced yet, and internal ones are private: both look unknown.
  if (!discount || discount.status === "SCHEDULED") return { exists: false };
  const usedUp = discount.usageLimit !== null && discount.usageCount >= discount.usageLimit;
  return { exists: true, code: discount.code, status: usedUp ? "USAGE_LIMIT_REACHED" : discount.status, summary: discount.summary, ends: discount.endsAt, minimum_subtotal: discount.minimumSubtotal };
}

/** Run a local answer (verification, eligibility, confirm-first) on the model's arguments. */
async function reuseAnswer(turn: Turn, effects: ToolEffects, answer: (t: Turn) => Promise<Answer>, entities: { order_number?: string }, extraText?: string) {
  const scoped: Turn = {
    ...turn,
    entities: { ...turn.entities, ...(entities.order_number ? { order_number: entities.order_number.replace(/^#/, "") } : {}) },
    pre: extraText ? { ...turn.pre, original: `${turn.pre.original} ${extraText}`, contentTokens: [...turn.pre.contentTokens, ...extraText.toLowerCase().split(/\W+/)] } : turn.pre,
  };
  const result = await answer(scoped);
  effects.answer = { ...effects.answer, ...result, state: { ...effects.answer.state, ...result.state } };
  effects.lookups.push(...(result.lookups ?? []));
  return { message_for_shopper: result.text, awaiting_confirmation: !!result.state?.pendingAction, awaiting_emailed_code: !!result.state?.codeChallenge };
}
