/**
 * Answers the merchant wrote for questions the bot got wrong. A new question close enough to one
 * of those questions gets the merchant's answer, whichever engine is on.
 */
import { fuzzyEquals, preprocess } from "./preprocess";

export interface ApprovedAnswer {
  question: string;
  answer: string;
}

export const APPROVED_ANSWER_SIMILARITY = 0.6;

/** A stored question's words, worked out once per answer object (the shop's answers are cached). */
const questionWords = new WeakMap<ApprovedAnswer, string[]>();

function contentWords(text: string): string[] {
  return [...new Set(preprocess(text).contentTokens)];
}

/** Share of the longer question's content words the two questions have in common. */
function similarity(left: string[], right: string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const shared = left.filter((word) => right.some((other) => fuzzyEquals(word, other))).length;
  return shared / Math.max(left.length, right.length);
}

// Replies that mean nothing without the conversation before them ("yes", "ok thanks").
const REPLY_WORDS = new Set(["yes", "yeah", "yep", "yup", "no", "nope", "ok", "okay", "sure", "thanks", "thank", "thx", "please", "pls", "si", "oui", "non", "merci", "gracias", "vale", "d'accord", "cool", "great", "fine"]);

/**
 * Whether a shopper's message can carry an approved answer: at least two words of its own. "yes"
 * or "ok thanks" answer whatever came before, so an answer approved for one would hijack them all.
 */
export function isReusableQuestion(text: string): boolean {
  return contentWords(text).filter((word) => !REPLY_WORDS.has(word)).length >= 2;
}

export function matchApprovedAnswer(text: string, answers: ApprovedAnswer[]): ApprovedAnswer | null {
  if (!isReusableQuestion(text)) return null;
  const asked = contentWords(text);
  let best: { answer: ApprovedAnswer; score: number } | null = null;
  for (const answer of answers) {
    let words = questionWords.get(answer);
    if (!words) questionWords.set(answer, (words = contentWords(answer.question)));
    const score = similarity(asked, words);
    if (score >= APPROVED_ANSWER_SIMILARITY && (!best || score > best.score)) best = { answer, score };
  }
  return best?.answer ?? null;
}
