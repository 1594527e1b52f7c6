/**
 * "The vase arrived smashed, what do I do?": a shopper who asks what to do wants the shop's
 * instruction ("Tell us within 48 hours…", "écrivez-nous…", "escríbenos…"), not the sentence that
 * best restates their situation ("If an item is broken on arrival, we send a label").
 */
import { normalize } from "../preprocess";

// The shopper asks for the next step, in the languages the shop answers in.
const ASKS_WHAT_TO_DO = [
  /\bwhat\s+(?:do|should|can|shall|must)\s+i\s+do\b/,
  /\bwhat\s+(?:now|next)\b/,
  /\bwhat\s+are\s+my\s+options\b/,
  /\bje\s+(?:fais|dois\s+faire)\s+quoi\b/,
  /\b(?:que|quoi)\s+(?:dois-je\s+|puis-je\s+|faut-il\s+)?faire\b/,
  /\bque\s+(?:hago|debo\s+hacer|puedo\s+hacer|tengo\s+que\s+hacer)\b/,
];

export function asksWhatToDo(question: string): boolean {
  const text = normalize(question);
  return ASKS_WHAT_TO_DO.some((cue) => cue.test(text));
}

// An instruction to get in touch, at the start of the sentence or after its condition or label
// ("If both stay after that, contact us", "Articles cassés : signalez-le-nous"): "tell us", "email help@…",
// "écrivez-nous", "escríbenos".
const TELLS_TO_CONTACT = [
  /(?:^|[,:;]\s*)(?:please\s+)?(?:contact|e-?mail|call|phone|tell|write(?:\s+to)?|message|text|ask|reach|notify|send|let)\s+(?:us\b|[\w.+-]+@)/iu,
  /(?:^|[,:;]\s*)\p{L}+ez-(?:l[ea]s?-|l'|en-)?nous\b/iu,
  /(?:^|[,:;]\s*)\p{L}+[áéíó]\p{L}*nos\b/iu,
];

export function tellsWhatToDo(sentence: string): boolean {
  return TELLS_TO_CONTACT.some((instruction) => instruction.test(sentence));
}
