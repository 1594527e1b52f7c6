/**
 * Which order a message means. Verification (../verification.ts) decides which orders the
 * shopper may see at all; among a logged-in customer's orders, this picks the one the message is
 * about: an order number wins, then named items, a date, or the intent's natural candidate.
 */
import type { LineItem, Order } from "../../commerce/types";
import { daysBetween } from "../format";
import { singular, wordTokens } from "../entities";
import { meaningGroups } from "../catalog/lexicon";
import type { OrderAccess } from "../verification";
import type { Turn } from "../types";
import { CANCELLATION_MADE } from "../intent/cancellation-made";

type Verified = Extract<OrderAccess, { kind: "verified" }>;

// "the one before that", "my previous order", "la précédente", "el anterior" (accents folded): the
// order placed before the one under discussion.
const EARLIER_ORDER =
  /\b(?:the )?(?:one|order) before(?: (?:that|this|it|with|containing)\b|\s*[,;]|\s*[?.!]*$)|\b(?:(?:my |the )?(?:previous|prior|earlier) (?:one|order)|the previous|(?:la |le )?(?:commande )?precedente?|(?:la commande|celle|celle-la) d'avant|(?:el |la )?(?:pedido |orden |compra )?anterior|(?:el|la) de antes)\b/;

/** The message points back to the order placed before the one discussed ("and the one before that?"). */
export function refersToEarlierOrder(normalized: string): boolean {
  return EARLIER_ORDER.test(normalized);
}

// "and my other order?", "et mon autre commande ?", "¿y mi otro pedido?" (accents folded): not the one discussed.
const OTHER_ORDER =
  /\b(?:(?:my|the) other (?:order|purchase)s?|(?:mon |l')autre commande|(?:mes |les )autres commandes|(?:mi |el )?otro pedido|(?:mis |los )?otros pedidos|(?:mi |la )?otra (?:compra|orden))\b/;

/** The message asks about the shopper's order other than the one discussed ("and my other order?"). */
export function refersToOtherOrder(normalized: string): boolean {
  return OTHER_ORDER.test(normalized);
}

// "my latest order", "ma dernière commande", "mi último pedido" (accents folded): the newest, whatever was discussed.
const LATEST_ORDER =
  /\b(?:(?:my|the) (?:latest|last|most recent|newest|recent) (?:order|one|purchase)|(?:ma |la )?derniere commande|(?:mi |el )?ultimo pedido|(?:mi |la )?ultima (?:compra|orden))\b/;

/** The message asks for the newest order, not the one the conversation was on. */
export function refersToLatestOrder(normalized: string): boolean {
  return LATEST_ORDER.test(normalized);
}

/** Of `orders`, the newest one placed before `current`, or null when `current` is the first. */
export function orderBefore(orders: Order[], current: Order): Order | null {
  const earlier = orders.filter((o) => o.createdAt < current.createdAt);
  return earlier.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/** The verified order the turn is about, and the shopper's other orders. */
export function orderMeant(access: Verified, turn: Turn, namedNumber: boolean): Verified {
  const chosen = namedNumber ? access.order : pickOrder([access.order, ...access.otherOrders], turn);
  const others = [access.order, ...access.otherOrders].filter((o) => o.id !== chosen.id);
  return { ...access, order: chosen, otherOrders: others };
}

// Words of time a question uses ("the last day", "a week ago") that a product's name may also carry ("Day Rider").
const TIME_WORDS = new Set(
  "day week month year night time last first next jour semaine mois annee nuit dia semana mes ano noche".split(" "),
);

const TIME_HINTS: { pattern: RegExp; days: number }[] = [
  { pattern: /\b(this morning|today|earlier today|just (?:now|ordered|placed)|hoy|aujourd'hui|ce matin)\b/i, days: 0 },
  { pattern: /\b(last night|yesterday|ayer|anoche|hier)\b/i, days: 1 },
];
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

// Asking whether a cancellation already asked for went through ("did my cancellation go through?",
// "l'annulation est bien passée ?", "¿ya quedó hecha la cancelación?"), accents folded: a state, not a request.
const CANCELLATION_STATUS =
  /\b(?:cancell?ation|annulation|cancelacion)\b.*\b(?:go(?:ne)? through|went through|(?:been )?(?:processed|confirmed|done)|worked|passee?|prise en compte|effectuee|confirmee|hecha|procesad[ao]|confirmad[ao]|se hizo|funciono)\b|\b(?:hecha|procesada|confirmada|aplicada)\b.*\bcancelacion\b/;

// Asking how a return is going, not to make one (accents folded).
const RETURN_PROGRESS =
  /\b(?:status of|how is|how's|what's happening with|update on|como va|como van|estado de|que paso con|ou en est|ou en sont|des nouvelles de)\b.*\b(?:returns?|devolucion(?:es)?|retours?)\b/;

/** Of a customer's orders, the one this message is about: named items, a date, or the intent's natural candidate. */
export function pickOrder(orders: Order[], turn: Turn): Order {
  const words = new Set(turn.pre.contentTokens.map(singular));
  const text = turn.pre.original;
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`, "i").test(text));
  const wantsOpen = ["cancel_order", "change_order", "change_shipping_address"].includes(turn.intent.intent);
  const wantsDelivered = ["return_item", "exchange_item"].includes(turn.intent.intent);
  // "Why was my order cancelled?": a cancelled order, not the newest one.
  const asksCancelled = CANCELLATION_MADE.test(turn.pre.normalized) || CANCELLATION_STATUS.test(turn.pre.normalized);
  // "How is my return going?": the order with a return, as a refund question would.
  const wantsRefund =
    turn.intent.intent === "refund_status" ||
    (turn.intent.intent === "return_item" && RETURN_PROGRESS.test(turn.pre.normalized));
  const score = (order: Order, index: number) => {
    let s = 0;
    const itemWords = new Set(order.lineItems.flatMap((l) => wordTokens(l.title).map(singular)));
    // A variant's own words ("the ember one", "en Sauge") point to the order that holds it, less than its name.
    const variantWords = new Set(order.lineItems.flatMap((l) => wordTokens(l.variantTitle ?? "").map(singular)));
    for (const w of words) if (w.length > 2 && itemWords.has(w) && !TIME_WORDS.has(w)) s += 3;
    for (const w of words) if (w.length > 2 && variantWords.has(w) && !itemWords.has(w) && !TIME_WORDS.has(w)) s += 2;
    for (const hint of TIME_HINTS)
      if (hint.pattern.test(text) && daysBetween(order.createdAt, turn.ctx.now) === hint.days) s += 4;
    if (month >= 0 && new Date(order.createdAt).getUTCMonth() === month) s += 4;
    const open = !order.cancelledAt && order.fulfillments.length === 0;
    if (wantsOpen && open) s += 2;
    if (wantsDelivered && order.fulfillments.some((f) => f.displayStatus === "DELIVERED")) s += 1;
    if (wantsRefund && (order.refunds.length > 0 || order.returns.length > 0)) s += 2;
    // Said to be cancelled, it outweighs another order's refund: "my cancelled order, where's my money?".
    if (asksCancelled && order.cancelledAt) s += 3;
    return s - index * 0.01; // ties: the order verification ranked first
  };
  return orders.map((order, index) => ({ order, s: score(order, index) })).sort((a, b) => b.s - a.s)[0].order;
}

/** Line items the message names ("the jacket and the beanie"), else all of them. */
export function mentionedLines(order: Order, turn: Pick<Turn, "pre">): LineItem[] {
  const named = namedLines(order, turn);
  return named.length > 0 ? named : order.lineItems;
}

/**
 * The items a return question is about: those the message names; else, unless it asks for all of
 * them, those the return under discussion was about ("how do I send it back?"); else none.
 */
export function returnFocusLines(order: Order, turn: Pick<Turn, "pre" | "state">): LineItem[] {
  const named = namedLines(order, turn);
  if (named.length > 0 || ALL_ITEMS.test(turn.pre.normalized)) return named;
  const focus = new Set(turn.state.returnItemIds ?? []);
  return order.lineItems.filter((line) => focus.has(line.id));
}

// "both", "everything", "the whole order", "les deux", "todo el pedido" (accents folded).
const ALL_ITEMS =
  /\b(?:both|all of (?:it|them)|all (?:the |my )?(?:items|things|of the order)|everything|(?:the )?(?:whole|entire|full) order|les deux|tout|toute la commande|tous les articles|los dos|las dos|ambos|ambas|todo|todos|todas)\b/;

/** The order's items the message names ("the sleeping bag"), or none. */
export function namedLines(order: Order, turn: Pick<Turn, "pre">): LineItem[] {
  const words = new Set(turn.pre.contentTokens.map(singular));
  const names = (said: Set<string>) =>
    order.lineItems.filter((line) =>
      wordTokens(`${line.title} ${line.variantTitle ?? ""}`).some((w) => w.length > 2 && said.has(singular(w))),
    );
  const direct = names(words);
  // "the teapot" for a "Tetera …" line: the same kind of goods in another of the shop's languages.
  const named = direct.length > 0 ? direct : names(sameMeaning(words));
  if (named.length > 0 || !OTHER_ITEMS.test(turn.pre.normalized)) return named;
  // "Can I return the other item too?" after one of them was returned: the items no return covers yet.
  const returned = new Set(order.returns.flatMap((r) => r.lines.map((l) => l.lineItemId)));
  return returned.size > 0 ? order.lineItems.filter((line) => !returned.has(line.id)) : [];
}

// "the other item", "the rest", "l'autre article", "el otro" (accents folded).
const OTHER_ITEMS =
  /\b(?:(?:the )?other (?:item|items|one|thing|things|product|products)|the rest|rest of (?:it|them|the order)|l'autre|les autres|le reste|(?:el|la) otr[oa]|(?:los|las) otr[oa]s|el resto|lo demas)\b/;

let meaningIndex: Map<string, string[]> | null = null;

/** The words the lexicons give the same meaning as these (in English, Spanish and French), singular. */
function sameMeaning(words: Set<string>): Set<string> {
  if (!meaningIndex) {
    meaningIndex = new Map();
    for (const group of meaningGroups()) {
      const forms = group.map(singular);
      for (const form of forms) meaningIndex.set(form, [...(meaningIndex.get(form) ?? []), ...forms]);
    }
  }
  const out = new Set<string>();
  for (const word of words) for (const other of meaningIndex.get(word) ?? []) if (other !== word) out.add(other);
  return out;
}
