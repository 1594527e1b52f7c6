/**
 * The shop's own sentence on a rule no fact field covers, found by what it says rather than by
 * search relevance: it must name both halves of the rule. The sentence in the shopper's language
 * wins over the same rule in another of the shop's languages.
 */
import type { Passage } from "../knowledge";
import type { Language } from "../preprocess";
import { normalize } from "../preprocess";
import { DEFECT_WORDS, tellsOfDefect } from "./defects";

/** The first passage (shopper's language first) whose text matches every pattern, or null. */
export function sentenceSaying(
  passages: Passage[],
  language: Language,
  patterns: RegExp[],
  preferring: RegExp[] = [],
): Passage | null {
  const matching = passages.filter((p) => patterns.every((pattern) => pattern.test(normalize(p.text))));
  const score = (p: Passage) =>
    Number(p.language === language) * 10 + preferring.filter((pattern) => pattern.test(normalize(p.text))).length;
  return [...matching].sort((a, b) => score(b) - score(a))[0] ?? null;
}

const RESHIP = /\b(reship\w*|ship (?:it|them) again|send (?:it|them) again|reenvi\w*|reexpedi\w*|renvo\w*)\b/;
const REFUND = /\b(refund\w*|reembols\w*|rembours\w*)\b/;

/** What the shop does with a parcel that comes back undelivered (reship or refund), in its words. */
export function failedDeliveryRule(passages: Passage[], language: Language): Passage | null {
  return sentenceSaying(
    passages.filter((p) => p.kind !== "product"),
    language,
    [RESHIP, REFUND],
  );
}

const RETURN_POSTAGE =
  /\b(label|postage|return shipping|guia|envio de (?:la )?devolucion|etiquette|frais de retour|port)\b/;
const WHO_PAYS =
  /\b(paid|pay|pays|free|prepaid|pagas|paga|gratis|prepagad\w*|charge|payes?|payez|gratuit\w*|prepaye\w*)\b/;

/**
 * Who pays to send a return back, in the shop's refund-policy words; a sentence naming the order's
 * destination ("For orders shipped to Canada, …") is preferred.
 */
export function returnPostageRule(passages: Passage[], language: Language, destination: RegExp | null): Passage | null {
  // A section headed "Frais de retour" names the postage its sentences ("Ils sont à votre charge") are about.
  const refund = passages.filter(
    (p) => p.sourceKey === "REFUND_POLICY" && RETURN_POSTAGE.test(normalize(`${p.section} ${p.text}`)),
  );
  const saying = (texts: Passage[]) => sentenceSaying(texts, language, [WHO_PAYS], destination ? [destination] : []);
  // The general rule before its exception for damaged or wrong items ("Exception: if the item is defective, …").
  const rule = saying(refund.filter((p) => !isDefectException(normalize(p.text)))) ?? saying(refund);
  if (!rule || RETURN_POSTAGE.test(normalize(rule.text))) return rule;
  // Quoted alone, "Ils sont à votre charge" would not say what is; its heading does.
  const text = `${rule.section}${rule.language === "fr" ? " : " : ": "}${lowerFirst(rule.text)}`;
  return { ...rule, text, quote: text };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const WRONG_ITEM = /\b(wrong item|equivocad\w*|errone\w*)\b/;
const isDefectException = (text: string) => tellsOfDefect(text) || WRONG_ITEM.test(text);

const EXCHANGE = /\b(exchang\w*|echang\w*|cambio|cambios|cambiar)\b/;
// Sentences that only mention exchanging in passing: cash value, final-sale lists, address changes.
const NOT_THE_RULE =
  /\b(cash|especes|efectivo|final sale|vente finale|venta final|direccion|adresse|address|precio|prix|price)\b/;

/** Sentences that carry on a rule: how many after it, at most, in the same section. */
const RULE_CONTINUATION = 2;

/**
 * The shop's rule on exchanges, with what follows it in the same section (the rule is often
 * "No exchanges by post." and the how comes next: "Return the item… At our Lyon shop we swap it
 * on the spot."), or [] when the shop wrote none. The next sentence always; one further only when it
 * speaks of exchanging too (not "If it's out of stock, we refund you").
 */
export function exchangeRule(passages: Passage[], language: Language): Passage[] {
  const texts = passages.filter((p) => p.sourceKey === "REFUND_POLICY" || p.kind === "faq");
  const rule = sentenceSaying(
    texts.filter((p) => !NOT_THE_RULE.test(normalize(p.text))),
    language,
    [EXCHANGE],
  );
  if (!rule) return [];
  const found = [rule];
  for (const next of texts.slice(texts.indexOf(rule) + 1, texts.indexOf(rule) + 1 + RULE_CONTINUATION)) {
    const continues =
      next.sourceKey === rule.sourceKey &&
      next.section === rule.section &&
      next.language === rule.language &&
      !NOT_THE_RULE.test(normalize(next.text));
    if (!continues || (found.length > 1 && !EXCHANGE.test(normalize(next.text)))) break;
    found.push(next);
  }
  return found;
}

const PAYMENT_PENDING =
  /\b(pending|pendiente|en attente|on receipt|a reception|al recibir|until (?:we|the) (?:receive|confirm)\w*)\b/;
const PAYMENT_CONFIRMED = /\b(confirm\w*|receiv\w*|recib\w*|recept\w*|reception|acredit\w*)\b/;
const RETURNS_OR_REFUNDS = /\b(return\w*|retour\w*|devol\w*|refund\w*|rembours\w*|reembols\w*)\b/;
const PAYMENT = /\b(pay\w*|pag\w*|paie\w*|virement|transfer\w*|transferencia)\b/;

/** What the shop says about an order waiting for its payment to arrive (how long confirmation takes). */
export function paymentConfirmationRule(passages: Passage[], language: Language): Passage | null {
  const aboutOrders = passages.filter((p) => p.kind !== "product" && !RETURNS_OR_REFUNDS.test(normalize(p.text)));
  return sentenceSaying(aboutOrders, language, [PAYMENT_PENDING, PAYMENT_CONFIRMED, PAYMENT], [/\d/]);
}

const INVOICE = /\b(invoic\w*|facturas?|facturar|factures?)\b/;

/**
 * The shop's own rules on invoices (how to get one, what a company invoice needs, until when):
 * up to two sentences, in reading order, from the one text that says most about invoices, a text
 * about invoices (its FAQ question, page title or heading names them) counting double. The privacy
 * policy only lists invoices among what data is used for. [] when the shop wrote none.
 */
export function invoiceRules(passages: Passage[], language: Language): Passage[] {
  const mentions = passages.filter(
    (p) => p.kind !== "product" && p.sourceKey !== "PRIVACY_POLICY" && INVOICE.test(normalize(p.text)),
  );
  const bySource = new Map<string, Passage[]>();
  for (const passage of mentions) {
    const key = `${passage.sourceKey}|${passage.section}`;
    bySource.set(key, [...(bySource.get(key) ?? []), passage]);
  }
  const about = (p: Passage) => INVOICE.test(normalize(`${p.sourceTitle} ${p.section}`));
  const inLanguage = (group: Passage[]) => {
    const own = group.filter((p) => p.language === language);
    return own.length > 0 ? own : group;
  };
  const score = (group: Passage[]) => inLanguage(group).length + (about(group[0]) ? 2 : 0);
  const best = [...bySource.values()].sort((a, b) => score(b) - score(a))[0];
  return best
    ? inLanguage(best)
        .sort((a, b) => a.order - b.order)
        .slice(0, 2)
    : [];
}

const SHIPPING_CHARGE = /\b(shipping|delivery|postage|livraison|port|envio|envios)\b/;
const PAYMENT_METHOD =
  /\b(payment method|original payment|card|moyen de paiement|carte|metodo de pago|tarjeta|forma de pago)\b/;

/** Whether the shop refunds the original shipping, in its refund-policy words. */
export function shippingRefundRule(passages: Passage[], language: Language): Passage | null {
  const refund = passages.filter((p) => p.sourceKey === "REFUND_POLICY");
  return sentenceSaying(refund, language, [SHIPPING_CHARGE, REFUND], [/\b(original|initial\w*|d'origine|standard)\b/]);
}

/** Where a refund goes (the original payment method), in the shop's refund-policy words. */
export function refundMethodRule(passages: Passage[], language: Language): Passage | null {
  const refund = passages.filter((p) => p.sourceKey === "REFUND_POLICY");
  return sentenceSaying(refund, language, [PAYMENT_METHOD, REFUND]);
}

// What the shop asks or does about a damaged item: get in touch, send a photo, a label, a replacement or a refund.
const DEFECT_REMEDY =
  /\b(contact\w*|email|e-mail|photo\w*|foto\w*|label|etiquette|guia|replace\w*|remplac\w*|reemplaz\w*|refund\w*|rembours\w*|reembols\w*|report\w*|signal\w*|escrib\w*|ecri\w*)\b/;
// A time to act in ("within 30 days", "dans les 48 heures", "en 7 días"): the rule, not a passing mention.
const WITHIN_TIME = /\b\d+\s*(?:h|hours?|days?|heures?|jours?|horas?|dias?)\b/;
const WARRANTY = /\b(warrant\w*|guarantee\w*|garantia\w*|garantie\w*)\b/;
const POLICY_OR_FAQ = (p: Passage) => p.kind !== "product";

/** The shop's rule for an item that arrived damaged or defective, in the shopper's language first. */
export function defectRule(passages: Passage[], language: Language): Passage | null {
  return sentenceSaying(passages.filter(POLICY_OR_FAQ), language, [DEFECT_WORDS, DEFECT_REMEDY], [WITHIN_TIME]);
}

/** The shop's warranty sentence (what covers a defect after the return window), or null. */
export function warrantyRule(passages: Passage[], language: Language): Passage | null {
  return sentenceSaying(passages.filter(POLICY_OR_FAQ), language, [WARRANTY], [DEFECT_WORDS, WITHIN_TIME]);
}
