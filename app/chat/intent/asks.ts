/**
 * Whether a message asks something, with or without its question mark: shoppers on a phone drop
 * the "?" ("was it actually sent", "pourquoi mon retour a été refusé", "¿ya salió el kit"). A
 * question is a "?" or a Spanish "¿" anywhere, or a sentence or clause that opens with a word only a
 * question opens with. Words that also open statements ("que", "como", "ou" once accents are
 * folded) don't count without a mark.
 */

// Accents are folded in the text this reads ("ou" for "où"), so only unmistakable openers are listed.
const QUESTION_OPENER = [
  // English: auxiliaries first in the clause, and question words.
  "was|were|is|are|has|have|had|did|does|do|can|could|will|would|should|shall|why|how|what|whats|what's|when|where|wheres|where's|which|who",
  // French: question words and inverted forms.
  "pourquoi|comment|quand|combien|est-ce|quel|quelle|quels|quelles|avez-vous|a-t-il|a-t-elle|as-tu|puis-je|pouvez-vous|peut-on|y a-t-il",
  // Spanish (questions mostly open with "¿", counted below): the words no statement opens with.
  "por que|cuando|cuanto|cuanta|cuantos|cuantas|donde|cual|cuales",
].join("|");

const ASKS = new RegExp(`[?¿]|(?:^|[.!;:,]\\s+)(?:${QUESTION_OPENER})\\b`);

/** The message (normalised: lower case, accents folded) asks a question. */
export function asksAQuestion(normalized: string): boolean {
  return ASKS.test(normalized);
}
