/**
 * Answers the merchant wrote for questions the bot could not answer or got wrong. A new question
 * that asks the same thing in other words gets the merchant's answer, whichever engine is on.
 */
import { questionProfile, questionSimilarity, type QuestionProfile } from "./knowledge/question-similarity";
import { preprocess } from "./preprocess";

export interface ApprovedAnswer {
  question: string;
  answer: string;
}

/**
 * How alike (knowledge/question-similarity.ts, 0–1) a question must be to an approved one to get
 * its answer. Chosen with scripts/approved-threshold.ts on tests/fixtures/learning/validation.jsonl
 * (48 paraphrases, most in other words, and 56 near-miss questions) as the threshold with the best
 * precision short of matching almost nothing: 13 of 48 paraphrases, 5 wrong matches (precision
 * 0.72, recall 0.27; 0.60 gives 0.67 / 0.29) — a wrong answer in the merchant's name is worse
 * than "I don't know, here is the team". On the earlier validation.jsonl of approved-answers/:
 * 23 of 28 paraphrases, no wrong match; on its check.jsonl: 9 of 10, 1 wrong match (same product,
 * another aspect the lexicon doesn't name).
 */
export const APPROVED_ANSWER_SIMILARITY = 0.65;

/** A stored question's profile, worked out once per answer object (the shop's answers are cached). */
const profiles = new WeakMap<ApprovedAnswer, QuestionProfile>();

function contentWords(text: string): string[] {
  return [...new Set(preprocess(text).contentTokens)];
}

// Replies that mean nothing without the conversation before them ("yes", "ok thanks").
const REPLY_WORDS = new Set([
  "yes",
  "yeah",
  "yep",
  "yup",
  "no",
  "nope",
  "ok",
  "okay",
  "sure",
  "thanks",
  "thank",
  "thx",
  "please",
  "pls",
  "si",
  "oui",
  "non",
  "merci",
  "gracias",
  "vale",
  "d'accord",
  "cool",
  "great",
  "fine",
]);

/**
 * Whether a shopper's message can carry an approved answer: at least two words of its own. "yes"
 * or "ok thanks" answer whatever came before, so an answer approved for one would hijack them all.
 */
export function isReusableQuestion(text: string): boolean {
  return contentWords(text).filter((word) => !REPLY_WORDS.has(word)).length >= 2;
}

export interface MatchOptions {
  /** The kinds of product a text names in this shop's catalog ("tent", "fleece"): a question about another product is another question. */
  productKinds?: (text: string) => string[];
}

function sameProducts(asked: string[], stored: string[]): boolean {
  const a = new Set(asked.map((k) => k.toLowerCase()));
  const b = new Set(stored.map((k) => k.toLowerCase()));
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/** The approved answer whose question is most like `text`, if one is alike enough and about the same product and order. */
export function matchApprovedAnswer(
  text: string,
  answers: ApprovedAnswer[],
  options: MatchOptions = {},
): ApprovedAnswer | null {
  if (answers.length === 0 || !isReusableQuestion(text)) return null;
  const asked = questionProfile(text);
  let best: { answer: ApprovedAnswer; score: number } | null = null;
  for (const answer of answers) {
    let profile = profiles.get(answer);
    if (!profile) profiles.set(answer, (profile = questionProfile(answer.question)));
    const score = questionSimilarity(asked, profile);
    if (score >= APPROVED_ANSWER_SIMILARITY && (!best || score > best.score)) best = { answer, score };
  }
  if (
    best &&
    options.productKinds &&
    !sameProducts(options.productKinds(text), options.productKinds(best.answer.question))
  )
    return null;
  return best?.answer ?? null;
}
