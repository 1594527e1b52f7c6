/**
 * Searching the index: each of the shopper's words is a concept (the word, its forms in the
 * other languages, its synonyms, or a price/duration for "how much?"/"how long?"), scored by
 * BM25 and weighted by how rare it is; a passage's relevance is the share of the question it says.
 */
import type { SearchResult } from "minisearch";
import { escapeRegExp, LANGUAGES, normalize, type Language } from "../preprocess";
import { knowledgeFor, shopTextFor, withoutShopName } from "./passages";
import { mentionedCity, mentionedCountry, namesOfRegion } from "./places";
import { isKnownWord } from "./known-words";
import { asksWhatToDo, tellsWhatToDo } from "./procedure";
import { synonymsOf } from "./synonyms";
import { LINK_FLOOR, termCloseness } from "./word-vectors";
import { expansionsOf, languageOf, queryWords, termOf, terms, type QueryWord } from "./text";
import type { KnowledgeBase, KnowledgeHit, KnowledgeQuery, Passage, ShopTexts } from "./types";

export const COST_WORDS = new Set(
  ["cost", "price", "much", "fee", "charge", "pay", "expensive", "cheap", "rate"].map((w) => termOf(w, "en")),
);
export const TIME_WORDS = new Set(
  ["long", "soon", "fast", "quick", "quickly", "time", "days", "wait"].map((w) => termOf(w, "en")),
);
const MUCH = termOf("much", "en");
// "in a week", "three days ago": a span the shop never writes is a detail of the question, like a number.
const TIME_UNITS = new Set(["day", "week", "month", "year", "hour", "minute"].map((w) => termOf(w, "en")));
// "about 50 dollars": a currency the shop writes as a symbol ("$75") is a detail of the amount, like the number.
const CURRENCIES = new Set(
  [
    ["en", "dollar dollars euro euros peso pesos pound pounds buck bucks cent cents"],
    ["es", "dolar dolares euro euros peso pesos libra libras centavo centavos"],
    ["fr", "dollar dollars euro euros peso pesos livre livres centime centimes"],
  ].flatMap(([language, words]) => words.split(" ").map((w) => termOf(w, language as "en" | "es" | "fr"))),
);
const MEASURES = new Set(
  ["weight", "length", "width", "height", "depth", "diameter", "capacity", "temperature", "size", "long"].map((w) =>
    termOf(w, "en"),
  ),
);
// "Any offers?" is answered by a sentence that states one ("10% off your first order").
const OFFER_WORDS = new Set(["offer"].map((w) => termOf(w, "en")));
// "What days do you roast?" is answered by a sentence that names them ("on Tuesdays and Fridays").
const WEEKDAY = termOf("weekday", "en");

export function sourceOf(p: Passage): string {
  return p.kind === "faq" ? "FAQ" : p.kind === "page" ? "PAGE" : p.kind === "product" ? "PRODUCT" : p.sourceKey;
}

const SEARCH_OPTIONS = {
  // The words are already processed (translated, stop words out, stemmed).
  tokenize: (text: string) => text.split(" "),
  processTerm: (term: string) => term,
  boost: { title: 1.5, section: 1, text: 1 },
  prefix: (term: string) => term.length >= 4,
  fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
  maxFuzzy: 2,
};
const EXACT = { ...SEARCH_OPTIONS, prefix: false, fuzzy: false };
/** How much a synonym match counts next to a match on the shopper's own word. */
const SYNONYM_WEIGHT = 0.7;
/** How much a word matched only by a longer word it begins or a near spelling counts towards relevance. */
const LOOSE_MATCH_QUALITY = 0.6;
/**
 * Relevance weighs each word half by how strongly the passage matches it (its BM25 next to the best
 * passage's, which favours short sentences) and half by how surely it says the word at all, so a long
 * sentence that says every word of the question is not taken for a partial answer.
 */
const STRENGTH_IN_RELEVANCE = 0.5;
const coverOf = (strength: number, quality: number) =>
  strength * STRENGTH_IN_RELEVANCE + quality * (1 - STRENGTH_IN_RELEVANCE);
/** How much a sentence counts for "how much?"/"how long?" by having a price or a duration, next to saying the shopper's word. */
const IMPLIED_WEIGHT = 0.7;

/**
 * Each of the shopper's words is a concept: the word or any of its synonyms. minisearch scores
 * each concept's matches (BM25, fuzzy, prefix, field boosts); a passage's score adds up the
 * concepts it answers, each normalised and weighted by how rare it is among the passages, so a
 * rare word the shopper used ("express", "twice") outweighs a common one ("order", "ship").
 */
/**
 * How much more a support word of the lexicon counts (return, wash, size, ship: what the question is
 * about) than its other words ("how long do I have to send it back if it doesn't work out": "work" is
 * rarer in the shop's text than "return", but the question is about returning). Swept 1.0–2.2 on
 * the dev, extra, paraphrase and retr11 tune retrieval sets: 1.3 answers 4 more of their 352
 * questions and keeps every abstention; above it abstentions are lost.
 */
const ASPECT_WEIGHT = 1.3;
/** How much a context word counts next to one of the shopper's own words. */
const CONTEXT_WEIGHT = 0.4;

/** A product's sentence competes with the shop's policies only when the question names the product. */
const UNNAMED_PRODUCT_WEIGHT = 0.45;
/**
 * The privacy policy and terms of service are written about the shop's legal duties: a sentence of
 * theirs answers a shopper's question less often than its words suggest ("phone number" in the data
 * collected), unless the question is about them.
 */
const LEGAL_TEXTS = ["PRIVACY_POLICY", "TERMS_OF_SERVICE"];
const LEGAL_WEIGHT = 0.75;
/** How much a word found only in a product's name counts (it says which product, not which fact). */
const PRODUCT_NAME_WEIGHT = 0.35;

/** How much saying a larger share of the question's words counts, on top of their weights (0: not at all). */
const COORDINATION = 0.5;
/**
 * How much more a sentence telling the shopper what to do ("tell us within 48 hours", "escríbenos") counts when
 * they ask what to do (knowledge/procedure.ts). Swept 1.4–2.2 on the dev, extra, paraphrase and retr11 tune
 * retrieval sets: 1.8 and above answer 2 more of their 352 questions, no abstention lost; 1.4 answers 1.
 */
const INSTRUCTION_WEIGHT = 1.8;
/** A sentence in another language than the shopper's, where the shop also writes in theirs. */
const OTHER_LANGUAGE_WEIGHT = 0.8;
const languagesOf = new WeakMap<KnowledgeBase, Set<Language>>();
/** The shop writes at least a part of its texts in `language`. */
function bilingual(kb: KnowledgeBase, language: Language): boolean {
  let languages = languagesOf.get(kb);
  if (!languages)
    languagesOf.set(kb, (languages = new Set(kb.passages.filter((p) => p.kind !== "product").map((p) => p.language))));
  return languages.has(language);
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;
const RANGE = /(\d+(?:[.,]\d+)?)\s*(?:[–—-]|to|a|à|au)\s*(\d+(?:[.,]\d+)?)/g;

/** The text has a range ("38–40", "3 à 5") that holds `n`. */
function rangeHolds(text: string, n: number): boolean {
  for (const [, low, high] of text.matchAll(RANGE)) if (withinRange(n, low, high)) return true;
  return false;
}

/** `n` lies in the range a text writes from `low` to `high` ("38", "40,5"): a real range, ends included. */
export function withinRange(n: number, low: string, high: string): boolean {
  const [a, b] = [Number(low.replace(",", ".")), Number(high.replace(",", "."))];
  return a < b && a <= n && n <= b;
}

function rawSearch(
  kb: KnowledgeBase,
  words: QueryWord[],
  query: KnowledgeQuery,
  context: QueryWord[] = [],
  own: Set<string> = new Set(words.map((w) => w.key)),
  instructionAsked = false,
): KnowledgeHit[] {
  const keys = new Set(words.map((w) => w.key));
  // "¿Cuánto pesa…?", "how much does it weigh?": "much" asks for that measure, not a price.
  const measured = words.some((w) => MEASURES.has(w.key));
  const base = [...words, ...context.filter((w) => !keys.has(w.key))].filter((w) => !(measured && w.key === MUCH));
  const background = new Set(context.filter((w) => !keys.has(w.key)).map((w) => w.key));
  const asked = new Set(base.flatMap((w) => w.variants));
  if (base.length === 0) return [];
  const total = kb.passages.length;
  const scores = new Map<
    number,
    {
      score: number;
      cover: number;
      nameWeight: number;
      matched: Set<string>;
      covered: Set<string>;
      answered: Set<string>;
      named: boolean;
    }
  >();
  let possible = 0;
  const unknown: string[] = [];
  // Matched in the sentence itself, not only in its FAQ question, title or product name.
  const inText = (result: SearchResult) =>
    Object.values(result.match).some((fields) => fields.some((f) => f !== "title"));
  const inTitle = (result: SearchResult) => Object.values(result.match).some((fields) => fields.includes("title"));
  for (const { key: word, variants, share = 1, aspect } of base) {
    const perPassage = new Map<
      number,
      { score: number; quality: number; direct: boolean; inText: boolean; named: boolean }
    >();
    // Whether the shop writes the word itself: not only a near spelling of it, nor only a synonym in some sense.
    let written = false;
    const add = (results: SearchResult[], term: string, weight: number, direct: boolean) => {
      for (const result of results) {
        if (direct && result.terms.includes(term)) written = true;
        const id = result.id as number;
        const score = weight * result.score;
        // How surely the passage says the word: its own form, or only a longer word it begins or a near spelling.
        const quality = weight * (result.terms.includes(term) ? 1 : LOOSE_MATCH_QUALITY);
        const known = perPassage.get(id);
        const text = (known?.inText ?? false) || inText(result);
        const named = (known?.named ?? false) || (direct && inTitle(result));
        const best = Math.max(quality, known?.quality ?? 0);
        if (!known || known.score < score)
          perPassage.set(id, { score, quality: best, direct: (known?.direct ?? false) || direct, inText: text, named });
        else Object.assign(known, { inText: text, named, quality: best });
      }
    };
    // The word in any of its forms counts fully; a synonym counts as much as its best single match, never as the sum of several.
    // Only the word's own form is matched loosely: another language's stem of it ("three" → "thre") is exact, or it would prefix-match anything.
    for (const variant of variants)
      add(kb.index.search(variant, variant === word ? SEARCH_OPTIONS : EXACT) as SearchResult[], variant, 1, true);
    // WordNet's synonyms fill a gap: a word the shop never uses ("guarantee" where it writes "warranty").
    const lexical = perPassage.size === 0 ? synonymsOf(word).filter((synonym) => usedInLikeSense(word, synonym)) : [];
    const synonyms = [...new Set([...expansionsOf(word), ...lexical])].filter((w) => !asked.has(w));
    for (const synonym of synonyms)
      add(kb.index.search(synonym, EXACT) as SearchResult[], synonym, SYNONYM_WEIGHT, false);
    // "My chest is 39 inches": a range that holds the number ("M 38–40 in") says it.
    if (NUMBER.test(word)) {
      for (const passage of kb.passages) {
        if (!perPassage.has(passage.id) && rangeHolds(passage.text, Number(word.replace(",", "."))))
          perPassage.set(passage.id, { score: 1, quality: 1, direct: true, inText: true, named: false });
      }
    }
    let best = Math.max(0, ...[...perPassage.values()].map((v) => v.score));
    // "How much…?" is answered by any sentence with a price in it, "how long…?" by one with a duration.
    const implied = COST_WORDS.has(word)
      ? "hasMoney"
      : TIME_WORDS.has(word)
        ? "hasDuration"
        : OFFER_WORDS.has(word)
          ? "hasOffer"
          : word === WEEKDAY
            ? "hasWeekday"
            : null;
    if (implied) {
      // The shop answers "how much?" with its prices, not the word: a shop that states one knows the word.
      if (kb.passages.some((p) => p[implied])) written = true;
      best ||= 1;
      for (const passage of kb.passages) {
        const known = perPassage.get(passage.id);
        if (passage[implied] && (known?.score ?? 0) < best * IMPLIED_WEIGHT) {
          perPassage.set(passage.id, {
            score: best * IMPLIED_WEIGHT,
            quality: Math.max(IMPLIED_WEIGHT, known?.quality ?? 0),
            direct: known?.direct ?? false,
            inText: true,
            named: known?.named ?? false,
          });
        }
      }
    }
    // A number the shop never writes is a detail of the question ("three weeks", "39 inches"), not what it is about.
    const detail =
      background.has(word) ||
      ((NUMBER.test(word) || TIME_UNITS.has(word) || CURRENCIES.has(word)) && perPassage.size === 0);
    const weight =
      Math.log(1 + total / Math.max(0.5, perPassage.size)) *
      (detail ? CONTEXT_WEIGHT : aspect ? ASPECT_WEIGHT : 1) *
      share;
    possible += weight;
    // A word the shop writes only as a near spelling or a synonym ("wrapping": "roll", "cloth") is still unknown to it.
    if (!written && !detail && own.has(word)) unknown.push(word);
    if (best === 0) continue;
    for (const [id, { score, quality, direct, inText, named }] of perPassage) {
      const entry =
        scores.get(id) ??
        scores
          .set(id, {
            score: 0,
            cover: 0,
            nameWeight: 0,
            matched: new Set(),
            covered: new Set(),
            answered: new Set(),
            named: false,
          })
          .get(id)!;
      // A product's name picks the product; which of its sentences answers is for the sentence's own words to say,
      // even where the sentence repeats a word of the name ("a winter boot…"). Naming the product still answers that word.
      const product = kb.passages[id]?.kind === "product";
      entry.score += weight * (score / best) * ((!inText || named) && product ? PRODUCT_NAME_WEIGHT : 1);
      // Relevance is what the sentence says beyond naming the product: a word of the name counts for neither side.
      if (product && named) entry.nameWeight += weight;
      else entry.cover += weight * coverOf(score / best, quality) * (!inText && product ? PRODUCT_NAME_WEIGHT : 1);
      entry.covered.add(word);
      if (direct) entry.matched.add(word);
      if (inText) entry.answered.add(word);
      if (named && !background.has(word)) entry.named = true;
    }
  }
  const hits: KnowledgeHit[] = [];
  for (const [id, { score: raw, cover, nameWeight, matched, covered, answered, named }] of scores) {
    const passage = kb.passages[id];
    if (!passage) continue;
    const source = sourceOf(passage);
    if (query.only && !query.only.includes(source)) continue;
    // A product's sentence answers nothing about the shop in general ("how do I wash…?") unless the product is named.
    const legal = LEGAL_TEXTS.includes(source) && !query.prefer?.includes(source) ? LEGAL_WEIGHT : 1;
    const own = (passage.kind === "product" && !named ? UNNAMED_PRODUCT_WEIGHT : 1) * legal;
    // A shop that writes in two languages says most things twice: quote the version in the shopper's language.
    const language =
      query.quoteLanguage &&
      passage.kind !== "product" &&
      passage.language !== query.quoteLanguage &&
      bilingual(kb, query.quoteLanguage)
        ? OTHER_LANGUAGE_WEIGHT
        : 1;
    // Coordination: a sentence that says more of the question's words beats one that says a single rare word well.
    const coordination = (covered.size / base.length) ** COORDINATION;
    // "…what do I do?": the shop's instruction ("Tell us within 48 hours") before the sentence restating the situation.
    const instruction = instructionAsked && tellsWhatToDo(passage.text) ? INSTRUCTION_WEIGHT : 1;
    let score = raw * own * language * coordination * instruction;
    if (query.prefer && query.prefer.length > 0) score *= query.prefer.includes(source) ? 1.3 : 0.75;
    hits.push({
      passage,
      score,
      relevance: possible > nameWeight ? (cover * own) / (possible - nameWeight) : 0,
      matched: [...matched],
      covered: [...covered],
      answered: [...answered],
      unknown,
      named: passage.kind === "product" && named,
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

function queryTerms(texts: string[], language?: Language): QueryWord[] {
  return texts.flatMap((text) => queryWords(text, language ?? languageOf(text)));
}

/** Passages that answer `question`, best first. */
export function searchKnowledge(shop: ShopTexts, question: string, query: KnowledgeQuery = {}): KnowledgeHit[] {
  const kb = query.products ? shopTextFor(shop, query.products) : knowledgeFor(shop);
  const { text, placeTerms } = placesAsCountries(kb, splitCompounds(kb, question));
  const asked = queryTerms([withoutShopName(text, shop.name)], query.language ?? languageOf(question));
  // A place is one concept however many words its name has ("United States", "Estados Unidos").
  const places = placeTerms.flatMap(({ name, language }) => {
    const named = queryTerms([name], language);
    return named.map((w) => ({ ...w, share: 1 / named.length }));
  });
  const words = [...asked, ...places, ...queryTerms(query.extraTerms ?? [], "en")];
  const quoteLanguage = query.quoteLanguage ?? query.language ?? languageOf(question);
  // Only the shopper's own words can be unknown to the shop, not the ones added for them.
  const own = new Set(asked.map((w) => w.key));
  return rawSearch(
    kb,
    words,
    { ...query, quoteLanguage },
    queryTerms(query.contextTerms ?? []),
    own,
    asksWhatToDo(question),
  ).slice(0, query.limit ?? 10);
}

/**
 * A place the shopper names is asked about as its country, in the words the shop's text uses:
 * "Toronto" as Canada, "Alemania" as Germany/Allemagne; a country the shop's text never names
 * as "other countries" (what a shop writes about the places it doesn't ship to).
 */
function placesAsCountries(
  kb: KnowledgeBase,
  question: string,
): { text: string; placeTerms: { name: string; language: Language }[] } {
  const place = placeIn(kb, question);
  if (!place) return { text: question, placeTerms: [] };
  const text = ` ${normalize(question)} `.replace(new RegExp(`(?<![a-z])${escapeRegExp(place.place)}(?![a-z])`), " ");
  const names = [...namesOfRegion(place.code), ...(place.code === "US" ? ["usa"] : [])];
  // Each name in the language the shop writes it in: "Estados Unidos" is indexed by its Spanish stems.
  const named = names.flatMap((name) => {
    const language = LANGUAGES.find((l) => writes(kb, name, l));
    return language ? [{ name, language }] : [];
  });
  return { text, placeTerms: named.length > 0 ? named : [{ name: "other countries", language: "en" }] };
}

/** The shortest part of a run-together word worth splitting off ("gift" of "giftcards", not "a"). */
const MIN_COMPOUND_PART = 3;

/**
 * Two words typed as one ("giftcards", "raincover"): where neither the shop nor the dictionary knows the
 * word but the shop writes both halves, the halves are asked. A name the shop writes (a product line's
 * made-up name) is its own word and stays whole.
 */
function splitCompounds(kb: KnowledgeBase, question: string): string {
  // Whole words only: a run of letters inside an accented word ("paration" of "réparation") is no word.
  return question.replace(/(?<!\p{L})[A-Za-z]{7,}(?!\p{L})/gu, (typed) => {
    const word = typed.toLowerCase();
    if (isKnownWord(word) || writes(kb, word)) return typed;
    for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_COMPOUND_PART; i++) {
      const [head, tail] = [word.slice(0, i), word.slice(i)];
      if (isKnownWord(head) && isKnownWord(tail) && writes(kb, head) && writes(kb, tail)) return `${head} ${tail}`;
    }
    return typed;
  });
}

/** The shop's text says every word of `name` ("United States", "Springfield"), read in `language`. */
function writes(kb: KnowledgeBase, name: string, language: Language = "en"): boolean {
  const words = terms(name, language);
  return words.length > 0 && words.every((w) => kb.index.search(w, EXACT).length > 0);
}

function placeIn(kb: KnowledgeBase, question: string): { code: string; place: string } | null {
  return mentionedCountry(question) ?? mentionedCity(question, (name) => writes(kb, name));
}

/**
 * The country a question names or implies: a country, a US state or Canadian place, or a large
 * city the shop doesn't itself write about ("ship to London" → GB; its own "Springfield" warehouse stays a word).
 */
export function placeAsked(shop: ShopTexts, question: string): { code: string; place: string } | null {
  return placeIn(knowledgeFor(shop), question);
}

/**
 * WordNet lists every sense of a word ("wrap": wind, roll, cloth); a synonym stands in for the
 * shopper's word only when the word vectors also put the two near (the floor question matching uses).
 * Words without vectors keep their synonyms.
 */
function usedInLikeSense(word: string, synonym: string): boolean {
  const closeness = termCloseness(word, synonym);
  return closeness === null || closeness >= LINK_FLOOR;
}
