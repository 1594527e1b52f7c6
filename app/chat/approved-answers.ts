/**
 * Answers the merchant wrote for questions the bot got wrong. A new question close enough to one
 * of those questions gets the merchant's answer, whichever engine is on.
 */
import { fuzzyEquals, preprocess } from "./preprocess";

export interface ApprovedAnswer {
  question: string;
  answer: string;
}

/** Share of the longer question's content words the two questions have in common. */
export function questionSimilarity(a: string, b: string): number {
  const left = [...new Set(preprocess(a).contentTokens)];
  const right = [...new Set(preprocess(b).contentTokens)];
  if (left.length === 0 || right.length === 0) return 0;
  const shared = left.filter((word) => right.some((other) => fuzzyEquals(word, other))).length;
  return shared / Math.max(left.length, right.length);
}

export const APPROVED_ANSWER_SIMILARITY = 0.6;

export function matchApprovedAnswer(text: string, answers: ApprovedAnswer[]): ApprovedAnswer | null {
  let best: { answer: ApprovedAnswer; score: number } | null = null;
  for (const answer of answers) {
    const score = questionSimilarity(text, answer.question);
    if (score >= APPROVED_ANSWER_SIMILARITY && (!best || score > best.score)) best = { answer, score };
  }
  return best?.answer ?? null;
}
