/**
 * Who already did what. A message often names a deed that is done ("the order was cancelled", "I
 * paid", "I forgot to add") next to what it asks; the model hears the deed's word and files the
 * message under it. Read together, the deed and the question settle it:
 * - a cancellation already made, then "has the money come back?": the refund, not a cancellation;
 * - a payment already made (or its receipt), then "when does it arrive?": tracking, not a payment problem;
 * - an order named with an edit to it (add, take out, "X instead of Y"): a change, not a product question;
 * - a compensation promised and not seen ("you promised me a credit, it isn't on my account"): the refund;
 * - "why hasn't it left yet?" with no edit or cancellation asked: where it stands, not a change;
 * - an item sent back, then "my card still shows the full charge": the refund awaited (a cancelled order's
 *   charge still showing stays a payment question: it may be a hold that lapses).
 * Text is accent-folded and lower-cased (normalize); words are languages', never a shop's.
 */
import { normalize } from "../preprocess";
import type { Intent } from "./labels";
import { CANCELLATION_MADE } from "./cancellation-made";
import { moneyBackIntent, SENT_BACK, whereItIsIntent } from "./order-questions";

// The money coming back, asked in any words: "gone back to my card", "revois mes 128 €", "¿ya me regresaron los $791?".
const MONEY_RETURNING =
  /\b(?:refund\w*|rembours\w*|reembols\w*|reimburs\w*|money back|my money|the money|(?:gone|go|went|come|came|be) back (?:to|on) (?:my|the) (?:card|account|bank)|charge (?:\w+ )?reversed|revers\w*|(?:revoi\w*|recuper\w*|recredit\w*) (?:mes|mon|l'argent|la somme|le montant)|mon argent|l'argent|me (?:regresan|devuelven|regresaron|devolvieron|reembolsan|depositan|depositaron)|(?:el|mi) dinero|de vuelta)\b/;

// A compensation promised by the shop: "you promised a credit", "on m'a promis un geste", "me prometieron un reembolso".
const PROMISED =
  /\b(?:promised|offered me|told me i(?:'d| would) get|(?:on )?m'a (?:promis|propose)|vous m'avez (?:promis|propose)|me (?:prometieron|ofrecieron|dijeron que me darian))\b/;
const COMPENSATION =
  /\b(?:credit|store credit|refund\w*|partial refund|compensation|goodwill|avoir|geste|remboursement|dedommagement|bon d'achat|reembolso|bonificacion|compensacion|saldo a favor)\b/;
// Not a complaint: "I was promised a refund and still nothing. Ridiculous." is the grievance it reads as.
const PROMISE_MISREAD = new Set<Intent>(["discount_code", "payment_issue", "out_of_scope", "account_help"]);

// A payment made (or its receipt at hand): "I paid by card", "me cobraron", "j'ai réglé", "got the receipt".
const PAID =
  /\b(?:i(?:'ve| have)? (?:already )?paid|paid (?:by|with|for|via|already)|(?:was|been|got) charged|charged me|(?:ya )?pague|me (?:cobraron|descontaron|hicieron el cargo)|se me desconto|ya (?:se )?(?:pago|cobro)|j'ai (?:bien )?(?:paye|regle)|(?:est|a ete|ete) (?:bien )?(?:payee?|debitee?|reglee?)|j'ai ete debitee?|on m'a debitee?|(?:got|have|received) (?:the|my) (?:receipt|payment confirmation)|(?:tengo|ya tengo) (?:el|mi) (?:recibo|comprobante)|j'ai (?:bien )?(?:le|mon) recu)\b/;
// …and asks when it ships or arrives.
const ARRIVAL =
  /\b(?:when|what day|which day|arriv\w*|deliver\w*|ship(?:s|ped)?|dispatch\w*|left|quand|quel jour|livr\w*|arrive\w*|expedie\w*|parti\w*|cuando|que dia|lleg\w*|entreg\w*|salio)\b/;
// A payment gone wrong stays one: twice, declined, pending, an unknown charge, the wrong amount.
const PAYMENT_PROBLEM =
  /\b(?:twice|double\w*|two times|dos veces|doble|deux fois|declin\w*|rechaz\w*|refus\w*|pending|pendiente|en attente|not (?:go(?:ne)? through|authori\w*)|wrong amount|don'?t recogni\w*|no reconozco|inconnu\w*|refund\w*|reembols\w*|rembours\w*|money back)\b/;
// A charge gone wrong besides the money awaited: twice, declined, an unknown amount.
const PAYMENT_PROBLEM_NOT_REFUND =
  /\b(?:twice|double\w*|two times|dos veces|doble|deux fois|declin\w*|rechaz\w*|don'?t recogni\w*|no reconozco|inconnu\w*|wrong amount)\b/;
const INVOICE = /\b(?:invoice|factura|facture)\b/;

// An order named by its number (#1234, AB-1234, 1234-X): three or more digits in one word.
const ORDER_NAMED = /(?:^|[\s#:(])[a-z]{0,4}-?\d{3,}(?:-?[a-z]{1,2})?\b/;
// An edit to it: add, take out, one thing instead of another, "A -> B".
const EDIT =
  /\b(?:add|adding|remove|take (?:off|out)|instead of|rather than|swap|switch|agreg\w*|agrega|anad\w*|sum(?:a|ale|enle|en)|quit\w*|en (?:lugar|vez) de|ajout\w*|rajout\w*|retir\w*|enlev\w*|au lieu de|a la place|plutot)\b|->|→/;
// An item already received is exchanged or returned, not edited.
const RECEIVED =
  /\b(?:received|arrived|came|got (?:it|them|the)|too (?:small|big|large)|recu\w*|arrive\w*|trop (?:petit|grand)\w*|recibi|me llego|llego)\b/;
const CHANGE = /\b(?:chang\w*|modif\w*|cambi\w*|edit)\b/;
const CANCEL = /\b(?:cancel\w*|annul\w*)\b/;

// "why hasn't my order shipped yet?", "pourquoi elle n'est pas encore partie ?", "¿por qué no ha salido?".
const WHY_NOT_GONE =
  /\b(?:why|how come|pourquoi|comment se fait-il|por que|porque)\b.*(?:\bnot\b|\bpas\b|\bno\b|n't\b).*\b(?:shipped|sent|left|dispatched|parti\w*|expedie\w*|envoye\w*|salido|sale|enviado|mandado)\b/;

// The charge still standing: "my card still shows the full charge", "je suis toujours débitée", "todavía aparece el cargo".
const CHARGE_STANDS =
  /\b(?:still (?:shows?|showing|see|has|have|listed|pending|there)\b[^.!?]{0,30}\b(?:charge|payment|debit|amount)|(?:charge|payment|debit)\w* (?:is |are )?still (?:there|on|showing|pending)|still (?:been |being |got )?charged|toujours (?:le |la |un |une )?(?:debit\w*|prelevement|montant|paiement)|(?:debit|prelevement)\w* (?:est |apparait )?toujours|(?:todavia|aun|sigue\w*)\b[^.!?]{0,25}\b(?:cargo|cobro)|(?:cargo|cobro)\b[^.!?]{0,15}\b(?:sigue|todavia|aun))\b/;
const CHARGE_STANDS_MISREAD = new Set<Intent>([
  "payment_issue",
  "change_order",
  "cancel_order",
  "track_order",
  "return_item",
  "out_of_scope",
]);

const MONEY_MISREAD = new Set<Intent>(["cancel_order", "track_order", "change_order", "out_of_scope", "payment_issue"]);
const ARRIVAL_MISREAD = new Set<Intent>(["payment_issue", "payment_methods", "get_invoice", "out_of_scope"]);
const STATE_MISREAD = new Set<Intent>(["change_order", "cancel_order"]);
const EDIT_MISREAD = new Set<Intent>([
  "out_of_scope",
  "product_info",
  "product_search",
  "human_agent",
  "payment_methods",
]);

/** The intent the message's deed and question settle, when the model read the deed instead; else null. */
export function deedIntent(intent: Intent, text: string): Intent | null {
  const n = normalize(text);
  const read = moneyBackIntent(intent, n) ?? whereItIsIntent(intent, n);
  if (read) return read;
  if (PROMISE_MISREAD.has(intent) && PROMISED.test(n) && COMPENSATION.test(n)) return "refund_status";
  if (MONEY_MISREAD.has(intent) && CANCELLATION_MADE.test(n) && MONEY_RETURNING.test(n)) return "refund_status";
  if (
    CHARGE_STANDS_MISREAD.has(intent) &&
    SENT_BACK.test(n) &&
    CHARGE_STANDS.test(n) &&
    !PAYMENT_PROBLEM_NOT_REFUND.test(n)
  )
    return "refund_status";
  if (
    ARRIVAL_MISREAD.has(intent) &&
    PAID.test(n) &&
    /[?¿]/.test(n) &&
    ARRIVAL.test(n) &&
    !PAYMENT_PROBLEM.test(n) &&
    !INVOICE.test(n)
  )
    return "track_order";
  if (STATE_MISREAD.has(intent) && WHY_NOT_GONE.test(n) && !EDIT.test(n) && !CANCEL.test(n) && !CHANGE.test(n))
    return "track_order";
  if (EDIT_MISREAD.has(intent) && ORDER_NAMED.test(n) && EDIT.test(n) && !RECEIVED.test(n) && !CANCEL.test(n))
    return "change_order";
  return null;
}
