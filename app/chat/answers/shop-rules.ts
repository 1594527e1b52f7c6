/**
 * The shop's own rules, as answers state them: each clause is built from a fact this shop's data
 * gave (shop/facts.ts) and is left out, or replaced by the shop's own sentence, when the shop
 * never said it. No number or place here belongs to any one shop.
 */
import { formatDuration } from "../format";
import { defineMessages, t } from "../i18n";
import { bestPassages } from "../knowledge";
import { factsFor, type ReturnWindow, type ShopFacts } from "../shop/facts";
import type { Turn } from "../types";
import { exclusionNamesProduct } from "../policy/returns";

const M = defineMessages({
  kind_excluded: {
    en: "About {item}: our return policy has an exclusion for this kind of item.{policy}",
    es: "Sobre {item}: nuestra política de devoluciones tiene una exclusión para este tipo de artículo.{policy}",
    fr: "À propos de {item} : notre politique de retour prévoit une exclusion pour ce type d'article.{policy}",
  },
  window_from_delivery: {
    en: "within {days} days of delivery",
    es: "en los {days} días siguientes a la entrega",
    fr: "dans les {days} jours suivant la livraison",
  },
  window_from_order: {
    en: "within {days} days of the order date",
    es: "en los {days} días siguientes a la fecha del pedido",
    fr: "dans les {days} jours suivant la date de commande",
  },
  window_unknown_start: {
    en: "within {days} days",
    es: "en un plazo de {days} días",
    fr: "dans un délai de {days} jours",
  },
  window_label_delivery: {
    en: "{days} days from delivery on {start}",
    es: "{days} días desde la entrega el {start}",
    fr: "{days} jours après la livraison du {start}",
  },
  window_label_order: {
    en: "{days} days from the order date, {start}",
    es: "{days} días desde la fecha del pedido, {start}",
    fr: "{days} jours après la date de commande, le {start}",
  },
  refund_timing: {
    en: " Refunds usually take {duration} to appear on your statement.",
    es: " Los reembolsos suelen tardar {duration} en aparecer en tu extracto.",
    fr: " Les remboursements apparaissent en général sous {duration} sur votre relevé.",
  },
  handling_time: {
    en: " Orders usually leave within {duration}.",
    es: " Los pedidos suelen salir en {duration}.",
    fr: " Les commandes partent en général sous {duration}.",
  },
  handling_after_payment: {
    en: " Once it is, orders usually leave within {duration}.",
    es: " Una vez confirmado, los pedidos suelen salir en {duration}.",
    fr: " Une fois le paiement reçu, les commandes partent en général sous {duration}.",
  },
  reply_within: { en: " within {duration}", es: " en {duration}", fr: " sous {duration}" },
  shop_says: {
    en: " Our policy: “{sentence}”",
    es: " Nuestra política: “{sentence}”",
    fr: " Notre politique : « {sentence} »",
  },
  receipt_unknown: {
    en: " Once it reaches us, our team processes the refund.",
    es: " Cuando nos llegue, nuestro equipo tramitará el reembolso.",
    fr: " Dès sa réception, notre équipe traite le remboursement.",
  },
});

export function shopFactsOf(turn: Turn): ShopFacts {
  return factsFor(turn.ctx.shop);
}

/** "within 30 days of delivery" / "within 14 days of the order date", or null when the shop never said. */
export function returnWindowPhrase(turn: Turn): string | null {
  const window = shopFactsOf(turn).returnWindow?.value;
  if (!window) return null;
  const key =
    window.from === "delivery"
      ? M.window_from_delivery
      : window.from === "order"
        ? M.window_from_order
        : M.window_unknown_start;
  return t(turn.language, key, { days: window.days });
}

/** "(30 days from delivery on …)" for the deadline's explanation. */
export function returnWindowLabel(turn: Turn, window: ReturnWindow, start: string): string {
  return t(turn.language, window.from === "order" ? M.window_label_order : M.window_label_delivery, {
    days: window.days,
    start,
  });
}

/** " Refunds usually take 5–10 business days…", or "" when the shop never said. */
export function refundTimingClause(turn: Turn): string {
  const timing = shopFactsOf(turn).refundTiming?.value;
  return timing ? t(turn.language, M.refund_timing, { duration: formatDuration(timing, turn.language) }) : "";
}

/** " Orders usually leave within 1 business day.", or "". */
export function handlingTimeClause(turn: Turn): string {
  const handling = shopFactsOf(turn).handlingTime?.value;
  return handling ? t(turn.language, M.handling_time, { duration: formatDuration(handling, turn.language) }) : "";
}

/** " Once it is, orders usually leave within 3 business days." after a payment awaited, or "" when the shop never said. */
export function handlingAfterPaymentClause(turn: Turn): string {
  const handling = shopFactsOf(turn).handlingTime?.value;
  return handling
    ? t(turn.language, M.handling_after_payment, { duration: formatDuration(handling, turn.language) })
    : "";
}

/** " within 2 business days" after "they'll email you", or "" when the shop never said how soon. */
export function replyTimeClause(turn: Turn): string {
  const reply = shopFactsOf(turn).replyTime?.value;
  return reply ? t(turn.language, M.reply_within, { duration: formatDuration(reply, turn.language) }) : "";
}

/** The shop's sentence on what happens when a return arrives, or a neutral line that promises no timing. */
export function returnReceiptClause(turn: Turn): string {
  const sentence = shopFactsOf(turn).returnReceipt?.value;
  return sentence ? t(turn.language, M.shop_says, { sentence }) : t(turn.language, M.receipt_unknown);
}

/** The shop's own sentence on final-sale items, quoted, or "". */
export function finalSaleClause(turn: Turn): string {
  const sentence = shopFactsOf(turn).finalSale?.value;
  return sentence ? t(turn.language, M.shop_says, { sentence }) : "";
}

/**
 * The shop's own sentence on a topic no fact field covers (failed deliveries, exchanges), quoted,
 * or "" when its policies and FAQs say nothing close enough to quote.
 */
export function shopSaysAbout(
  turn: Turn,
  topic: string,
  only: string[] = ["REFUND_POLICY", "SHIPPING_POLICY", "FAQ"],
): string {
  const [hit] = bestPassages(turn.ctx.shop, topic, { only, max: 1 });
  return hit && hit.relevance >= QUOTE_RELEVANCE ? t(turn.language, M.shop_says, { sentence: hit.passage.quote }) : "";
}

/** Share of a topic's words a sentence must answer before it is quoted as the shop's rule on it. */
const QUOTE_RELEVANCE = 0.5;

/**
 * The shop's exclusion sentence, when the product the shopper names (or the given one, an ordered
 * item they named) is of a kind it names; else null.
 */
export function excludedKindNote(turn: Turn, item?: { title: string }): string | null {
  const product = item ?? (turn.productHandle ? turn.ctx.productsByHandle.get(turn.productHandle) : undefined);
  const exclusions = shopFactsOf(turn).finalSale?.value;
  if (!product || !exclusions || !exclusionNamesProduct(exclusions, product)) return null;
  return t(turn.language, M.kind_excluded, { item: product.title, policy: finalSaleClause(turn) });
}
