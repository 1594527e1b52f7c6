/**
 * Whether each item of an order can still come back: final-sale items never, others within the
 * shop's return window (counted as the shop counts it, from delivery or from the order) once
 * delivered, and only for the quantity not already in a return. Verdicts only: the answer words
 * them, the model's tool returns them.
 */
import type { LineItem, Order } from "../../commerce/types";
import { factsFor, type ReturnWindow } from "../shop/facts";
import type { ChatContext } from "../types";
import { normalize, tokenize } from "../preprocess";
import { endOfLocalDayAfter } from "../format";
import { isEmailedFulfillment } from "./digital-delivery";

export type LineReturnVerdict =
  | { kind: "returnable"; quantity: number; windowStart: string; until: string }
  | { kind: "not_returnable"; reason: "final_sale" }
  /** The shop never said how long returns are accepted: the bot won't guess. */
  | { kind: "not_returnable"; reason: "window_unknown" }
  /** Not delivered yet; a window counted from the order date already has its last day (`until`). */
  | { kind: "not_returnable"; reason: "not_delivered"; until?: string }
  | { kind: "not_returnable"; reason: "window_closed"; windowStart: string; until: string }
  /** Everything delivered of it is already in a return (the one named). */
  | { kind: "not_returnable"; reason: "already_returned"; returnName: string };

export interface LineReturn {
  lineItemId: string;
  title: string;
  verdict: LineReturnVerdict;
}

export interface ReturnVerdict {
  lines: LineReturn[];
  /** A return already requested or open on the order: no second one is proposed meanwhile. */
  openReturn: { name: string; status: string } | null;
  /** The lines a return may be proposed for now. */
  proposable: string[];
  /**
   * Of those, the lines of a kind the shop's exclusions sentence names ("coffee", "opened candles"):
   * the sentence keeps conditions the bot can't judge, so their return is a request the team
   * reviews, never opened directly.
   */
  teamReview: string[];
}

/**
 * Tagged final-sale (the Shopify convention) or marked so in its description, which is what the
 * shopper reads on the product page. The one rule for policy answers and return eligibility.
 */
export function isFinalSale(product: { tags: string[]; description: string }): boolean {
  return product.tags.some((tag) => /^final[- ]sale$/i.test(tag)) || /\bfinal sale\b/i.test(product.description);
}

/**
 * When an item's return window ends, counted as the shop counts it: whole days on the calendar of
 * the shop's time zone, the last one included to its midnight. Null when unknown or not started.
 */
export function returnDeadline(
  window: ReturnWindow | undefined,
  orderCreatedAt: string,
  deliveredAt: string | null,
  timeZone = "UTC",
): { start: string; until: string } | null {
  if (!window) return null;
  const start = window.from === "order" ? orderCreatedAt : deliveredAt;
  if (!start) return null;
  return { start, until: endOfLocalDayAfter(start, window.days, timeZone).toISOString() };
}

const OPEN_RETURN = ["REQUESTED", "OPEN"];

const NOT_RETURNED = ["DECLINED", "CANCELED", "CANCELLED"];

/** The returns (not declined or cancelled) the line is in, and how many of it they take. */
function inReturns(order: Order, line: LineItem): { quantity: number; names: string[] } {
  const returns = order.returns.filter(
    (r) => !NOT_RETURNED.includes(r.status) && r.lines.some((l) => l.lineItemId === line.id),
  );
  const quantity = returns
    .flatMap((r) => r.lines)
    .filter((l) => l.lineItemId === line.id)
    .reduce((sum, l) => sum + l.quantity, 0);
  return { quantity, names: returns.map((r) => r.name) };
}

/** The line's return window as the shop counts it, once the item is delivered; null before, or when the shop never said. */
export function lineReturnDeadline(
  order: Order,
  line: LineItem,
  window: ReturnWindow | undefined,
  timeZone = "UTC",
): { start: string; until: string } | null {
  const shipment = order.fulfillments.find((f) => f.lines.some((l) => l.lineItemId === line.id));
  // Collected at the shop counts as delivered: the window starts at pickup where it counts from delivery.
  // An item sent by email (a course, an e-book) is delivered when it is sent.
  const deliveredAt = !shipment
    ? null
    : ["DELIVERED", "PICKED_UP"].includes(shipment.displayStatus ?? "")
      ? shipment.deliveredAt
      : shipment.status === "SUCCESS" && isEmailedFulfillment(order, shipment)
        ? (shipment.deliveredAt ?? shipment.createdAt)
        : null;
  // A window counted from the order still needs the item delivered before it can come back.
  return deliveredAt ? returnDeadline(window, order.createdAt, deliveredAt, timeZone) : null;
}

export function lineReturnVerdict(
  order: Order,
  line: LineItem,
  rules: { window: ReturnWindow | undefined; finalSale: boolean; now: Date; timeZone?: string },
): LineReturnVerdict {
  if (rules.finalSale) return { kind: "not_returnable", reason: "final_sale" };
  if (!rules.window) return { kind: "not_returnable", reason: "window_unknown" };
  const deadline = lineReturnDeadline(order, line, rules.window, rules.timeZone);
  if (!deadline) {
    // Counted from the order, the window's end is known before the item arrives.
    const fromOrder =
      rules.window.from === "order" ? returnDeadline(rules.window, order.createdAt, null, rules.timeZone) : null;
    return fromOrder
      ? { kind: "not_returnable", reason: "not_delivered", until: fromOrder.until }
      : { kind: "not_returnable", reason: "not_delivered" };
  }
  const shipment = order.fulfillments.find((f) => f.lines.some((l) => l.lineItemId === line.id));
  if (new Date(deadline.until) < rules.now)
    return { kind: "not_returnable", reason: "window_closed", windowStart: deadline.start, until: deadline.until };
  const delivered = shipment!.lines.filter((l) => l.lineItemId === line.id).reduce((sum, l) => sum + l.quantity, 0);
  const returned = inReturns(order, line);
  const quantity = Math.max(0, delivered - returned.quantity);
  if (quantity === 0) return { kind: "not_returnable", reason: "already_returned", returnName: returned.names[0] };
  return { kind: "returnable", quantity, windowStart: deadline.start, until: deadline.until };
}

export interface ReturnRules {
  window: ReturnWindow | undefined;
  isFinalSale: (line: LineItem) => boolean;
  /** Of a kind the shop's exclusions sentence names (see ReturnVerdict.teamReview). */
  isExcludedKind: (line: LineItem) => boolean;
  now: Date;
  /** The shop's time zone, whose calendar the window's days are counted on. */
  timeZone?: string;
}

/** This shop's return rules: the window its texts (or the merchant) state, its final-sale products and excluded kinds. */
export function returnRulesOf(ctx: Pick<ChatContext, "shop" | "productsByHandle" | "now">): ReturnRules {
  const products = [...ctx.productsByHandle.values()];
  const finalSaleIds = new Set(products.filter(isFinalSale).map((p) => p.id));
  const exclusions = factsFor(ctx.shop).finalSale?.value;
  const excludedIds = new Set(
    exclusions ? products.filter((p) => exclusionNamesProduct(exclusions, p)).map((p) => p.id) : [],
  );
  return {
    window: factsFor(ctx.shop).returnWindow?.value,
    isFinalSale: (line) => !!line.productId && finalSaleIds.has(line.productId),
    isExcludedKind: (line) => !!line.productId && excludedIds.has(line.productId),
    now: ctx.now,
    timeZone: ctx.shop.timezone,
  };
}

/** Whether the line was delivered and is still inside the shop's window, final sale or not (a defect is judged by it). */
export function withinReturnWindow(
  order: Order,
  line: LineItem,
  window: ReturnWindow | undefined,
  now: Date,
  timeZone?: string,
): boolean {
  const verdict = lineReturnVerdict(order, line, { window, finalSale: false, now, timeZone });
  return verdict.kind === "returnable" || (verdict.kind === "not_returnable" && verdict.reason === "already_returned");
}

/** The verdict for the lines the shopper means (all of them when they named none). */
export function returnVerdict(order: Order, lines: readonly LineItem[], rules: ReturnRules): ReturnVerdict {
  const verdicts = lines.map((line) => ({
    lineItemId: line.id,
    title: line.title,
    verdict: lineReturnVerdict(order, line, {
      window: rules.window,
      finalSale: rules.isFinalSale(line),
      now: rules.now,
      timeZone: rules.timeZone,
    }),
  }));
  const open = order.returns.find((r) => OPEN_RETURN.includes(r.status));
  const proposable = open ? [] : verdicts.filter((l) => l.verdict.kind === "returnable").map((l) => l.lineItemId);
  const excluded = new Set(lines.filter(rules.isExcludedKind).map((line) => line.id));
  return {
    lines: verdicts,
    openReturn: open ? { name: open.name, status: open.status } : null,
    proposable,
    teamReview: proposable.filter((id) => excluded.has(id)),
  };
}

/** Whether a return on the order is still waiting for the shop (requested or open). */
export function isOpenReturn(status: string): boolean {
  return OPEN_RETURN.includes(status);
}

/**
 * Whether the shop's sentence on what can't come back names this product's kind ("the candles …
 * whose packaging was opened" for a "Scented candle"): a title's first and last words are where
 * its kind sits in English, Spanish and French. The sentence keeps its conditions; the answer quotes it.
 */
export function exclusionNamesProduct(exclusions: string, product: { title: string }): boolean {
  const named = new Set(tokenize(normalize(exclusions)).map(singular));
  const titleWords = tokenize(normalize(product.title)).filter((w) => w.length > 2 && !/\d/.test(w));
  const kinds = [titleWords[0], titleWords[titleWords.length - 1]].filter(Boolean);
  return kinds.some((word) => named.has(singular(word)));
}

/** "bougies" → "bougie", "cadeaux" → "cadeau", "socks" → "sock": enough to match a kind named in the plural. */
function singular(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/, "") : word;
}
