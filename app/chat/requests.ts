/**
 * A message with two requests ("where's my order 1058, and what's your return policy?") gets
 * both answered. The message is cut where a new question starts — after a sentence, or at "and"
 * / "y" / "et" followed by a question word — and only when the engine reads each part, on its
 * own and with confidence, as a different request. Otherwise the message is one request.
 */
import type { Intent } from "./intent/labels";
import type { IntentClassifier } from "./intent/engine";
import type { OrderNameFormat } from "../commerce/types";
import { QUESTION_WORDS, WORD_END } from "./question-words";
import { extractEntities, type Catalog } from "./entities";
import { preprocess } from "./preprocess";

/** Each part must be read at least this surely, so a stray clause never becomes a second answer. */
export const SECOND_REQUEST_CONFIDENCE = 0.6;
/** Parts that are not requests of their own. */
const NOT_A_REQUEST = new Set<Intent>(["greeting", "thanks_goodbye", "out_of_scope"]);

// Words that open a question, or a request of its own with these verbs (not "my email is …", which completes the one before).
const QUESTION_START = `${QUESTION_WORDS}|please|tiene|aceptan|hacen|env[ií]an|acceptez|livrez|faites`;
const STARTS_A_QUESTION = new RegExp(`^[¿¡]?(?:${QUESTION_START})${WORD_END}`, "iu");
// A new question: after a question mark, or at a conjunction that starts one ("…, and what's your return policy?").
const CUT = new RegExp(
  `(?<=[?])\\s+|,?\\s+(?:and|also|plus|y|e|et|aussi|adem[aá]s)\\s+(?=[¿¡]?(?:${QUESTION_START})${WORD_END})`,
  "giu",
);

/** The message's parts, if it holds two or more requests of different kinds; else null. */
export function separateRequests(text: string, classifier: IntentClassifier): string[] | null {
  const parts: string[] = [];
  for (const piece of text
    .split(CUT)
    .map((p) => p.trim())
    .filter(Boolean)) {
    // A piece that asks nothing of its own ("My email is …", "thanks") belongs to the request before it.
    const own =
      parts.length > 0 && (piece.endsWith("?") || STARTS_A_QUESTION.test(piece)) && piece.split(/\s+/).length >= 3;
    if (own || parts.length === 0) parts.push(piece);
    else parts[parts.length - 1] += ` ${piece}`;
  }
  if (parts.length < 2 || parts[0].split(/\s+/).length < 3) return null;
  const intents = parts.map((p) => classifier.classify(p));
  if (intents.some((r) => r.lowConfidence || r.confidence < SECOND_REQUEST_CONFIDENCE || NOT_A_REQUEST.has(r.intent)))
    return null;
  // The same request said twice ("where is it? has it shipped?") is one.
  if (new Set(intents.map((r) => r.intent)).size < 2) return null;
  return parts.slice(0, 2);
}

/**
 * "How much is the Lantern 200 and the Tideline Paddle?": one question about two products,
 * asked of each ("how much is the Sandpiper Walking Sticks?"). Null unless each side names a different product.
 */
export function twoProducts(text: string, catalog: Catalog | null, orderNameFormat: OrderNameFormat): string[] | null {
  const match = text.match(/^(.+?)\s*,?\s+(?:and|or|y|o|et|ou)\s+(.+)$/i);
  if (!match) return null;
  const [, left, right] = match;
  const named = (part: string) => extractEntities(preprocess(part), catalog, orderNameFormat);
  const first = named(left);
  const second = named(right);
  if (
    !first.productHandle ||
    !second.productHandle ||
    first.productHandle === second.productHandle ||
    !first.entities.product
  )
    return null;
  // The second side is only a name ("the Sandpiper Walking Sticks?"): it takes the first side's question.
  if (right.split(/\s+/).length > 6) return null;
  const at = left.toLowerCase().indexOf(first.entities.product.toLowerCase());
  if (at <= 0) return null;
  return [left, `${left.slice(0, at)}${right.replace(/^(?:the|la|el|le|les|los|las)\s+/i, "")}`];
}
