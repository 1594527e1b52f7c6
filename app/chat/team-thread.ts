/**
 * After the merchant's team has replied to a hand-off, the conversation is theirs: the shopper's
 * messages go to the ticket and the bot only says so, unless the message is plainly a new question
 * about the shop or its products, which the bot answers as usual. Nothing about an order is looked
 * up here: the team is already handling it, and the address the shopper left was for their reply.
 */
import { defineMessages, t } from "./i18n";
import type { Intent } from "./intent/labels";
import type { Language } from "./preprocess";
import type { Answer, Turn } from "./types";
import type { AnalyzedTurn } from "./pipeline";

const M = defineMessages({
  added_to_request: {
    en: "Thanks, I've added this to your request. The team will reply here in the chat.",
    es: "Gracias, lo he añadido a tu solicitud. El equipo te responderá aquí, en el chat.",
    fr: "Merci, je l'ai ajouté à votre demande. L'équipe vous répondra ici, dans le chat.",
  },
});

/** Questions about the shop and its catalog, which need no order and no person. */
const NEW_QUESTIONS: ReadonlySet<Intent> = new Set([
  "product_info",
  "product_search",
  "return_policy",
  "shipping_options",
  "payment_methods",
  "discount_code",
  "account_help",
]);

/** At or above this confidence a new question is clear enough for the bot to take it from the team. */
export const NEW_QUESTION_CONFIDENCE = 0.6;

/** Is this message, in a conversation the team has replied to, a new question for the bot? */
export function isNewQuestionForBot(turn: Turn): boolean {
  const { intent } = turn.intent;
  return !turn.intent.lowConfidence && turn.intent.confidence >= NEW_QUESTION_CONFIDENCE && NEW_QUESTIONS.has(intent);
}

/** The bot's whole reply when a message goes to the team. */
export function addedToRequest(language: Language): Answer {
  return { text: t(language, M.added_to_request), kind: "team_followup" };
}

/**
 * The acknowledgment, when the team has replied and this message is theirs; null when the bot
 * answers it (a new question, or a yes/no or code that carries on the bot's own procedure).
 */
export function teamThreadReply(
  teamReplied: boolean | undefined,
  { turn, confirmation, code }: AnalyzedTurn,
): Answer | null {
  if (!teamReplied || confirmation || code || isNewQuestionForBot(turn)) return null;
  return addedToRequest(turn.language);
}
