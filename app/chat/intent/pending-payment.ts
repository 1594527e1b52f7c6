/**
 * A payment that hasn't gone through yet ("my bank transfer is still pending", "todavía no pago en
 * OXXO, ¿hasta cuándo tengo?", "j'ai choisi le virement et ma commande est toujours en attente") is a
 * payment problem, whatever else the message reads like (tracking, a refund): its answer is the
 * payment's state on the order and the shop's rule for it.
 */
import { normalize } from "../preprocess";
import type { Intent } from "./labels";

// Accents folded (normalize). A way of paying, or the payment itself, said to be waiting, either way round.
const MEANS = String.raw`(?:payment|paiement|pago|virement|bank transfer|transfer|transferencia|e-?check|oxxo)`;
const WAITING = String.raw`(?:pending|en attente|pendiente|not (?:gone through|cleared|through)|pas (?:encore )?passe)`;
// The means and its waiting in one clause: "paid at the kiosk, why is my order still pending?" says the order waits.
// "j'ai payé par virement ma dernière commande mais elle est toujours en attente": a few words apart still.
const SAME_CLAUSE = String.raw`[^,.;!?¿¡]{0,60}`;
// A payment only held so far: "says authorized", "autorisée mais pas encaissée", "preautorizado".
const HELD = String.raw`\b(?:authori[sz]ed|autorisee?|autorizad[oa]|encaissee?|pre-?authori[sz]\w*|pre-?autoris\w*|preautoriz\w*)\b`;
const PENDING_PAYMENT = new RegExp(
  String.raw`\b${MEANS}\b${SAME_CLAUSE}\b${WAITING}\b|\b${WAITING}\b${SAME_CLAUSE}\b${MEANS}\b|${HELD}|` +
    String.raw`\b(?:todavia|aun) no (?:he )?pag\w*|\b(?:haven'?t|have not|didn'?t|did not|not yet) paid\b|\bpas encore (?:paye|regle|fait le virement)\b`,
);
const REFUND = /\b(?:refund\w*|reembols\w*|rembours\w*|money back)\b/;
/** Readings the message keeps: the shopper asks for an action, a person, or closes. */
const KEPT = new Set<Intent>([
  "payment_issue",
  "cancel_order",
  "change_order",
  "change_shipping_address",
  "human_agent",
  "complaint",
  "thanks_goodbye",
  "greeting",
  "discount_code",
]);

export function pendingPaymentIntent(intent: Intent, text: string): Intent | null {
  if (KEPT.has(intent)) return null;
  return saysPaymentPending(normalize(text)) ? "payment_issue" : null;
}

/** The message says a payment (or a way of paying) is still waiting, and asks no refund (accent-folded text). */
export function saysPaymentPending(plain: string): boolean {
  return PENDING_PAYMENT.test(plain) && !REFUND.test(plain);
}
