/**
 * Questions about the shopper's own order whose words also belong to another topic, so the model
 * reads them as that topic: "where's my money?" names no refund but asks for one (not where a
 * parcel is); "when will I see it on my card?" right after a refund is the bank's delay (not an
 * account login); "which carrier?" about the order in focus is its tracking (not the shop's
 * shipping options); "my order is late" asks where it is (not to change it). Accents are folded.
 */
import type { Intent } from "./labels";
import { ORDER_INTENTS } from "./labels";
import { normalize } from "../preprocess";
import type { DialogueState } from "../types";

// The shopper's money coming back, in the words shoppers use rather than "refund".
const MONEY_BACK =
  /\b(?:(?:my|mon|mi|mis) (?:money|argent|dinero|plata|reembolso|remboursement|refund)|money back|reimburs\w*|refunded|rembourse(?:e|s|es)?|reembolsad[oa]s?|reembolsaron|(?:devolvieron|regresan|regresaron|devuelven|reintegraron) (?:el |mi )?dinero)\b/;
// Readings a question about one's money back is mistaken for; a return or a cancellation is a request of its own.
const MONEY_MISREAD = new Set<Intent>([
  "track_order",
  "product_info",
  "product_search",
  "account_help",
  "out_of_scope",
  "payment_methods",
  "get_invoice",
  "greeting",
  "thanks_goodbye",
]);

// Where a refund shows up, and when: "when will it show on my card?", "je le verrai quand sur mon compte ?".
const BANK = /\b(?:card|statement|bank|account|carte|compte|banque|releve|tarjeta|cuenta|banco|estado de cuenta)\b/;
const WHEN_SEEN =
  /\b(?:when|how long|show|appear\w*|see|quand|combien de temps|verrai|voir|apparai\w*|cuando|cuanto|tarda\w*|ver|vere|veo|aparece\w*|reflej\w*)\b/;

// A fact of a shipment: who carries it and how to follow it.
const SHIPMENT_FACT =
  /\b(?:carrier|courier|shipper|tracking|tracking number|transporteur|suivi|numero de suivi|transportista|paqueteria|mensajeria|guia|rastreo|seguimiento|numero de guia)\b/;
// "which carrier should I use to send it back?" is about a return, not the order's delivery.
const ABOUT_A_RETURN = /\b(?:return\w*|send (?:it|them) back|retour\w*|renvoyer|devol\w*|regres\w*)\b/;

// "my order is late": where it is, whatever action the model heard.
const LATE = /\b(?:late|delayed|delay|overdue|retard|retardee?|retraso|retrasad[oa]|atrasad[oa])\b/;
const LATE_MISREAD = new Set<Intent>([
  "change_order",
  "cancel_order",
  "change_shipping_address",
  "product_info",
  "product_search",
  "out_of_scope",
]);
const ASKS_FOR_ACTION =
  /\b(?:please|want|wanna|would like|need|can you|could you|can i|could i|quiero|quisiera|necesito|puedes|pueden|puedo|voudrais|veux|souhaite|pouvez|puis-je|peux)\b/;

// "How do I send it back?", "comment je le renvoie ?", "¿cómo la envío?" (accents folded).
const HOW_TO_SEND_BACK =
  /\b(?:send|ship|post|mail)(?:ing)? (?:it |them |this |these |the \w+ )?back\b|\blabel\b|\b(?:renvo\w*|envoyer|expedier|poster|etiquette)\b|\b(?:envi[oa]\w*|mand[oa]\w*|guia)\b/;
const RETURN_INTENTS = new Set<Intent>(["return_item", "exchange_item", "refund_status"]);
const SEND_BACK_MISREAD = new Set<Intent>(["shipping_options", "track_order", "out_of_scope", "product_search"]);

/** Whether the shopper asks how to send a return back (normalized text). */
export function asksHowToSendBack(normalized: string): boolean {
  return HOW_TO_SEND_BACK.test(normalized);
}

/** The order intent such a question has, when the model read it as another topic; else null. */
export function orderQuestionIntent(intent: Intent, text: string, state: DialogueState): Intent | null {
  const n = normalize(text);
  if (MONEY_MISREAD.has(intent) && MONEY_BACK.test(n)) return "refund_status";
  // "How do I send it back?" right after the shopper's return: that return, not delivery options.
  if (state.lastIntent && RETURN_INTENTS.has(state.lastIntent) && SEND_BACK_MISREAD.has(intent) && asksHowToSendBack(n))
    return "return_item";
  if (state.lastIntent === "refund_status" && intent !== "refund_status" && BANK.test(n) && WHEN_SEEN.test(n))
    return "refund_status";
  const orderInFocus = !!state.orderNumber || (!!state.lastIntent && ORDER_INTENTS.has(state.lastIntent));
  if (orderInFocus && !ORDER_INTENTS.has(intent) && SHIPMENT_FACT.test(n) && !ABOUT_A_RETURN.test(n))
    return "track_order";
  if (LATE_MISREAD.has(intent) && LATE.test(n) && !ASKS_FOR_ACTION.test(n)) return "track_order";
  return null;
}
