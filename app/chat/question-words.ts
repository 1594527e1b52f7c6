/**
 * Words that open a question, in the languages the shop answers in, as shoppers write them (with
 * or without accents). One list for every reader of raw text that asks "does this clause open a
 * question?": the request splitter, the courtesy stripper and retrieval's "…, but what about X?".
 * (`intent/asks.ts` reads normalised text, accents folded, and needs a stricter list.)
 */

// "ou" is French for "or"; written without its accent it opens a question only before a verb ("ou est…").
export const QUESTION_WORDS = [
  "what|what's|whats|where|where's|wheres|when|how|can|could|do|does|did|is|are|will|would|which|who|why",
  "qu[eé]|cu[aá]l|cu[aá]les|cu[aá]ndo|cu[aá]nto|d[oó]nde|c[oó]mo|pueden|puedo|puede|tienen|hay",
  "quel|quelle|quels|quelles|où|ou(?= (?:est|sont|en est|se trouve|puis-je|peut-on|va|vont)\\b)|quand|comment|combien|est-ce|pouvez|puis-je|avez",
].join("|");

/**
 * Where a word ends. A regex `\b` only knows ASCII letters: it finds no end after the "é" of
 * "qué" or the "ù" of "où", so those openers were never matched.
 */
export const WORD_END = "(?![\\p{L}\\p{N}_])";

const OPENS = new RegExp(`^\\s*[¿¡]?\\s*(?:${QUESTION_WORDS})${WORD_END}`, "iu");

/** The text opens with a question word ("qué tallas…", "où est…", "what's…"). */
export function opensAQuestion(text: string): boolean {
  return OPENS.test(text);
}
