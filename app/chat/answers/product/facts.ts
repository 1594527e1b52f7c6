/**
 * Where the answer to a product question is written: the sentences of the product's own
 * description (in any language), the accessory it says is sold separately, or the shop's FAQs.
 */
import type { Product } from "../../../commerce/types";
import { bestPassages, splitSentences, stem } from "../../knowledge";
import { normalize, tokenize } from "../../preprocess";
import type { Lookup, Turn } from "../../types";
import { FUNCTION_WORDS, sameMeaningWords } from "../../catalog/lexicon";
import { ASPECTS, ASKS_OPTIONS, GENERIC_QUESTION, QUESTION_FILLER, aspectWord, type Aspect } from "./asked";
import { baseTitle } from "./resolve";

/** What the shop's FAQs and policies say about a product question its description doesn't answer. */
export function shopKnowledge(turn: Turn, text: string, product: Product): { quote: string; lookups: Lookup[] } | null {
  // The kind of product is context for the FAQs ("Waterproof jackets: machine wash cold…").
  const hits = bestPassages(turn.ctx.shop, text, {
    prefer: ["FAQ", "PAGE"],
    contextTerms: [product.productType],
    max: 2,
    language: turn.language,
  });
  if (hits.length === 0 || Math.max(...hits.map((h) => h.relevance)) < 0.5) return null;
  const lookups: Lookup[] = hits.map((h) => ({
    kind: h.passage.kind === "faq" || h.passage.kind === "page" ? "faq" : "policy",
    ref: h.passage.sourceKey,
    outcome: "quoted",
  }));
  return { quote: hits.map((h) => h.passage.quote).join(" "), lookups };
}

/**
 * The description sentences that answer the question: the best one for each fact asked about,
 * plus sentences sharing the question's own words ("footprint", "pit zips"). `unanswered` when
 * some part of the question is about something the description doesn't mention.
 */
export function describedFacts(
  product: Product,
  turn: Turn,
  asked: Set<Aspect>,
  text: string,
): { quoted: string[]; unanswered: boolean; separately: boolean } {
  const sentences = splitSentences(product.description);
  const chosen = new Set<number>();
  let unanswered = false;
  const questionWords = contentWords(turn, product, text);

  for (const aspect of asked) {
    if (aspect === "price" || aspect === "stock") continue;
    const { answeredBy } = ASPECTS[aspect];
    const scored = sentences
      .map((sentence, index) => ({
        index,
        score: (answeredBy.test(sentence) ? 2 : 0) + overlap(sentence, questionWords),
      }))
      .filter((s) => s.score >= 2)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored.length > 0) chosen.add(scored[0].index);
    else unanswered = true;
  }
  // Words of the question that no aspect covers ("pit zips", "hood", "footprint").
  const leftover = questionWords.filter((w) => !aspectWord(w));
  if (leftover.length > 0) {
    const scored = sentences
      .map((sentence, index) => ({ index, score: overlap(sentence, leftover) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored.length > 0) chosen.add(scored[0].index);
    else if (
      chosen.size === 0 &&
      !asked.has("price") &&
      !asked.has("stock") &&
      !ASKS_OPTIONS.test(text) &&
      !GENERIC_QUESTION.test(turn.pre.original.trim())
    ) {
      // Asked about something specific ("is it machine washable?") that the description doesn't mention.
      unanswered = leftover.some((w) => w.length > 3) || unanswered;
    }
  }
  const quoted = [...chosen]
    .sort((a, b) => a - b)
    .slice(0, 3)
    .map((i) => sentences[i]);
  // "Does it come with a footprint?" answered by "Footprint sold separately."
  const separately = asked.has("included") && quoted.some((s) => /sold separately|not included/i.test(s));
  return { quoted, unanswered, separately };
}

// A question that asks what, how, which…: not answered by yes or no.
const OPEN_QUESTION =
  /(?:^|[\s¿])(?:what|which|how|when|where|why|who|qué|cuál|cuáles|cómo|cuánto|cuánta|cuántos|cuántas|dónde|cuándo|quién|por qué|quel|quelle|quels|quelles|comment|combien|où|quand|pourquoi|qu'est-ce|quoi)(?=$|[\s?,.!])/i;
// Unaccented question words open a question too ("que faut-il…", "¿como se usa?").
const OPEN_START = /^[¿\s]*(?:que|qu'|quoi|como|cuanto|cuanta|cuantos|cuantas|donde|cuando|quien|cual|cuales|ou)\b/;
const YES_NO_START = /^(?:is|are|does|do|did|can|could|will|would|has|have|should|est-ce que|est-ce qu')\b/i;
const ALL_FUNCTION_WORDS = new Set(Object.values(FUNCTION_WORDS).flat());
const NEGATION = /\b(?:no|not|never|without|non|ne|n|pas|sans|jamais|sin|ni|nunca)\b|n't\b/i;

/**
 * "Is it microwave safe?" answered by "Not suitable for the microwave.": yes or no, read from the
 * part of the one quoted sentence that holds the question's words. Null when the question isn't a
 * yes/no one, carries a negation itself, or the parts disagree.
 */
export function yesOrNo(question: string, sentence: string, questionWords: string[]): "yes" | "no" | null {
  const asked = question.trim();
  const yesNo = YES_NO_START.test(asked) || /[?？]\s*$/.test(asked);
  if (!yesNo || OPEN_QUESTION.test(asked) || OPEN_START.test(normalize(asked)) || NEGATION.test(normalize(asked)))
    return null;
  // Articles and prepositions ("au", "de") would tie the question to every part.
  const meaningful = questionWords.filter((w) => w.length > 2 && !ALL_FUNCTION_WORDS.has(w));
  const clauses = sentence
    .split(/[;:,()]|\s(?:but|mais|pero)\s/i)
    .filter((c) => meaningful.some((w) => overlap(c, [w]) > 0));
  if (clauses.length === 0) return null;
  const negative = clauses.map((c) => NEGATION.test(normalize(c)));
  if (negative.some((n) => n !== negative[0])) return null;
  return negative[0] ? "no" : "yes";
}

/** The question's words that aren't filler or the product's own name. */
export function contentWords(turn: Turn, product: Product, text = turn.pre.original): string[] {
  const nameWords = new Set([...tokenize(normalize(product.title)), ...product.handle.split("-")].map(stem));
  const mention = new Set(tokenize(normalize(turn.entities.product ?? "")).map(stem));
  const variantWords = new Set(
    [turn.entities.size, turn.entities.color, ...product.options.flatMap((o) => o.values)]
      .filter(Boolean)
      .flatMap((v) => tokenize(normalize(v!)))
      .map(stem),
  );
  return [
    ...new Set(
      tokenize(normalize(text))
        .filter((w) => !QUESTION_FILLER.has(w) && !/^\d+$/.test(w))
        .map(stem),
    ),
  ].filter(
    (w) =>
      w.length > 1 &&
      !nameWords.has(w) &&
      !mention.has(w) &&
      !variantWords.has(w) &&
      !/^(?:men|women|mens|womens|medium|small|large)$/.test(w) &&
      // "candle" names the "Bougie …": the product's kind in another language is its name too.
      !meaningStems(w).some((m) => nameWords.has(m)),
  );
}

function overlap(sentence: string, words: string[]): number {
  const sentenceWords = new Set(tokenize(normalize(sentence)).map(stem));
  const found = (w: string) =>
    sentenceWords.has(w) ||
    [...sentenceWords].some((s) => (w.length > 4 && s.startsWith(w)) || (s.length > 4 && w.startsWith(s)));
  // A question in one language, a description in another: "microwave" is answered by "microondas".
  return words.filter((w) => found(w) || meaningStems(w).some(found)).length;
}

/** Stems of the words that mean the same as the stemmed question word `word`, in any of our languages. */
function meaningStems(word: string): string[] {
  return sameMeaningWords(word, (lexiconWord, asked) => stem(lexiconWord) === asked).map(stem);
}

/** The accessory the description says is sold separately, if the shop sells it ("Ridgeline 2 Footprint"). */
export function accessoryFor(turn: Turn, product: Product): Product | null {
  const asked = new Set(contentWords(turn, product));
  const line = tokenize(normalize(baseTitle(product))).filter((w) => !turn.ctx.catalog.genericTokens.has(w));
  let best: { product: Product; score: number } | null = null;
  for (const candidate of turn.ctx.productsByHandle.values()) {
    if (candidate.handle === product.handle || candidate.status !== "ACTIVE") continue;
    const titleWords = tokenize(normalize(candidate.title)).map(stem);
    const namesThing = titleWords.some((w) => asked.has(w));
    if (!namesThing) continue;
    const forThisProduct =
      normalize(candidate.description).includes(normalize(product.title)) ||
      line.every((w) => tokenize(normalize(candidate.title)).includes(w));
    const score = (forThisProduct ? 2 : 0) + titleWords.filter((w) => asked.has(w)).length;
    if (forThisProduct && (!best || score > best.score)) best = { product: candidate, score };
  }
  return best?.product ?? null;
}

/** Sentences of `text` sharing the most words with the question (used by other answers too). */
export function relevantSentences(text: string, questionTokens: string[], limit: number): string[] {
  const wanted = new Set(questionTokens.filter((t) => t.length > 2));
  const sentences = splitSentences(text);
  return sentences
    .map((sentence, index) => ({
      sentence,
      index,
      score: tokenize(normalize(sentence)).filter(
        (t) => wanted.has(t) || [...wanted].some((w) => w.length > 4 && t.startsWith(w.slice(0, 5))),
      ).length,
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence);
}
