/**
 * Below the engine's threshold the bot asks one short clarifying question, with 2–3 quick replies
 * for the readings it found likeliest, instead of guessing. Each quick reply is a plain request the
 * engine reads surely, so tapping it continues the conversation as if typed.
 */
import type { Intent } from "../intent/labels";
import type { Language } from "../preprocess";
import { defineMessages, t } from "../i18n";
import type { Answer, Turn } from "../types";

const M = defineMessages({
  which: {
    en: "Just to be sure I help with the right thing: what is it about?",
    es: "Para ayudarte con lo que necesitas: ¿de qué se trata?",
    fr: "Pour bien vous aider : de quoi s'agit-il ?",
  },
});

/** The quick reply for each reading: what a shopper would type to ask for it. */
const REPLIES: Partial<Record<Intent, Record<Language, string>>> = {
  track_order: { en: "Where is my order?", es: "¿Dónde está mi pedido?", fr: "Où est ma commande ?" },
  return_item: {
    en: "I want to return an item",
    es: "Quiero devolver un artículo",
    fr: "Je veux retourner un article",
  },
  exchange_item: {
    en: "I want to exchange an item",
    es: "Quiero cambiar un artículo",
    fr: "Je veux échanger un article",
  },
  refund_status: { en: "Where is my refund?", es: "¿Dónde está mi reembolso?", fr: "Où en est mon remboursement ?" },
  cancel_order: { en: "I want to cancel my order", es: "Quiero cancelar mi pedido", fr: "Je veux annuler ma commande" },
  change_order: { en: "I want to change my order", es: "Quiero cambiar mi pedido", fr: "Je veux modifier ma commande" },
  change_shipping_address: {
    en: "Change my shipping address",
    es: "Cambiar mi dirección de envío",
    fr: "Changer mon adresse de livraison",
  },
  product_search: { en: "I'm looking for a product", es: "Busco un producto", fr: "Je cherche un produit" },
  product_info: { en: "I'm looking for a product", es: "Busco un producto", fr: "Je cherche un produit" },
  return_policy: {
    en: "What's your return policy?",
    es: "¿Cuál es su política de devoluciones?",
    fr: "Quelle est votre politique de retour ?",
  },
  shipping_options: {
    en: "Shipping options and costs",
    es: "Opciones y costos de envío",
    fr: "Options et frais de livraison",
  },
  payment_methods: {
    en: "Which payment methods do you accept?",
    es: "¿Qué formas de pago aceptan?",
    fr: "Quels moyens de paiement acceptez-vous ?",
  },
  payment_issue: {
    en: "I have a problem with a payment",
    es: "Tengo un problema con un cobro",
    fr: "J'ai un problème de paiement",
  },
  discount_code: {
    en: "Do you have a discount code?",
    es: "¿Tienen algún código de descuento?",
    fr: "Avez-vous un code promo ?",
  },
  account_help: { en: "Help with my account", es: "Ayuda con mi cuenta", fr: "Aide pour mon compte" },
  get_invoice: { en: "I need an invoice", es: "Necesito una factura", fr: "J'ai besoin d'une facture" },
};
const PERSON: Record<Language, string> = {
  en: "Talk to a person",
  es: "Hablar con una persona",
  fr: "Parler à une personne",
};
/** When the engine has no likely reading at all, the most asked-for things. */
const USUAL: Intent[] = ["track_order", "product_search"];

/** Messages this short and this unsure are asked about rather than answered. */
const SHORT = 6;
const UNSURE_BELOW: Partial<Record<Intent, number>> = { out_of_scope: 0.75, complaint: 0.5 };
/** A reading this unlikely isn't offered. */
const OFFERED_FROM = 0.05;

/** Whether the engine is too unsure of this short message to answer it without asking. */
export function shouldClarify(turn: Turn): boolean {
  const { intent, entities } = turn;
  if (entities.order_number || entities.email || entities.product || turn.productHandle) return false;
  if (turn.pre.tokens.length > SHORT) return false;
  if (intent.lowConfidence) return true;
  const below = UNSURE_BELOW[intent.intent];
  // Sure it's out of scope ("what's the weather?"), it is; unsure, it may be a request put vaguely.
  return below !== undefined && intent.confidence < below;
}

export function clarify(turn: Turn): Answer {
  const L = turn.language;
  const readings = likelyReadings(turn);
  const offered = (readings.length ? readings : USUAL).map((intent) => REPLIES[intent]![L]);
  return {
    text: t(L, M.which),
    quickReplies: [...new Set(offered)].slice(0, 2).concat(PERSON[L]),
    kind: "clarification",
    unsure: "clarify",
  };
}

/** The support requests the engine found likeliest for the message, best first. */
function likelyReadings(turn: Turn): Intent[] {
  const { intent } = turn;
  const candidates = [{ intent: intent.predicted, confidence: intent.confidence }, ...intent.alternatives];
  return candidates.filter((c) => REPLIES[c.intent] && c.confidence >= OFFERED_FROM).map((c) => c.intent);
}
