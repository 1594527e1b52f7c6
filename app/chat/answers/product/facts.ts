/**
 * Where the answer to a product question is written: the sentences of the product's own
 * description (in any language), the accessory it says is sold separately, or the shop's FAQs.
 */
import type { Product } from "../../../commerce/types";
import { bestPassages, splitSentences, stem } from "../../knowledge";
import { normalize, tokenize, type Language } from "../../preprocess";
import { foldedStemIn } from "../../knowledge/stemming";
import type { Lookup, Turn } from "../../types";
import { FUNCTION_WORDS, meaningGroups } from "../../catalog/lexicon";
import { saysSoldSeparately, statesAspect } from "../../catalog/aspects";
import { GENERIC_QUESTION, QUESTION_FILLER, realOptions, type Asked } from "./asked";
import { baseTitle } from "./resolve";

/** What the shop's FAQs and policies say about a product question its description doesn't answer. */
export function shopKnowledge(
  turn: Turn,
  text: string,
  product: Product,
): { quote: string; inEnglish: boolean; lookups: Lookup[] } | null {
  // The kind of product is context for the FAQs ("Waterproof jackets: machine wash cold…"). The name
  // the shopper gave it is context too, but only a sentence that says one of its own words ("which
  // grind for the Aeropress?") wins that way: one that only names the kind ("jackets") is no better
  // than the shop's general answer, searched for only then.
  const query = { prefer: ["FAQ", "PAGE"], max: 2, language: turn.language };
  const kindWords = tokenize(normalize(product.productType));
  const named = namedWords(turn.pre.original, text).filter((w) => !kindWords.includes(w));
  const naming = named.length
    ? bestPassages(turn.ctx.shop, text, { ...query, contextTerms: [product.productType, ...named] })
    : [];
  const saysName = naming.some((hit) => named.some((w) => tokenize(normalize(hit.passage.text)).includes(w)));
  const hits = saysName ? naming : bestPassages(turn.ctx.shop, text, { ...query, contextTerms: [product.productType] });
  if (hits.length === 0 || Math.max(...hits.map((h) => h.relevance)) < 0.5) return null;
  const lookups: Lookup[] = hits.map((h) => ({
    kind: h.passage.kind === "faq" || h.passage.kind === "page" ? "faq" : "policy",
    ref: h.passage.sourceKey,
    outcome: "quoted",
  }));
  // Said "(in English)" only when it is: a shop may write its FAQ in the shopper's language.
  const inEnglish = hits.some((h) => h.passage.language === "en");
  return { quote: hits.map((h) => h.passage.quote).join(" "), inEnglish, lookups };
}

/** The words of the question that `text` (the question without the product's name) left out: the name as the shopper wrote it. */
function namedWords(question: string, text: string): string[] {
  const kept = new Set(tokenize(normalize(text)));
  return tokenize(normalize(question)).filter((w) => !kept.has(w));
}

/**
 * The description sentences that answer the question: the best one for each aspect asked about,
 * plus the one sharing the question's own words ("footprint", "pit zips"). An aspect no sentence
 * states may be stated by the product's options ("Presentación: 250 g, 1 kg" for a weight).
 * `unanswered` when some part of the question is about something the product's text doesn't say.
 */
export function describedFacts(product: Product, turn: Turn, asked: Asked, text: string): DescribedFacts {
  const sentences = splitSentences(product.description);
  const chosen = new Set<number>();
  const optionNames: string[] = [];
  let unanswered = false;
  const questionWords = contentWords(turn, product, text);

  for (const group of asked.groups) {
    // The best sentence for any aspect of the group ("taille": the size chart or the dimensions).
    const scored = group
      .flatMap((aspect) =>
        sentences.map((sentence, index) => {
          const stated = statesAspect(sentence, aspect);
          const shared = overlap(sentence, questionWords);
          return { index, stated, score: stated * 2 + shared, shared };
        }),
      )
      .filter((s) => s.stated > 0 || s.shared >= 2)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const option = realOptions(product).find((o) =>
      group.some((aspect) => statesAspect(`${o.name}: ${o.values.join(", ")}`, aspect) > 0),
    );
    if (scored.length > 0) {
      chosen.add(scored[0].index);
      // Two sentences that say it as clearly ("Lavage à la main…", "Ne pas mettre au sèche-linge.") are both quoted.
      const second = scored.find((s) => s.index !== scored[0].index);
      if (second && second.score === scored[0].score) chosen.add(second.index);
    } else if (option) optionNames.push(option.name);
    else unanswered = true;
  }
  // Words of the question that name no aspect ("pit zips", "hood", "footprint"): a sentence holding them.
  const leftover = questionWords.filter((w) => !asked.aspectTokens.has(w));
  if (leftover.length > 0) {
    // "pit zips" isn't answered by "zip hand pockets": the sentence holds the words the shop itself
    // uses (all of two, most of more); words no product's text uses can't be asked of a sentence.
    const required = leftover.filter((w) => shopUses(turn, w));
    const needed = required.length <= 2 ? required.length : Math.ceil(required.length * 0.6);
    const scored = sentences
      .map((sentence, index) => ({ index, score: overlap(sentence, leftover), held: overlap(sentence, required) }))
      .filter((s) => s.score > 0 && s.held >= needed)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored.length > 0) chosen.add(scored[0].index);
    else if (
      chosen.size === 0 &&
      optionNames.length === 0 &&
      !asked.price &&
      !asked.stock &&
      // "What colours does it come in?" of a product with no options is a question its text doesn't answer.
      !((asked.options || asked.optionNames.length > 0) && realOptions(product).length > 0) &&
      !asked.compare &&
      !GENERIC_QUESTION.test(turn.pre.original.trim())
    ) {
      // Asked about something specific ("is it machine washable?") that the description doesn't mention.
      unanswered = leftover.some((w) => w.length > 3) || unanswered;
    }
  }
  // "What colour is it?" of a product that comes in one version: its text may say, else nobody does.
  if (asked.options && realOptions(product).length === 0 && chosen.size === 0) unanswered = true;
  const quoted = [...chosen]
    .sort((a, b) => a - b)
    .slice(0, 3)
    .map((i) => sentences[i]);
  // "Does it come with a footprint?" answered by "Footprint sold separately."
  const separately = asked.aspects.has("included") && quoted.some(saysSoldSeparately);
  return { quoted, unanswered, separately, optionNames };
}

export interface DescribedFacts {
  quoted: string[];
  unanswered: boolean;
  separately: boolean;
  /** Options that state an aspect the description doesn't ("Presentación" for a weight). */
  optionNames: string[];
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

/** The question's words (normalized) that aren't filler, the product's own name or one of its option values. */
export function contentWords(turn: Turn, product: Product, text = turn.pre.original): string[] {
  const nameWords = productNameWords(product);
  const otherWords = [
    turn.entities.product,
    turn.entities.size,
    turn.entities.color,
    ...product.options.flatMap((o) => o.values),
  ]
    .filter(Boolean)
    .flatMap((v) => tokenize(normalize(v!)));
  const isName = (w: string) => nameWords.some((n) => sameWord(n, w));
  const described = distinctWords(product.description);
  return [...new Set(tokenize(normalize(text)))].filter(
    (w) =>
      w.length > 1 &&
      !QUESTION_FILLER.has(w) &&
      !ALL_FUNCTION_WORDS.has(w) &&
      !/^\d+$/.test(w) &&
      !isName(w) &&
      !otherWords.some((o) => sameWord(o, w)) &&
      !/^(?:men|women|mens|womens|medium|small|large)$/.test(w) &&
      // "candle" names the "Bougie …": the product's kind in another language is its name too,
      // unless the description uses the word itself ("cafeína" of a "descafeinado").
      !(meaningWords(w).some(isName) && !described.some((d) => sameWord(d, w))),
  );
}

/** The words of a product's title and handle (read once per product). */
function productNameWords(product: Product): string[] {
  let words = nameWordsOf.get(product);
  if (!words) nameWordsOf.set(product, (words = [...tokenize(normalize(product.title)), ...product.handle.split("-")]));
  return words;
}
const nameWordsOf = new WeakMap<Product, string[]>();

const LANGUAGES: Language[] = ["en", "es", "fr"];
const formsCache = new Map<string, string[]>();

/**
 * The forms a word is compared by: its plain stem and its Snowball stem in each of our languages, of the
 * folded word as written ("parfumée", scented, in a product's name must not take the place of the "parfum" asked about).
 */
function forms(word: string): string[] {
  let found = formsCache.get(word);
  if (!found) {
    found = [stem(word), ...LANGUAGES.map((l) => foldedStemIn(word, l))];
    if (formsCache.size > 50_000) formsCache.clear();
    formsCache.set(word, found);
  }
  return found;
}

/** "zips" and "zip", "lavable" and "lavage" meet; "bouchon" and "bouche" don't. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = forms(a);
  const fb = forms(b);
  return fa.some((f, i) => f === fb[i]);
}

let meaningIndex: Map<string, number[]> | null = null;
const meaningCache = new Map<string, string[]>();

/** The words that mean the same as `word` in English, Spanish or French ("microwave" → "microondas"). */
function meaningWords(word: string): string[] {
  const cached = meaningCache.get(word);
  if (cached) return cached;
  const groups = meaningGroups();
  if (!meaningIndex) {
    // Each lexicon word under each of its forms, as sameWord compares them (form by form).
    meaningIndex = new Map();
    groups.forEach((group, g) => {
      for (const w of group)
        forms(w).forEach((f, i) => {
          const key = `${i}:${f}`;
          const list = meaningIndex!.get(key) ?? [];
          if (!list.includes(g)) list.push(g);
          meaningIndex!.set(key, list);
        });
    });
  }
  const found = new Set<string>();
  forms(word).forEach((f, i) => {
    for (const g of meaningIndex!.get(`${i}:${f}`) ?? []) for (const w of groups[g]) found.add(w);
  });
  found.delete(word);
  const result = [...found];
  if (meaningCache.size > 20_000) meaningCache.clear();
  meaningCache.set(word, result);
  return result;
}

/** How many of the question's `words` the sentence holds, itself or in another language. */
function overlap(sentence: string, words: string[]): number {
  const sentenceWords = distinctWords(sentence);
  // Counted in loops: a product question compares every sentence with every word (no closures or arrays per pair).
  let count = 0;
  for (const w of words) if (holdsWord(sentenceWords, w) || holdsMeaning(sentenceWords, w)) count++;
  return count;
}

/** Whether the sentence holds a word meaning the same as `word` (in another language). */
function holdsMeaning(sentenceWords: string[], word: string): boolean {
  for (const m of meaningWords(word)) if (holdsWord(sentenceWords, m)) return true;
  return false;
}

function holdsWord(sentenceWords: string[], word: string): boolean {
  for (const s of sentenceWords) if (sameWord(s, word)) return true;
  return false;
}

/** A sentence's words, each once: the product's sentences are compared with every question's words. */
function distinctWords(sentence: string): string[] {
  let words = distinctWordsCache.get(sentence);
  if (!words) {
    if (distinctWordsCache.size >= 20_000) distinctWordsCache.clear();
    distinctWordsCache.set(sentence, (words = [...new Set(tokenize(normalize(sentence)))]));
  }
  return words;
}
const distinctWordsCache = new Map<string, string[]>();

const shopWords = new WeakMap<Map<string, Product>, Set<string>>();

/** Whether any product the shop sells uses the word (or one meaning the same) in its text. */
function shopUses(turn: Turn, word: string): boolean {
  const products = turn.ctx.productsByHandle;
  let words = shopWords.get(products);
  if (!words) {
    words = new Set();
    for (const p of products.values()) {
      if (p.status !== "ACTIVE") continue;
      const text = [p.title, p.productType, p.description, ...p.options.flatMap((o) => [o.name, ...o.values])].join(
        " ",
      );
      for (const w of tokenize(normalize(text))) for (const f of forms(w)) words.add(f);
    }
    shopWords.set(products, words);
  }
  const uses = (w: string) => forms(w).some((f) => words!.has(f));
  return uses(word) || meaningWords(word).some(uses);
}

/** The accessory the description says is sold separately, if the shop sells it ("Tideline Canoe Cart"). */
export function accessoryFor(turn: Turn, product: Product): Product | null {
  const asked = contentWords(turn, product);
  const line = tokenize(normalize(baseTitle(product))).filter((w) => !turn.ctx.catalog.genericTokens.has(w));
  let best: { product: Product; score: number } | null = null;
  for (const candidate of turn.ctx.productsByHandle.values()) {
    if (candidate.handle === product.handle || candidate.status !== "ACTIVE") continue;
    const titleWords = tokenize(normalize(candidate.title));
    const named = titleWords.filter((w) => asked.some((a) => sameWord(a, w))).length;
    if (named === 0) continue;
    const forThisProduct =
      normalize(candidate.description).includes(normalize(product.title)) || line.every((w) => titleWords.includes(w));
    const score = (forThisProduct ? 2 : 0) + named;
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
