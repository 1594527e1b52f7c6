/**
 * Questions about where an order or a return stands, which read like a request for the action
 * they name: "was my order cancelled?" asks for the order's status, not a cancellation; "did you
 * receive my return?" asks where the refund is. Only a question, and only without a request
 * ("can you cancel…", "je voudrais…"), is read this way.
 */
import type { Intent } from "./labels";
import { normalize } from "../preprocess";
import { CANCELLED_FORM } from "./cancellation-made";
import { saysPaymentPending } from "./pending-payment";
import { asksAQuestion } from "./asks";
import { asksForMoneyBack } from "./order-questions";

const ASKS_FOR_ACTION =
  /\b(please|want|wanna|would like|'d like|i'd love|need|can you|could you|can i|could i|how (?:do|can) i|quiero|quisiera|necesito|puedes|puede|pueden|puedo|podrias|voudrais|veux|souhaite|pouvez|puis-je|peux|merci d)\b/;

const RETURN_RECEIVED =
  /\b(receiv\w*|got|arrived|recibi\w*|recibio|llego|recu|recue|arrive)\b.*\b(return\w*|devolucion|retour|paquete|colis|parcel)\b|\b(return\w*|devolucion|retour)\b.*\b(receiv\w*|arrived|recibi\w*|llego|recu|arrive)\b/;
// Either order: "my return was refused", and "rechazaron mi devolución", "avez-vous refusé mon retour".
const RETURN_WORD = String.raw`\b(?:return\w*|devolucion|retour)\b`;
const REFUSAL_WORD = String.raw`\b(?:refus\w*|declin\w*|reject\w*|denied|rechaz\w*|rejet\w*|negar\w*|negaron)\b`;
const RETURN_REFUSED = new RegExp(`${RETURN_WORD}.*${REFUSAL_WORD}|${REFUSAL_WORD}.*${RETURN_WORD}`);

// Asking for an order's state in a message the classifier took for a payment problem.
const ORDER_OR_PURCHASE = /\b(order|orders|pedido|pedidos|commande|compre|bought|purchased|achete)\b/;
const ORDER_STATE =
  /\b(pending|pendiente|en attente|shipped|sent|gone out|left|salio|enviaron|enviado|expedie\w*|partie?)\b/;
const CHARGE_PROBLEM =
  /\b(charged|charge|twice|double|cobr\w*|dos veces|doble|declin\w*|rechaz\w*|refus\w*|debit\w*)\b/;
const CANCEL_WORD = /\b(cancel\w*|annul\w*|anul\w*|stop|deten\w*|arret\w*)\b/;

// "I bought … was it sent?": a past purchase and whether it went out, whatever product it names.
const PURCHASED = /\b(bought|purchased|ordered|compre|pedi|achete|commande)\b/;
const WENT_OUT =
  /\b(sent|shipped|emailed|delivered|gone out|go out|envoye\w*|expedie\w*|livre\w*|salio|enviaron|enviado|llego|mandaron)\b/;

// "Where is my lamp?", "où est mon plaid ?", "¿dónde está mi gotero?": the shopper's own item on its way.
const WHERE_IS_MINE =
  /\b(?:where(?:'s| is| are|s)? my|ou (?:est|sont) (?:mon|ma|mes)|ou en (?:est|sont) (?:mon|ma|mes)|donde (?:esta|estan|quedo|quedaron) (?:mi|mis))\b/;

/** The intent a state question really has, when the classifier took it for the action it names; else null. */
export function stateQuestionIntent(intent: Intent, text: string): Intent | null {
  const n = normalize(text);
  if (!asksAQuestion(n) || ASKS_FOR_ACTION.test(n)) return null;
  // "did you pay me back for the order you cancelled?": the cancellation's money, not the order's state.
  if (intent === "cancel_order" && (CANCELLED_FORM.test(n) || !CANCEL_WORD.test(n)))
    return asksForMoneyBack(n) ? "refund_status" : "track_order";
  // "…but it still says payment pending": what waits is the payment, and that stays the question.
  if (
    intent === "payment_issue" &&
    ORDER_OR_PURCHASE.test(n) &&
    ORDER_STATE.test(n) &&
    !CHARGE_PROBLEM.test(n) &&
    !saysPaymentPending(n)
  )
    return "track_order";
  // "my order was cancelled?? I never asked for that": why it was, not a payment problem.
  if (intent === "payment_issue" && ORDER_OR_PURCHASE.test(n) && CANCELLED_FORM.test(n) && !CHARGE_PROBLEM.test(n))
    return asksForMoneyBack(n) ? "refund_status" : "track_order";
  // "why was my return refused? it arrived on the 3rd" is about the refusal, not a refund on its way.
  if (intent === "return_item" && RETURN_RECEIVED.test(n) && !RETURN_REFUSED.test(n)) return "refund_status";
  if (intent === "refund_status" && RETURN_REFUSED.test(n)) return "return_item";
  // Naming a product doesn't make a question about one's own return or purchase a product question.
  if (intent === "product_info" || intent === "product_search") {
    if (RETURN_REFUSED.test(n)) return "return_item";
    if (PURCHASED.test(n) && WENT_OUT.test(n)) return "track_order";
    if (WHERE_IS_MINE.test(n)) return "track_order";
  }
  return null;
}
