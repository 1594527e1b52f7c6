/**
 * Loose follow-ups about the order in focus, read in the topic of the answer they follow: a
 * shopper who just heard where their return, refund or cancellation stands and asks "when was
 * that?", "which order was it?" or "what was in it?" still asks about that return, refund or
 * cancellation; "number pls" after a parcel's status asks for its tracking number.
 * Texts are normalized (lower case, accents folded).
 */
import type { Entities } from "./entities";
import type { IntentResult } from "./intent/engine";
import type { Intent } from "./intent/labels";
import { asksOrderContents, RETURN_TO_SENDER } from "./intent/order-questions";

/** Answers about one order whose topic a loose follow-up keeps. */
const TOPIC_KEEPERS = new Set<Intent>(["return_item", "exchange_item", "refund_status", "cancel_order"]);

/** Readings a loose follow-up gets on its own words, which the topic in focus outweighs. */
const LOOSE_READINGS = new Set<Intent>([
  "track_order",
  "return_item",
  "exchange_item",
  "return_policy",
  "out_of_scope",
  "product_info",
  "product_search",
  "greeting",
  "thanks_goodbye",
]);

const LOOSE_FOLLOW_UP_WORDS = 9;
/** Below this confidence a reading of another order action is no change of topic ("which order was that?" as a cancel). */
const LOOSE_BELOW = 0.6;

// "when did I send it in?", "je l'ai demandé quand ?", "¿cuándo la pedí?", "what day was that?"
const ASKS_WHEN = /\b(?:when|what (?:day|date)|since when|quand|quel jour|quelle date|cuando|que (?:dia|fecha))\b/;
// The parcel's own journey, which the tracking answer tells ("when did it arrive?").
const ABOUT_THE_PARCEL =
  /\b(?:ship\w*|deliver\w*|arriv\w*|track\w*|parcel|package|box|carrier|go out|went out|dispatch\w*|coming|get here|colis|livr\w*|expedi\w*|arrive\w*|transporteur|llega\w*|llego|entreg\w*|paquete|paqueteria|guia|envio)\b/;
// The money, which the refund answer tells ("when will I get my money?").
const ABOUT_THE_MONEY =
  /\b(?:refund\w*|money|paid|pay|charge\w*|card|bank|rembours\w*|argent|carte|banque|reembols\w*|dinero|tarjeta|banco|devuelv\w*|regres\w*)\b/;
// A return or exchange of its own, which the return answer tells ("when can I send it back?").
const ABOUT_A_RETURN_OR_EXCHANGE =
  /\b(?:return\w*|send (?:it|them) back|exchang\w*|retour\w*|renvoy\w*|echang\w*|devol\w*|cambi\w*)\b/;
const HANDOFF_READINGS = new Set<Intent>(["human_agent", "complaint"]);
/** Answers about the shopper's own return (or the refund it led to), whose label a follow-up may ask. */
const RETURN_TOPICS = new Set<Intent>(["return_item", "exchange_item", "refund_status"]);
// A return label: "the label", "l'étiquette", "la guía de devolución", "la etiqueta".
const RETURN_LABEL = /\b(?:label|labels|etiquette|etiquettes|etiqueta|guia de devolucion)\b/;
// "return to sender" (RETURN_TO_SENDER) is the parcel's way back, which tracking tells.

/** Readings a bare "when did that go out?" gets alone, which the parcel in focus outweighs. */
const DATE_MISREADS = new Set<Intent>([
  "refund_status",
  "return_item",
  "exchange_item",
  "cancel_order",
  "change_order",
  "out_of_scope",
  "greeting",
  "thanks_goodbye",
]);
// "for which item?", "c'était quel article ?", "¿de qué artículo?": the items the answer was about.
const WHICH_ITEM =
  /\b(?:which|what) (?:items?|products?|things?)\b|\bquel(?:le)?s? (?:articles?|produits?)\b|\b(?:que|cual(?:es)?) (?:articulos?|productos?|cosas?)\b/;
// "the other one", "that one", "is that everything?", "l'autre ?", "¿y la otra?", "¿es todo?"
// "that's all" / "c'est tout" / "eso es todo" only asked ("?"): said, they close the chat ("thanks, that's all").
const POINTS_AT_ITS_ITEMS =
  /\b(?:the other (?:one|ones|thing|bit)|that one|this one|which one|l'autre|les autres|celui-la|celle-la|lequel|laquelle|el otro|la otra|los otros|las otras)\b|\b(?:is that|was that) (?:all|everything|it|the whole (?:order|thing))\b|\b(?:that's|thats) (?:all|everything|it|the whole (?:order|thing))\s*\?|\bc'est tout\s*\?|\b(?:es|era|eso es) todo\s*\?/;
/** Readings "and the other one?" gets alone (a swap, a product), which the parcels in focus outweigh. */
const ITEM_MISREADS = new Set<Intent>([
  "exchange_item",
  "change_order",
  "product_info",
  "product_search",
  "out_of_scope",
  "greeting",
  "thanks_goodbye",
]);
// "eta?", "still moving?", "any update?", "¿y ahora?", "des nouvelles ?": where the parcel stands now.
const STATUS_PROMPT =
  /\b(?:eta|update|updates|news|status|how long|moving|still (?:moving|coming|on (?:its|the) way|nothing)|nouvelles|toujours (?:rien|en route)|novedades|sigue|todavia no|aun no|y ahora)\b/;
const STATUS_PROMPT_WORDS = 5;
/** Readings a bare "eta?" or "still moving?" gets alone, which the order in focus outweighs. */
const STATUS_MISREADS = new Set<Intent>([
  "greeting",
  "out_of_scope",
  "shipping_options",
  "product_info",
  "product_search",
  "account_help",
]);
// "which order was that?", "c'était quelle commande ?", "¿qué pedido era?", "order number?"
const WHICH_ORDER =
  /\b(?:(?:which|what) order|order (?:number|name|no)|(?:name|number) of (?:the|my|that|this) order|quelle commande|numero de (?:la )?commande|(?:que|cual) pedido|numero de pedido)\b/;

// "number pls", "tracking?", "le numéro ?", "¿número de guía?": the parcel's tracking number.
const TRACKING_NUMBER = /\b(?:number|tracking|numero|suivi|guia|rastreo|seguimiento)\b/;
// "your phone number?", "¿su teléfono?": the shop's number, not the parcel's.
const PHONE = /\b(?:phone|telephone|tel|whatsapp|call|telefono|appeler|llamar)\b/;
const TRACKING_NUMBER_WORDS = 4;
/** Readings a bare "number?" gets alone (a phone number, a person), which the parcel in focus outweighs. */
const NUMBER_MISREADS = new Set<Intent>([
  "human_agent",
  "complaint",
  "out_of_scope",
  "account_help",
  "product_info",
  "product_search",
  "greeting",
  "thanks_goodbye",
  "payment_issue",
]);

/** Whether the message asks which order the answer is about ("which order was that?", "¿qué pedido era?"). */
export function asksWhichOrder(normalized: string): boolean {
  return WHICH_ORDER.test(normalized);
}

/** The intent a loose follow-up about the order in focus keeps, or null when it asks something else. */
export function orderTopicFollowUp(
  result: IntentResult,
  normalized: string,
  entities: Entities,
  last: Intent | undefined,
  orderInFocus: boolean,
  wordCount: number,
): IntentResult | null {
  if (!last || !orderInFocus || entities.order_number || entities.email) return null;
  const kept = { ...result, intent: last, lowConfidence: false };
  if (
    last === "track_order" &&
    wordCount <= TRACKING_NUMBER_WORDS &&
    TRACKING_NUMBER.test(normalized) &&
    !PHONE.test(normalized) &&
    (result.lowConfidence || NUMBER_MISREADS.has(result.intent))
  )
    return kept;
  // "when did that go out?", "ok but when?" after a parcel's status: that parcel's dates, not a refund's.
  if (
    last === "track_order" &&
    result.intent !== last &&
    !entities.product &&
    heardLoosely(result, DATE_MISREADS) &&
    !HANDOFF_READINGS.has(result.intent) &&
    wordCount <= LOOSE_FOLLOW_UP_WORDS &&
    ASKS_WHEN.test(normalized) &&
    !ABOUT_THE_MONEY.test(normalized) &&
    !ABOUT_A_RETURN_OR_EXCHANGE.test(normalized)
  )
    return kept;
  // "eta?", "still moving?", "any update?", "what's the name of the order?" after a parcel's status: that
  // order again (its status says it), not a greeting, the shop's delivery times or another topic.
  if (
    last === "track_order" &&
    result.intent !== last &&
    !entities.product &&
    ((wordCount <= STATUS_PROMPT_WORDS && STATUS_PROMPT.test(normalized)) ||
      (wordCount <= LOOSE_FOLLOW_UP_WORDS && WHICH_ORDER.test(normalized))) &&
    heardLoosely(result, STATUS_MISREADS) &&
    !ABOUT_THE_MONEY.test(normalized) &&
    !ABOUT_A_RETURN_OR_EXCHANGE.test(normalized)
  )
    return kept;
  // "and the other one?", "is that everything?" after a parcel's status: the order's other items, not an exchange.
  if (
    last === "track_order" &&
    result.intent !== last &&
    wordCount <= LOOSE_FOLLOW_UP_WORDS &&
    POINTS_AT_ITS_ITEMS.test(normalized) &&
    heardLoosely(result, ITEM_MISREADS) &&
    !ABOUT_THE_MONEY.test(normalized) &&
    !ABOUT_A_RETURN_OR_EXCHANGE.test(normalized)
  )
    return kept;
  // "le numéro de suivi du retour ?", "the label's from when?" after the shopper's return or refund: that
  // return's label, not the parcel that came.
  if (
    RETURN_TOPICS.has(last) &&
    result.intent !== "return_item" &&
    !HANDOFF_READINGS.has(result.intent) &&
    wordCount <= LOOSE_FOLLOW_UP_WORDS &&
    !RETURN_TO_SENDER.test(normalized) &&
    (RETURN_LABEL.test(normalized) || (ABOUT_A_RETURN_OR_EXCHANGE.test(normalized) && TRACKING_NUMBER.test(normalized)))
  )
    return { ...kept, intent: "return_item" };
  if (!TOPIC_KEEPERS.has(last) || entities.product || wordCount > LOOSE_FOLLOW_UP_WORDS) return null;
  if (result.intent === last || !heardLoosely(result, LOOSE_READINGS)) return null;
  const asksWhen =
    ASKS_WHEN.test(normalized) && !ABOUT_THE_PARCEL.test(normalized) && !ABOUT_THE_MONEY.test(normalized);
  const asksWhich = WHICH_ORDER.test(normalized) || WHICH_ITEM.test(normalized) || asksOrderContents(normalized);
  return asksWhen || asksWhich ? kept : null;
}

/** The engine's reading is one the topic in focus outweighs: one of `misreads`, or unsure. */
function heardLoosely(result: IntentResult, misreads: ReadonlySet<Intent>): boolean {
  return misreads.has(result.intent) || result.lowConfidence || result.confidence < LOOSE_BELOW;
}
