/**
 * "Can I return the teapot I bought?" is about the shopper's own purchase (return_item); "can I
 * return something I bought on sale?" asks the general rule (return_policy), as the labelling
 * convention has it. The difference is a definite item ("the", "my", "el", "le", …) the shopper
 * says they bought, ordered, received or picked up; "if I order…" is still a question before buying.
 */
import type { Intent } from "./labels";
import { normalize } from "../preprocess";

const DEFINITE =
  "the|my|this|that|these|those|el|la|los|las|mi|mis|este|esta|estos|estas|ese|esa|esos|esas|le|les|mon|ma|mes|ce|cet|cette|ces";
const ACQUIRED_EN_ES =
  "(?:i\\s+)?(?:bought|ordered|purchased|got|received|picked up|collected|compre|pedi|recibi|recogi|me llego|me llegaron)";
// French past participles only after "ai": "la commande" is a noun, "j'ai commandé" the purchase.
const ACQUIRED_FR = "(?:j'|je\\s+l'|je\\s+les\\s+)?ai\\s+(?:achete|commande|recu|recupere|retire)e?s?";
const OWN_ITEM = new RegExp(
  `\\b(?:${DEFINITE})\\s+(?:[\\w'-]+\\s+){0,3}?(?:que\\s+|that\\s+|which\\s+|qu')?(?:${ACQUIRED_EN_ES}|${ACQUIRED_FR})\\b`,
);

// "Où en est mon retour ?": a return the shopper calls theirs has been asked for already.
const OWN_RETURN = /\b(?:my|mon|ma|mi)\s+(?:return|retour|devolucion)\b/;

/** return_item for a return question about an item the shopper names as bought, or about their own return; else null. */
export function ownPurchaseIntent(intent: Intent, text: string): Intent | null {
  if (intent !== "return_policy") return null;
  const plain = normalize(text);
  return OWN_ITEM.test(plain) || OWN_RETURN.test(plain) ? "return_item" : null;
}
