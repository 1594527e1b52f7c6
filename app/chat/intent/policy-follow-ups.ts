/**
 * Follow-ups in a conversation about one of the shop's rules (a code, payment, the return policy,
 * invoices, signing in) stay on that rule unless they clearly start another subject. "Does it
 * expire?", "and for opened candles?", "¿y si pagué en OXXO?", "how long does the refund take?"
 * name no subject of their own: read alone they look like product, shipping or order questions,
 * but the shopper is still asking about the rule just explained.
 */
import type { Entities } from "../entities";
import type { IntentResult } from "./engine";
import type { Intent } from "./labels";
import { normalize } from "../preprocess";

const POLICY_TOPICS = new Set<Intent>([
  "discount_code",
  "return_policy",
  "payment_methods",
  "payment_issue",
  "get_invoice",
  "account_help",
]);
/** Readings a follow-up never loses to the topic: the shopper closes, greets or asks for a person. */
const KEPT = new Set<Intent>(["greeting", "thanks_goodbye", "human_agent", "complaint"]);
const PRODUCT_READINGS = new Set<Intent>(["product_info", "product_search"]);
const ORDER_ACTIONS = new Set<Intent>([
  "track_order",
  "cancel_order",
  "change_order",
  "change_shipping_address",
  "return_item",
  "exchange_item",
  "refund_status",
]);

/** Longer messages say what they are about. */
const MAX_WORDS = 14;
/** A follow-up this short that uses the topic's own words asks nothing else. */
const SHORT_ON_TOPIC = 6;
/** Below this, a reading of another subject yields to a follow-up's topic. */
const OTHER_SUBJECT_BELOW = 0.85;
/** Below this (or flagged low), the reading is a guess and the topic under way wins. */
const GUESS_BELOW = 0.5;

// Accents folded, lower case (normalize). "and …", "what about …", "¿y si …?", "et pour …".
const FOLLOW_UP_START =
  /^[¿¡"'(\s]*(?:and|also|so|but|or|plus|what about|how about|what if|ok(?:ay)?,? (?:and|so|but|what|how)|y|e|o|pero|entonces|tambien|et|mais|alors|ou|aussi|ah|oh)\b/;
// Words that point back at what was just discussed.
const POINTS_BACK =
  /\b(?:it|its|it's|that|this|them|they|those|these|one|ones|instead|another|other|else|either|both|two|lo|la|los|las|le|les|eso|esto|ese|esa|este|esta|otro|otra|otros|otras|dos|ambos|en|ca|cela|c'est|celui|celle|autre|autres|deux|il|elle)\b/;
// Each topic's own words: a short question using them is still about it.
const TOPIC_WORDS: Partial<Record<Intent, RegExp>> = {
  discount_code:
    /\b(?:codes?|coupons?|promo\w*|discounts?|offers?|deals?|expire[sd]?|expiry|expiration|valid|work|works|apply|applies|minimum|combine\w*|stack\w*|codigos?|cupon\w*|descuentos?|ofertas?|vence|caduca|valido|vigencia|vigente|sirve|aplica|funciona|minimo|acumul\w*|remises?|reductions?|offres?|valable|marche|fonctionne|cumul\w*|utiliser|usar|use)\b/,
  return_policy:
    /\b(?:return\w*|refund\w*|exchange\w*|send (?:it |them )?back|postage|devol\w*|reembols\w*|cambi\w*|retour\w*|rembours\w*|echang\w*|exceptions?|excepciones|excepcion|exclu\w*|who pays|qui paie|quien paga|(?:from|since) (?:the )?(?:delivery|purchase|order)|a partir de (?:la )?(?:livraison|commande|reception)|a compter de|desde (?:la |el )?(?:compra|entrega|pedido))\b/,
  payment_methods:
    /\b(?:pay\w*|card|cards|instal+ments?|split|bank|transfer|charge\w*|pag\w*|tarjetas?|meses|transferencia|cargos?|pai\w*|carte|cartes|fois|virement|debit\w*)\b/,
  payment_issue:
    /\b(?:pay\w*|card|charge\w*|twice|bank|hold|authori[sz]\w*|pag\w*|tarjeta|cargos?|banco|pai\w*|carte|debit\w*|banque|autorisation)\b/,
  get_invoice:
    /\b(?:invoices?|receipts?|company|business|vat|tax|name|facture|societe|entreprise|tva|factura|rfc|cfdi|datos|empresa|mes|month|mois)\b/,
  account_help:
    /\b(?:account|log ?in|sign ?in|password|code|email|link|spam|compte|connexion|connecter|mot de passe|cuenta|contrasena|correo|entrar|llega|codigo)\b/,
};
// Ordinary words the return rule also uses ("opened", "days", "used"): its words only when the message
// names no product and none of another topic's words ("how many days does shipping take?").
const RETURN_ORDINARY_WORDS =
  /\b(?:opened|open|worn|wore|used|tags?|labels?|window|days|defective|damaged|broken|abiert\w*|abri|usad\w*|etiquetas?|dias|ouvert\w*|porte\w*|jours|casse\w*)\b/;
const OTHER_TOPIC_WORDS =
  /\b(?:ship\w*|deliver\w*|arriv\w*|envio\w*|envia\w*|entreg\w*|lleg\w*|livr\w*|expedi\w*|colis|track\w*|pay\w*|pag\w*|pai\w*|codes?|codigos?)\b/;
/** Whether the message uses the topic's own words (the return rule's ordinary ones only when nothing else is asked). */
function usesTopicWords(topic: Intent, plain: string, productNamed: boolean): boolean {
  if (TOPIC_WORDS[topic]?.test(plain)) return true;
  return (
    topic === "return_policy" && !productNamed && RETURN_ORDINARY_WORDS.test(plain) && !OTHER_TOPIC_WORDS.test(plain)
  );
}
/** The rules whose own words make a product reading a follow-up: signing in ("le code est valable ?") and paying. */
const WORDS_OVER_PRODUCT = new Set<Intent>(["account_help", "payment_methods", "payment_issue"]);
// "My order", "I bought", "mi pedido", "ma commande": the shopper's own order, an order question after all.
const OWN_ORDER =
  /\b(?:my|mi|mis|mon|ma|mes)\s+(?:\w+\s+)?(?:order|orders|package|parcel|refund|purchase|pedido|compra|paquete|reembolso|commande|colis|remboursement)\b|\b(?:i|I) (?:bought|ordered|received)\b|\b(?:compre|pedi|recibi)\b|\bj'ai (?:achete|commande|recu)\b/;
/** The message names the shopper's own order or purchase ("my order", "mi pedido", "j'ai commandé"). */
export const namesOwnOrder = (normalized: string) => OWN_ORDER.test(normalized);
// A question about a product itself (its price, stock, size): a product question whatever came before.
const PRODUCT_ASPECT =
  /\b(?:how much|price|cost|in stock|available|sizes?|colou?rs?|made of|material|weigh\w*|warm|waterproof|fit|cuanto|precio|talla|tallas|disponible|combien|prix|taille|tailles|couleur|disponible|matiere)\b/;
// Words that make a "code" a promotion rather than the sign-in code.
const PROMO =
  /\b(?:promo\w*|discounts?|coupons?|offers?|deals?|off|descuentos?|cupon\w*|ofertas?|remises?|reductions?|offres?)\b/;

// "Until when can I send it back?", "¿hasta cuándo tengo?", "jusqu'à quand ?": the end of the return window.
const RETURN_DEADLINE =
  /\b(?:until when|till when|by when|last day|deadline|how long do i have|how many days do i have|hasta cuando|ultimo dia|fecha limite|cuanto tiempo tengo|cuantos dias tengo|jusqu'?a quand|dernier jour|date limite|combien de temps (?:j'?ai|ai-je|il me reste)|combien de jours)\b/;
// "How long until I see it?", "¿cuánto tarda?", "ça prend combien de temps ?": how long something takes to come.
const REFUND_DELAY =
  /\b(?:how long|how many (?:business |working )?days|how soon|when (?:will|do|would|should) (?:i|it|the money)|combien de (?:temps|jours)|dans combien|quel delai|ca prend|ca met|cuanto (?:tiempo|tarda\w*)|cuantos dias|en cuanto tiempo|cuando (?:me )?(?:llega|llegara|veo|vere|aparece|aparecera))\b/;
/** Longer messages say what they are about. */
const REFUND_DELAY_WORDS = 12;
// The item an exchange sends: "the new one", "the replacement", "le nouveau", "la nueva", "el de repuesto".
const REPLACEMENT =
  /\b(?:new one|new size|new colou?r|replacement|the other (?:one|size|colou?r)|remplacement|(?:le|la) nouve(?:au|lle)|(?:el|la) nuev[oa]|reemplazo|(?:el|la) de (?:cambio|repuesto))\b/;
/** Readings a question about the replacement's shipping gets on its own. */
const REPLACEMENT_READINGS = new Set<Intent>(["shipping_options", "track_order", "out_of_scope", "product_info"]);
// "Return it", "send them back", "devolverlo", "le renvoyer": the item just discussed, named by a pronoun.
const RETURN_IT =
  /\b(?:return|send back) (?:it|them|this|that|these|those|both(?: items| of them)?|everything|all of (?:it|them)|the rest)\b|\bsend (?:it|them|this|that) back\b|\b(?:devolverl[oa]s?|regresarl[oa]s?|mandarl[oa]s? de regreso|l[oa]s? (?:devuelvo|regreso|puedo devolver|puedo regresar))\b|\b(?:le|la|les|l') ?(?:renvoyer|retourner|rendre|renvoie|retourne|rapporter)\b/;
// "How do I send it back?", "comment je renvoie l'article ?", "¿cómo lo envío?": how a return is made.
const HOW_TO_SEND =
  /\bhow (?:do|can|should|would) (?:i|we) (?:send|ship|post|mail|return)\b|\bwhere (?:do|should) i (?:send|ship|post|mail)\b|\bcomment (?:je )?(?:le |la |les |l'?)?(?:renvoie|renvoyer|retourne|retourner|envoie|envoyer|rapporte|rapporter)\b|\bcomment (?:faire|proceder) (?:pour )?(?:le |un )?retour\b|\bcomo (?:lo |la |los |las |le )?(?:envio|mando|devuelvo|regreso|envie|mande|devuelva|regrese|hago la devolucion)\b|\ba donde (?:lo |la |los |las )?(?:envio|mando)\b/;
const RETURN_POSTAGE =
  /\b(?:postage|return shipping|who pays|label|frais de (?:retour|port)|qui paie|etiquette|envio de (?:la )?devolucion|quien paga|guia)\b|\b(?:pay|paying|pagar|pago|payer|paie)\b.{0,24}\b(?:shipping|postage|envio|port|renvoi)\b|\b(?:shipping|postage|send\w*(?: it| them)?) back\b/;
// What a return costs: "is my first return free?", "do I pay for my return?", "mon retour est-il gratuit ?",
// "¿cuánto cuesta una devolución?" (accents folded). "Free" closes the phrase or a condition follows ("free for
// gifts?"): "return the free gift" or "the freebie" is no cost.
const RETURN_COST =
  /\b(?:returns?|exchanges?|retours?|echanges?|devolucion(?:es)?|cambios?) (?:[\w'-]+ ){0,2}(?:free|gratuite?s?|gratis)\b(?: of charge)?(?:\s*$|\s*[^\w\s]|\s+(?:for|pour|para|on|sur|en|if|si|when|quand|cuando)\b)|\bpay(?:ing)? for (?:the |my |a |an )?(?:returns?|exchanges?)\b|\b(?:returns?|exchanges?) cost\b|\b(?:cost|price) (?:of |for )?(?:a |the |my )?returns?\b|\bcost to return\b|\bcombien (?:coute|coutent) (?:le |un |les |mon )?retours?\b|\bcuanto (?:cuesta|cuestan) (?:la |una |las |mi )?devolucion(?:es)?\b/;
// "What condition does it need to be in?", "¿tiene que tener la etiqueta?", "il doit être dans son emballage ?".
const RETURN_CONDITION =
  /\b(?:condition|unworn|unused|unwashed|worn|tags?|packaging|original box|estado|condiciones|sin usar|usad[oa]s?|etiquetas?|empaque|caja original|etat|neuf|porte|lave|etiquettes?|emballage)\b/;
const ASKS =
  /\?|^(?:what|which|how|does|do|must|should|can|que|como|cual|tiene|debe|quel|quelle|comment|faut|doit|est-ce)\b/;
/** Readings a postage question about a return takes alone: none of them is what it asks. */
const UNSURE_OF_POSTAGE = new Set<Intent>(["out_of_scope", "shipping_options", "complaint", "product_info"]);
/** The shopper's own return or exchange, whose order is in focus. */
const OWN_RETURN = new Set<Intent>(["return_item", "exchange_item"]);
/** Words a shop's "how to return" sentence uses, in the shopper's language, to find it. */
const HOW_TO_SEND_TERMS: Record<string, string> = {
  en: "how to start a return order number email",
  es: "cómo solicitar devolución número de pedido correo",
  fr: "comment faire retour numéro de commande e-mail",
};

/**
 * A question about the return under way: "until when?" about the shopper's own return or exchange
 * stays on it (its answer says the window's end for that order); "who pays the postage?" is the shop's
 * rule; "how do I send it back?" after the rules or an exchange is the shop's rule on making a return.
 */
export function returnFollowUpIntent(
  result: IntentResult,
  text: string,
  entities: Entities,
  last: Intent | undefined,
  orderInFocus: boolean,
): IntentResult | null {
  if (!last || entities.order_number || entities.product) return null;
  const plain = normalize(text);
  // "Jusqu'à quand ?" reads like a closing on its own; about the order in focus it asks its window's end.
  const closing = result.intent === "thanks_goodbye" || result.intent === "greeting";
  if (closing && orderInFocus && OWN_RETURN.has(last) && RETURN_DEADLINE.test(plain))
    return { ...result, intent: last, lowConfidence: false };
  if (KEPT.has(result.intent) && result.intent !== "complaint") return null;
  // "How long does that take?", "ça prend combien de temps ?" right after the refund's state: that refund's delay.
  if (
    last === "refund_status" &&
    result.intent !== "refund_status" &&
    REFUND_DELAY.test(plain) &&
    !RETURN_DEADLINE.test(plain) &&
    plain.split(/\s+/).length <= REFUND_DELAY_WORDS
  )
    return { ...result, intent: "refund_status", lowConfidence: false };
  // "When does the new one ship?" after an exchange: the replacement, which the exchange rule says when it leaves.
  if (
    orderInFocus &&
    last === "exchange_item" &&
    REPLACEMENT_READINGS.has(result.intent) &&
    REPLACEMENT.test(plain) &&
    plain.split(/\s+/).length <= REFUND_DELAY_WORDS
  )
    return { ...result, intent: "exchange_item", lowConfidence: false };
  // "Can I just return it instead?" after the shopper's own exchange or return: that item, not the general rule.
  if (orderInFocus && OWN_RETURN.has(last) && result.intent === "return_policy" && RETURN_IT.test(plain))
    return { ...result, intent: "return_item", lowConfidence: false };
  // The order in focus has a window of its own, even after a general question on the way ("who pays?").
  if (orderInFocus && RETURN_DEADLINE.test(plain) && (OWN_RETURN.has(last) || last === "return_policy")) {
    const own = OWN_RETURN.has(last) ? last : "return_item";
    return result.intent === own ? null : { ...result, intent: own, lowConfidence: false };
  }
  // "Who pays the postage?" about the return under way is the shop's rule, however it reads alone.
  if (OWN_RETURN.has(last) && RETURN_POSTAGE.test(plain) && UNSURE_OF_POSTAGE.has(result.intent))
    return { ...result, intent: "return_policy", lowConfidence: false };
  // "What condition does it need to be in?" about the return under way: the shop's conditions, not the order again.
  if (OWN_RETURN.has(last) && RETURN_CONDITION.test(plain) && ASKS.test(plain) && result.intent !== "return_policy")
    return { ...result, intent: "return_policy", lowConfidence: false };
  if (HOW_TO_SEND_AFTER.has(last) && result.intent !== "return_policy" && HOW_TO_SEND.test(plain))
    return { ...result, intent: "return_policy", lowConfidence: false };
  return null;
}

/**
 * After the return rules or an exchange (which shops handle as a return), "how do I send it?" is how a
 * return is made. After the shopper's own return the order's answer says it (a return already open
 * has its label).
 */
const HOW_TO_SEND_AFTER = new Set<Intent>(["return_policy", "exchange_item"]);

/** Whether the message asks how to send a return back ("how do I send it?", "comment je la renvoie ?"). */
export function asksHowToSend(text: string): boolean {
  return HOW_TO_SEND.test(normalize(text));
}

/** Whether the message asks until when a return can be asked for ("¿hasta cuándo tenía?", "jusqu'à quand ?"). */
export function asksReturnDeadline(text: string): boolean {
  return RETURN_DEADLINE.test(normalize(text));
}

/** Whether the message asks who pays a return's postage ("who pays the return shipping?", "qui paie le retour ?"). */
export function asksReturnPostage(text: string): boolean {
  const normalized = normalize(text);
  return RETURN_POSTAGE.test(normalized) || RETURN_COST.test(normalized);
}

/** The words that find the shop's "how to return" sentence, in the shopper's language. */
export function howToReturnTerms(language: string): string {
  return HOW_TO_SEND_TERMS[language] ?? HOW_TO_SEND_TERMS.en;
}

/** The words that find the shop's "how to return" sentence, for a question asking how to send a return. */
export function howToSendTerms(text: string, language: string, last: Intent | undefined): string[] | undefined {
  if (!last || !HOW_TO_SEND_AFTER.has(last) || !HOW_TO_SEND.test(normalize(text))) return undefined;
  return [HOW_TO_SEND_TERMS[language] ?? HOW_TO_SEND_TERMS.en];
}

// "How much was the tax?", "¿cuánto fue el IVA?", "what was the total?": an amount of the invoiced order.
const INVOICE_AMOUNT = /\b(?:tax|taxes|vat|iva|tva|taxe|impuestos?|total|subtotal|sous-total|importe|montant|monto)\b/;
// "Can you send it to another email?", "¿me la mandan a otro correo?", "à une autre adresse e-mail ?".
const OTHER_ADDRESS = /\b(?:another|other|different|new|otro|otra|distinto|distinta|autre|nouvelle)\b/;
const EMAIL_WORD = /\b(?:e-?mails?|mail|correos?|adresse e-?mail|inbox)\b/;

/** An amount of the order an invoice was just asked for (its tax, its total). */
export function asksInvoiceAmount(normalized: string): boolean {
  return INVOICE_AMOUNT.test(normalized);
}

// "How long until I get it?", "¿en cuánto tiempo me llega?", "je la reçois quand ?": when the invoice comes
// (not "until when can I ask for it?", the rule's deadline).
const INVOICE_TIMING = /\b(?:how long|how soon|when|cuanto tiempo|en cuanto|cuando|combien de temps|quand|delai)\b/;
const COMES =
  /\b(?:get|gets|receive|arrive|arrives|come|comes|take|takes|llega|llegara|recibo|recibire|tarda\w*|recois|recevrai|recevoir|arrive|arrivera|prend)\b/;
const DEADLINE = /\b(?:until when|till when|by when|deadline|hasta cuando|fecha limite|jusqu'?a quand|date limite)\b/;

/** When the invoice just asked for comes. */
export function asksInvoiceTiming(normalized: string): boolean {
  return INVOICE_TIMING.test(normalized) && COMES.test(normalized) && !DEADLINE.test(normalized);
}

/** The invoice sent to an address other than the order's. */
export function asksInvoiceElsewhere(normalized: string): boolean {
  return OTHER_ADDRESS.test(normalized) && EMAIL_WORD.test(normalized);
}

/**
 * The policy topic under way when `result` reads a follow-up to it as some other subject, else null.
 * `codesNamed` says whether the message names a discount code.
 */
export function policyFollowUpIntent(
  result: IntentResult,
  text: string,
  entities: Entities,
  last: Intent | undefined,
  wordCount: number,
  codesNamed: boolean,
): IntentResult | null {
  if (!last || !(POLICY_TOPICS.has(last) || last === "shipping_options") || result.intent === last) return null;
  if (entities.order_number || entities.email || entities.size || entities.color || wordCount > MAX_WORDS) return null;
  const plain = normalize(text);
  // "¿cuántos días me lo guardan?" after collecting at the shop: a question read as no topic stays on delivery
  // (delivery's other follow-ups are the pipeline's, which knows what a delivery fact is).
  if (last === "shipping_options")
    return isGuess(result) && !entities.product && ASKS.test(plain) ? continuing(result, last) : null;
  const continued = { ...result, intent: last, lowConfidence: false };
  // After an invoice, its amounts and where it is sent are still the invoice, whatever they read like
  // ("what was the total?" can sound like a grievance); a goodbye or a request for a person stays one.
  const invoiceFact = asksInvoiceAmount(plain) || asksInvoiceElsewhere(plain) || asksInvoiceTiming(plain);
  if (
    last === "get_invoice" &&
    !entities.product &&
    invoiceFact &&
    (!KEPT.has(result.intent) || result.intent === "complaint")
  )
    return continued;
  if (KEPT.has(result.intent)) return null;
  const topicWords = usesTopicWords(last, plain, !!entities.product);
  // The rule's own phrases ("exceptions", "who pays", "from delivery"), not its ordinary words ("days", "open").
  const ownPhrase = !!TOPIC_WORDS[last]?.test(plain);
  // A product named is a new subject, unless the question uses the topic's words ("does it apply to the
  // lamp?") or asks the return rule of a kind of item ("what about socks?").
  // "what about on the trail runners?" after a code: the same question of the code, about that product.
  const asksRuleOfAnother = (last === "return_policy" || last === "discount_code") && FOLLOW_UP_START.test(plain);
  if (entities.product && !topicWords && !asksRuleOfAnother) return null;
  const guess = isGuess(result);
  if (guess) return continued;
  const readsAsFollowUp = FOLLOW_UP_START.test(plain) || POINTS_BACK.test(plain) || topicWords;
  if (!readsAsFollowUp) return null;
  // "à partir de la livraison ?", "what are the exceptions?": a few words of the rule's own, still the rule.
  if (ownPhrase && wordCount <= SHORT_ON_TOPIC && !OWN_ORDER.test(plain) && !PRODUCT_READINGS.has(result.intent))
    return continued;
  // "and can I cancel it?" is the action it names; "how long does the refund take?" after returns is the rule.
  if (ORDER_ACTIONS.has(result.intent)) return topicWords && !OWN_ORDER.test(plain) ? continued : null;
  // "le code n'arrive jamais" while signing in: the sign-in code, not a promotion.
  const codeWordOnly = result.intent === "discount_code" && !codesNamed && !PROMO.test(plain);
  if (codeWordOnly) return continued;
  // "le code est valable combien de temps ?" while signing in: the rule's own word, no product named.
  if (PRODUCT_READINGS.has(result.intent) && topicWords && !entities.product && WORDS_OVER_PRODUCT.has(last))
    return continued;
  if (PRODUCT_READINGS.has(result.intent)) return PRODUCT_ASPECT.test(plain) ? null : continued;
  return result.confidence < OTHER_SUBJECT_BELOW ? continued : null;
}

/** A reading that is only a guess: the topic under way wins over it. */
function isGuess(result: IntentResult): boolean {
  return result.lowConfidence || result.confidence < GUESS_BELOW || result.intent === "out_of_scope";
}

function continuing(result: IntentResult, last: Intent): IntentResult {
  return { ...result, intent: last, lowConfidence: false };
}

// "a free shipping code", "un code promo", "un cupón": asking for a code, whatever else the message names.
const ASKS_FOR_A_CODE =
  /\b(?:codes?|coupons?|vouchers?|codigos?|cupon(?:es)?)\b.*\b(?:promo\w*|discount|free|off|offert\w*|gratuit\w*|gratis|descuento|reduction|remise)\b|\b(?:promo\w*|discount|free \w+|offert\w*|gratuit\w*|gratis|descuento|reduction|remise)\s+(?:\w+\s+)?(?:codes?|coupons?|vouchers?|codigos?|cupon(?:es)?)\b|\bcoupons?\b|\bcupon(?:es)?\b/;
/** Below this, a reading of shipping, payment or a product yields to a code the message names or asks for. */
const CODE_OVERRIDE_BELOW = 0.9;
// Where an order is or when it comes (accent-folded): a code named beside it doesn't make it a code question.
const WHERE_AN_ORDER_IS =
  /\b(?:where|track\w*|arriv\w*|deliver\w*|shipped|ou est|suivi|livr\w*|donde|rastre\w*|lleg\w*|entreg\w*)\b/;
const YIELDS_TO_A_CODE = new Set<Intent>(["shipping_options", "payment_methods", "product_info", "product_search"]);

/**
 * "LIVRAISONOFFERTE marche avec Chronopost ?", "do you have a free shipping code?": a message that
 * names one of the shop's codes, or asks for a promo code, is about codes, not shipping or payment.
 */
export function codeQuestionIntent(result: IntentResult, text: string, codesNamed: boolean): IntentResult | null {
  const plain = normalize(text);
  // "il faut combien d'achat minimum pour LIVRAISONOFFERTE ?": a code named and asked about in codes' own
  // words (its minimum, whether it works, when it ends) is about the code, however sure the other reading.
  const asksOfNamedCode = codesNamed && !!TOPIC_WORDS.discount_code?.test(plain);
  // "the minimum order for SAVE15?" says "order" but asks the code's rule; not where an order is.
  const ordersCode = result.intent === "track_order" && asksOfNamedCode && !WHERE_AN_ORDER_IS.test(plain);
  if (!YIELDS_TO_A_CODE.has(result.intent) && !ordersCode) return null;
  if (result.confidence >= CODE_OVERRIDE_BELOW && !asksOfNamedCode) return null;
  if (!codesNamed && !ASKS_FOR_A_CODE.test(plain)) return null;
  return { ...result, intent: "discount_code", lowConfidence: false };
}
