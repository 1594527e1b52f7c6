/**
 * The shop's own words, learned from its catalog once per catalog load: which words name a kind
 * of thing (head nouns of titles, product types, category tags), which name one product line
 * (proper names, quoted names), its colours and sizes (option values), and how a shopper's word
 * reaches them (plural forms, and other languages through the retail lexicon). Nothing here
 * knows what any one shop sells.
 */
import { detectLanguage, editDistance, normalize, tokenize, type Language } from "../preprocess";
import {
  AUDIENCE_WORDS,
  COLOR_GROUPS,
  COLOR_OPTION,
  FUNCTION_WORDS,
  NUMBER_WORDS,
  RETAIL_CONCEPTS,
  RETAIL_WORDS,
  SIZE_OPTION,
  UNIT_WORDS,
} from "./lexicon";

/** What the vocabulary needs of a product (an Admin API product, or a snapshot's). */
export interface VocabularySource {
  title: string;
  handle: string;
  productType?: string | null;
  vendor?: string | null;
  tags?: string[];
  description?: string | null;
  options: { name: string; values: string[] }[];
}

export interface ShopVocabulary {
  /** The language the catalog is written in: where titles put their head noun. */
  language: Language;
  /** Words naming a kind of thing the shop sells: head nouns of titles and product-type words. */
  kinds: Set<string>;
  /** Words that say what kind of thing, or whose, not which one (kinds, descriptors, function words, brands). */
  generic: Set<string>;
  /** Words of quoted or proper names in titles («Tilleul», "Steppe"): always a product line. */
  names: Set<string>;
  /** Every catalog word (titles, types, tags, option values, vendors), by each of its plural forms. */
  byForm: Map<string, Set<string>>;
  /** Colour option values, as written. */
  colors: string[];
  /** Size option values, as written. */
  sizes: string[];
}

const SHARED_WORDS = new Set([
  ...Object.values(FUNCTION_WORDS).flat(),
  ...AUDIENCE_WORDS,
  ...Object.keys(NUMBER_WORDS),
  ...UNIT_WORDS,
  ...RETAIL_WORDS,
]);
const FUNCTION = new Set(Object.values(FUNCTION_WORDS).flat());

/** Singular candidates of a word in en/es/fr ("bougies" → bougie, "boxes" → box, "gateaux" → gateau). */
export function pluralForms(word: string): string[] {
  const forms = [word];
  if (word.length <= 3 || /\d/.test(word)) return forms;
  if (word.endsWith("s") && !word.endsWith("ss")) forms.push(word.slice(0, -1));
  if (word.endsWith("es") && word.length > 4) forms.push(word.slice(0, -2));
  if (word.endsWith("ies") && word.length > 4) forms.push(word.slice(0, -3) + "y");
  if (word.endsWith("ves") && word.length > 4) forms.push(word.slice(0, -3) + "f", word.slice(0, -3) + "fe");
  if (/(?:au|eu|ou)x$/.test(word)) forms.push(word.slice(0, -1));
  if (word.endsWith("aux") && word.length > 4) forms.push(word.slice(0, -3) + "al");
  return forms;
}

/** True when two words are the same word in singular or plural ("boots"/"boot", "bougies"/"bougie"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const forms = new Set(pluralForms(a));
  return pluralForms(b).some((f) => forms.has(f));
}

/** Lower-case, accent-free words ("Taies d'oreiller" → taies, d, oreiller). */
export function catalogTokens(text: string): string[] {
  return tokenize(normalize(text));
}

// A quoted name in a title: « Brisa », "Nube", “Kestrel”.
const QUOTED = /[«"“]([^»"”]+)[»"”]/g;
// Where a title's kind ends and an edition or a name begins: "Café Oaxaca — Finca…", "Curso en línea: Barismo…".
const SEGMENT_BREAK = /\s[—–-]\s|:\s|\(/;

/** The word of a title that says what the thing is: last in English ("Shell Jacket"), first in Spanish and French ("Bougie parfumée"). */
export function headNoun(title: string, language: Language): string | null {
  const kindPart = title.replace(QUOTED, " ").split(SEGMENT_BREAK)[0];
  // Amounts, sizes and model numbers ("2-Pack", "20°F", "32 oz", "X200") are not the kind of thing.
  const withoutAmounts = kindPart.replace(/\S*\d\S*/g, " ");
  const tokens = catalogTokens(withoutAmounts).filter(
    (t) => t.length > 1 && !FUNCTION.has(t) && !AUDIENCE_WORDS.includes(t) && !UNIT_WORDS.includes(t),
  );
  if (tokens.length === 0) return null;
  return language === "en" ? tokens[tokens.length - 1] : tokens[0];
}

/** Words that appear in lower case inside the catalog's sentences: common words, not names. */
function commonWords(texts: string[]): Set<string> {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const text of texts) {
    // Only words after another word in the same sentence: a capital there means a name.
    for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)([\p{L}][\p{L}'’]*)/gu)) {
      const key = normalize(m[1]).replace(/'.*$/, "");
      const map = /^\p{Lu}/u.test(m[1]) ? upper : lower;
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }
  const common = new Set<string>();
  for (const [word, count] of lower) if (count > (upper.get(word) ?? 0)) common.add(word);
  return common;
}

function optionValues(options: VocabularySource["options"], name: RegExp): string[] {
  return options
    .filter((o) => name.test(o.name.trim()))
    .flatMap((o) => o.values)
    .filter((v) => v !== "Default Title");
}

const MAX_DESCRIPTIONS_READ = 2000;

/** Build the shop's vocabulary from its ACTIVE products. */
export function buildVocabulary(products: VocabularySource[]): ShopVocabulary {
  const descriptions = products.map((p) => p.description ?? "").filter(Boolean);
  const sample =
    descriptions.length > 0 ? descriptions.join(" ").slice(0, 20_000) : products.map((p) => p.title).join(". ");
  const language = detectLanguage(sample, catalogTokens(sample));

  const kinds = new Set<string>();
  const generic = new Set<string>(SHARED_WORDS);
  const names = new Set<string>();
  const byForm = new Map<string, Set<string>>();
  const addWord = (word: string) => {
    if (word.length < 2 && !/\d/.test(word)) return;
    for (const form of pluralForms(word)) byForm.set(form, (byForm.get(form) ?? new Set()).add(word));
  };

  for (const concept of RETAIL_CONCEPTS) {
    for (const entry of Object.values(concept.words).flat())
      for (const token of entry.split(" ")) if (token.length > 2) generic.add(token);
  }
  // A large catalog's first descriptions are enough to tell its common words from its names.
  for (const word of commonWords(descriptions.slice(0, MAX_DESCRIPTIONS_READ))) generic.add(word);

  const vendorProducts = new Map<string, number>();
  for (const p of products) if (p.vendor) vendorProducts.set(p.vendor, (vendorProducts.get(p.vendor) ?? 0) + 1);
  for (const p of products) {
    const titleWords = new Set(catalogTokens(p.title));
    const typeWords = catalogTokens(p.productType ?? "").filter((t) => !FUNCTION.has(t));
    const typeHead = headNoun(p.productType ?? "", language);
    if (typeHead) kinds.add(typeHead);
    // A vendor of several products is a common word ("Tideline"); the maker of one ("Kestrel") names it.
    const vendorWords = (vendorProducts.get(p.vendor ?? "") ?? 0) > 1 ? catalogTokens(p.vendor ?? "") : [];
    for (const word of [...typeWords, ...vendorWords]) generic.add(word);
    const head = headNoun(p.title, language);
    if (head) kinds.add(head);
    // A tag that isn't in the product's own title says what kind of thing it is ("waterproof", "ceramique").
    for (const tag of p.tags ?? [])
      for (const word of catalogTokens(tag)) if (![...titleWords].some((t) => sameWord(t, word))) generic.add(word);
    for (const m of p.title.matchAll(QUOTED))
      for (const word of catalogTokens(m[1])) if (!FUNCTION.has(word)) names.add(word);
    for (const word of [
      ...titleWords,
      ...typeWords,
      ...catalogTokens(p.handle.replace(/-/g, " ")),
      ...catalogTokens(p.vendor ?? ""),
    ])
      addWord(word);
    for (const tag of p.tags ?? []) for (const word of catalogTokens(tag)) addWord(word);
    for (const option of p.options)
      for (const value of option.values)
        if (value !== "Default Title") for (const word of catalogTokens(value)) addWord(word);
  }
  for (const word of kinds) generic.add(word);
  for (const word of names) generic.delete(word);

  const colors = [...new Set(products.flatMap((p) => optionValues(p.options, COLOR_OPTION)))];
  const sizes = [...new Set(products.flatMap((p) => optionValues(p.options, SIZE_OPTION)))];
  return { language, kinds, generic, names, byForm, colors, sizes };
}

/** The catalog words a shopper's word is (itself in singular or plural). */
export function catalogWordsFor(vocabulary: ShopVocabulary, word: string): string[] {
  const found = new Set<string>();
  for (const form of pluralForms(word)) for (const w of vocabulary.byForm.get(form) ?? []) found.add(w);
  return [...found];
}

/** Is `word` (in any plural form) a word that says what kind of thing, not which one? */
export function isGenericWord(vocabulary: ShopVocabulary, word: string): boolean {
  return pluralForms(word).some((f) => vocabulary.generic.has(f)) && !vocabulary.names.has(word);
}

/** Is `word` (in any plural form) a kind of thing this shop sells? */
export function isKindWord(vocabulary: ShopVocabulary, word: string): boolean {
  return pluralForms(word).some((f) => vocabulary.kinds.has(f));
}

// ---------------------------------------------------------------------------------------------
// Other languages, through the retail lexicon

interface LexiconIndex {
  /** Single words → the concepts they belong to. */
  byWord: Map<string, Set<number>>;
  /** Multi-word entries ("sac a dos", "gift card") with their concept, and the pattern of their plural. */
  phrases: { phrase: string; concept: number; plural: RegExp }[];
}

let lexiconIndex: LexiconIndex | null = null;

function lexicon(): LexiconIndex {
  if (lexiconIndex) return lexiconIndex;
  const byWord = new Map<string, Set<number>>();
  const phrases: LexiconIndex["phrases"] = [];
  for (const concept of RETAIL_CONCEPTS) {
    for (const entry of Object.values(concept.words).flat()) {
      if (entry.includes(" ")) phrases.push({ phrase: entry, concept: concept.id, plural: pluralPhrasePattern(entry) });
      else for (const form of pluralForms(entry)) byWord.set(form, (byWord.get(form) ?? new Set()).add(concept.id));
    }
  }
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  lexiconIndex = { byWord, phrases };
  return lexiconIndex;
}

/** A word of the shopper's message and the catalog words it stands for. */
export interface ShopperTerm {
  /** The shopper's word (or phrase), normalized. */
  text: string;
  /** Its position among the message's words (the first word of a phrase). */
  index: number;
  /** Catalog words it is, in singular or plural. */
  same: string[];
  /** Catalog words it means through the retail lexicon (another language, or a synonym). */
  related: string[];
  /**
   * Ways the catalog says it, each a list of catalog words that must all be there: [bougie] for
   * "candles"; [sleeping, bag] for "saco de dormir" (a product with only "bag" is not one).
   */
  alternatives: string[][];
}

/**
 * The shopper's words mapped onto the catalog's: "bougies" → bougie; "candles" and "velas" →
 * bougie in a French catalog; "saco de dormir" → sleeping bag in an English one. A phrase of the
 * lexicon counts as one term only when the catalog doesn't already use its words.
 */
export function shopperTerms(vocabulary: ShopVocabulary, text: string): ShopperTerm[] {
  const tokens = catalogTokens(text);
  const { byWord, phrases } = lexicon();
  const taken = new Array<boolean>(tokens.length).fill(false);
  const terms: ShopperTerm[] = [];
  const joined = ` ${tokens.join(" ")} `;
  for (const { phrase, concept, plural } of phrases) {
    let at = joined.indexOf(` ${phrase} `);
    // Plural of the phrase's words ("sacos de dormir", "gift cards").
    if (at < 0) at = joined.match(plural)?.index ?? -1;
    if (at < 0) continue;
    const index = joined
      .slice(0, at + 1)
      .trim()
      .split(" ")
      .filter(Boolean).length;
    const phraseWords = joined.slice(at).trim().split(" ").slice(0, phrase.split(" ").length);
    const length = phraseWords.length;
    if (taken.slice(index, index + length).some(Boolean)) continue;
    // "rain jacket" in a catalog that says "Rain Jacket": its own words do better one by one.
    if (phraseWords.filter((w) => !FUNCTION.has(w)).every((w) => catalogWordsFor(vocabulary, w).length > 0)) continue;
    const alternatives = conceptAlternatives(vocabulary, new Set([concept]));
    if (alternatives.length === 0) continue;
    // "Hiking shoes" names the phrase's kind (trail shoes) and also its words' ("hiking" + footwear:
    // a hiking boot); "chaussures de randonnée" likewise.
    alternatives.push(...wordByWordAlternatives(vocabulary, phraseWords, byWord));
    for (let i = index; i < index + length; i++) taken[i] = true;
    terms.push({ text: phrase, index, same: [], related: [...new Set(alternatives.flat())], alternatives });
  }
  tokens.forEach((token, index) => {
    if (taken[index] || FUNCTION.has(token)) return;
    const concepts = new Set<number>();
    for (const form of pluralForms(token)) for (const c of byWord.get(form) ?? []) concepts.add(c);
    // Colour names reach the catalog's colours in its language ("red" → Rouge).
    const colorWords = colorAliases(token)
      .filter((c) => c !== token)
      .flatMap((c) => catalogWordsFor(vocabulary, c))
      .map((w) => [w]);
    const conceptWords = [...conceptAlternatives(vocabulary, concepts), ...colorWords];
    const exact = catalogWordsFor(vocabulary, token);
    // A misspelt catalog word ("bougis", "molinno") when the word is nothing else.
    const same =
      exact.length > 0 || conceptWords.length > 0 || concepts.size > 0 ? exact : typoCatalogWords(vocabulary, token);
    const alternatives = [...same.map((w) => [w]), ...conceptWords];
    const related = [...new Set(alternatives.flat())].filter((w) => !same.includes(w));
    terms.push({ text: token, index, same, related, alternatives });
  });
  return terms.sort((a, b) => a.index - b.index);
}

/** Each word of a phrase read on its own, combined: every word must be said by the catalog in one of its ways. */
function wordByWordAlternatives(
  vocabulary: ShopVocabulary,
  phraseWords: string[],
  byWord: Map<string, Set<number>>,
): string[][] {
  let combined: string[][] = [[]];
  for (const word of phraseWords.filter((w) => !FUNCTION.has(w))) {
    const concepts = new Set<number>();
    for (const form of pluralForms(word)) for (const c of byWord.get(form) ?? []) concepts.add(c);
    const ways = [...catalogWordsFor(vocabulary, word).map((w) => [w]), ...conceptAlternatives(vocabulary, concepts)];
    if (ways.length === 0) return [];
    combined = combined.flatMap((sofar) => ways.map((way) => [...new Set([...sofar, ...way])]));
    // A handful of ways per word is all a shop's catalog gives; more is no phrase of its own.
    if (combined.length > 64) return [];
  }
  return combined.length > 0 && combined[0].length > 0 ? combined : [];
}

const typoCache = new WeakMap<ShopVocabulary, Map<string, string[]>>();

function typoCatalogWords(vocabulary: ShopVocabulary, word: string): string[] {
  if (word.length < 5 || /\d/.test(word)) return [];
  let cache = typoCache.get(vocabulary);
  if (!cache) typoCache.set(vocabulary, (cache = new Map()));
  if (!cache.has(word)) {
    if (cache.size > 5000) cache.clear();
    cache.set(word, findTypos(vocabulary, word));
  }
  return cache.get(word)!;
}

function findTypos(vocabulary: ShopVocabulary, word: string): string[] {
  const allowed = word.length >= 9 ? 2 : 1;
  const found = new Set<string>();
  const typed = pluralForms(word);
  for (const [form, words] of vocabulary.byForm) {
    if (form[0] !== word[0] || form.length < 4) continue;
    if (typed.some((t) => Math.abs(form.length - t.length) <= allowed && editDistance(t, form, allowed) <= allowed))
      for (const w of words) found.add(w);
  }
  // With its singular and plural ("bougis" → bougies → bougie too).
  return [...new Set([...found].flatMap((w) => [w, ...catalogWordsFor(vocabulary, w)]))];
}

function pluralPhrasePattern(phrase: string): RegExp {
  return new RegExp(
    ` ${phrase
      .split(" ")
      .map((w) => `${w}(?:s|es|x)?`)
      .join(" ")} `,
  );
}

/** How the catalog says these concepts: each lexicon entry whose words it all has, or whose head it has as a kind. */
function conceptAlternatives(vocabulary: ShopVocabulary, concepts: Set<number>): string[][] {
  const found = new Map<string, string[]>();
  for (const id of concepts)
    for (const alternative of conceptInCatalog(vocabulary, id)) found.set(alternative.join(" "), alternative);
  return [...found.values()];
}

const conceptCache = new WeakMap<ShopVocabulary, Map<number, string[][]>>();

function conceptInCatalog(vocabulary: ShopVocabulary, id: number): string[][] {
  let cache = conceptCache.get(vocabulary);
  if (!cache) conceptCache.set(vocabulary, (cache = new Map()));
  if (!cache.has(id)) cache.set(id, findConceptInCatalog(vocabulary, id));
  return cache.get(id)!;
}

function findConceptInCatalog(vocabulary: ShopVocabulary, id: number): string[][] {
  const found = new Map<string, string[]>();
  {
    const concept = RETAIL_CONCEPTS[id];
    for (const [language, entries] of Object.entries(concept.words) as [Language, string[]][]) {
      for (const entry of entries) {
        const words = entry.split(" ").filter((w) => !FUNCTION.has(w));
        const catalog = words.map((w) => catalogWordsFor(vocabulary, w)[0]);
        let alternative: string[] | null = null;
        if (catalog.every(Boolean)) alternative = catalog;
        else {
          const head = language === "en" ? catalog[catalog.length - 1] : catalog[0];
          if (head && vocabulary.kinds.has(head)) alternative = [head];
        }
        if (alternative) found.set(alternative.join(" "), alternative);
      }
    }
  }
  return [...found.values()];
}

/** Colour names of the same colour in other languages ("negro" → black, noir…). */
export function colorAliases(word: string): string[] {
  const w = normalize(word);
  return COLOR_GROUPS.find((group) => group.includes(w)) ?? [w];
}

/** The catalog's words for one shopper word: itself in singular or plural, and its lexicon concepts' words. */
export function relatedCatalogWords(vocabulary: ShopVocabulary, word: string): string[] {
  const term = shopperTerms(vocabulary, word).find((t) => t.index === 0);
  return term ? [...term.same, ...term.related] : [];
}
