/**
 * Product search over the shop's ACTIVE catalog, in the shop's own words: the shopper's words
 * reach the catalog's through plural forms and the retail lexicon (any of en/es/fr to any), the
 * head noun of what they ask for ("hiking BOOTS", "BOUGIES parfumées") must match, the other
 * words narrow and rank; price limits are read in the shop's currency.
 */
import { AMOUNTS } from "../amounts";
import type { Product } from "../../commerce/types";
import type { Catalog } from "../entities";
import { normalize, type Language } from "../preprocess";
import { genderOf, wantedGender, type Gender } from "./audience";
import { NUMBER_WORDS } from "./lexicon";
import { parsePriceLimits } from "./price";
import {
  catalogTokens,
  headNoun,
  isKindWord,
  pluralForms,
  relatedCatalogWords,
  sameWord,
  shopperTerms,
  type ShopperTerm,
} from "./vocabulary";

export interface SearchRequest {
  text: string;
  maxPrice?: number | null;
  minPrice?: number | null;
  onSale?: boolean;
  inStock?: boolean;
  people?: number | null;
  gender?: Gender | null;
  /** "Gift ideas", "un regalo para…": a purpose, not a kind of thing; gift-like products first. */
  gift?: boolean;
  /** Only products matching the kind of thing named (for "similar products"). */
  requireCategory?: boolean;
}

export interface SearchResult {
  results: Product[];
  /** The shopper's words that named a kind of product the shop sells. */
  categoryWords: string[];
  /** Matches before price, sale, stock and capacity filters (the closest when nothing passes). */
  beforeFilters: Product[];
  /** The one product the words name, when only one says it is that kind of thing ("el jabón" → the Savon, not the gift box holding one). */
  single: Product | null;
}

// Words of a search that say nothing about what is wanted, in en/es/fr.
const SEARCH_FILLER = new Set(
  (
    "any anything have got do you sell show looking look find need want something some under below less than cheaper max up to for " +
    "with what which good best recommend recommendation recommendations suggest suggestion suggestions idea ideas options option stuff items item " +
    "products product sale on deals deal discounted clearance cheap affordable budget price priced dollars bucks usd in stock available " +
    "people person persons man woman men women mens womens kind type sort there is are a an the me my i we our your it " +
    "please thanks hi hello can could would should like love get buy new around about over above more least at most " +
    "tengo tienen tiene hay algo alguna alguno algun busco buscando quiero necesito precio menos mas de para por con en oferta ofertas rebajas " +
    "recomiendan recomiendas recomienda recomendacion recomendaciones idea ideas que cual cuales venden vendes me un una unos unas " +
    "avez vous je cherche veux voudrais besoin quelque chose moins plus pour avec en solde soldes promo personnes personas " +
    "idee idees suggestion suggestions conseil conseillez recommandez quoi quel quelle quels quelles vendez proposez " +
    "pesos peso euros euro mxn eur " +
    "whats hows wheres theres thats gotten carry carries stock right now currently today"
  ).split(" "),
);

// Where the name of the thing ends: "a warm sleeping bag | for winter camping", "boots | under $100".
const PHRASE_END =
  /\s(?:for|with|under|below|over|above|between|less|cheaper|that|which|to|in|from|around|para|con|por|pour|avec|sous|moins|menos|bajo|de moins|que)\s/i;

const GIFT_WORDS = ["gift", "present", "regalo", "obsequio", "cadeau", "present"];

/** What the shopper asks for: words, price limits in the shop's currency, sale, stock, capacity, gender. */
// Words for "on sale" in en/es/fr; a bare "sale" only in English (in Spanish it is "comes out").
const ON_SALE =
  /\b(?:on sale|deals?|discounted|clearance|markdowns?|reduced|promos?|rebaja(?:s|do|da|dos|das)?|ofertas?|descuentos?|liquidaci[oó]n|promoci[oó]n|soldes?|sold[ée]s?|en promo(?:tion)?|r[ée]duction|d[ée]stockage)\b/i;

export function parseSearch(text: string, currency = "USD", language: Language = "en"): SearchRequest {
  const { maxPrice, minPrice } = parsePriceLimits(text, currency);
  const people =
    text.match(
      /\b(\d{1,2}|one|two|three|four|five|six|uno|dos|tres|cuatro|un|deux|trois|quatre)[\s-]*(?:person|people|persons|man|personas|personnes|p)\b/i,
    ) ??
    text.match(/\bfor\s+(\d{1,2}|two|three|four|five|six)\b(?!\s*(?:\$|€|£|dollars|bucks|euros|pesos|days|nights))/i);
  const count = people ? (NUMBER_WORDS[people[1].toLowerCase()] ?? Number(people[1])) : null;
  return {
    text,
    maxPrice,
    minPrice,
    onSale: ON_SALE.test(text) || (language === "en" && /\bsales?\b/i.test(text)),
    inStock: /\b(?:in stock|available now|disponible|en stock)\b/i.test(text),
    people: count && count > 0 && count < 20 ? count : null,
    gender: wantedGender(text),
    gift: false,
  };
}

interface ProductIndex {
  product: Product;
  /** Title, type, tags and handle words, with their plural forms. */
  strong: Set<string>;
  /** Option value and brand words ("Molido para prensa francesa", "Hario"): they narrow, they don't name the kind. */
  options: Set<string>;
  /** Description words. */
  weak: Set<string>;
  /** The title's head noun: what the product says it is. */
  heads: string[];
  /** The product type's words: what the shop files it as ("House Espresso" is a Coffee). */
  types: string[];
}

const indexCache = new WeakMap<Map<string, Product>, ProductIndex[]>();

function withForms(words: string[]): Set<string> {
  return new Set(words.flatMap(pluralForms));
}

function productIndex(catalog: Catalog, products: Map<string, Product>): ProductIndex[] {
  const cached = indexCache.get(products);
  if (cached) return cached;
  const language = catalog.vocabulary.language;
  const index = [...products.values()]
    .filter((p) => p.status === "ACTIVE")
    .map((product) => ({
      product,
      strong: withForms(
        catalogTokens(
          [product.title, product.productType, ...product.tags, product.handle.replace(/-/g, " ")].join(" "),
        ),
      ),
      options: withForms(
        [product.vendor, ...product.options.flatMap((o) => o.values.filter((v) => v !== "Default Title"))].flatMap(
          catalogTokens,
        ),
      ),
      weak: withForms(catalogTokens(product.description)),
      heads: [headNoun(product.title, language)].filter((h): h is string => h !== null),
      types: catalogTokens(product.productType ?? ""),
    }));
  indexCache.set(products, index);
  return index;
}

/** A shopper's term, with the catalog words it stands for. */
interface Term {
  text: string;
  /** Catalog words the shopper's word is (singular/plural, misspelling). */
  same: string[];
  catalogWords: string[];
  /** Each a set of catalog words that together say it (see ShopperTerm). */
  alternatives: string[][];
  /** Forms of the shopper's own word (for description matches). */
  forms: string[];
}

// A message's text is read into terms by the intent's catalog check and again by the search (its
// whole text and its first phrase): the catalog's last texts are remembered (read-only terms).
const REMEMBERED_TEXTS = 256;
const rememberedTerms = new WeakMap<Catalog, Map<string, readonly Term[]>>();

function searchTerms(catalog: Catalog, text: string): Term[] {
  let remembered = rememberedTerms.get(catalog);
  if (!remembered) rememberedTerms.set(catalog, (remembered = new Map()));
  let found = remembered.get(text);
  if (!found) {
    found = readSearchTerms(catalog, text);
    if (remembered.size >= REMEMBERED_TEXTS) remembered.delete(remembered.keys().next().value!);
    remembered.set(text, found);
  }
  return [...found];
}

function readSearchTerms(catalog: Catalog, text: string): Term[] {
  // Amounts and currencies are filters, not words of the thing.
  const words = text.replace(AMOUNTS, " ");
  return shopperTerms(catalog.vocabulary, words)
    .filter(
      (t) => !(t.text.indexOf(" ") < 0 && (SEARCH_FILLER.has(t.text) || /^\d+$/.test(t.text) || t.text.length < 2)),
    )
    .map((t: ShopperTerm) => ({
      text: t.text,
      same: t.same,
      catalogWords: [...new Set([...t.same, ...t.related])],
      alternatives: t.alternatives,
      forms: t.text.split(" ").flatMap(pluralForms),
    }));
}

/** The shopper's words a search would use (also for telling a search from a follow-up). */
export function searchWords(catalog: Catalog, text: string): string[] {
  return searchTerms(catalog, text).map((t) => t.text);
}

/** Does the product's title say it is what the term names ("Bougie…" for "bougies")? */
function isHeadOf(entry: ProductIndex, term: Term): boolean {
  return headScore(entry, term) > 0;
}

/** 2 when the title's head is the shopper's own word ("headphones"), 1 when a word of the same kind ("earbuds"). */
function headScore(entry: ProductIndex, term: Term): number {
  if (entry.heads.some((h) => term.same.some((w) => sameWord(w, h)))) return 2;
  if (entry.heads.some((h) => term.catalogWords.some((w) => sameWord(w, h)))) return 1;
  // A title that doesn't say the kind ("House Espresso") of a product the shop files under it (type "Coffee").
  return entry.types.length === 1 && term.same.some((w) => sameWord(w, entry.types[0])) ? 1 : 0;
}

function isGiftTerm(term: Term): boolean {
  return term.text.indexOf(" ") < 0 && term.forms.some((f) => GIFT_WORDS.includes(f));
}

/** Products of the ACTIVE catalog matching the request, best first, and which words named a kind of product. */
export function searchCatalog(
  catalog: Catalog,
  products: Map<string, Product>,
  request: SearchRequest,
  language: Language,
): SearchResult {
  const index = productIndex(catalog, products);
  const allTerms = searchTerms(catalog, request.text);
  // "Gift ideas", "un regalo": what it's for, not what it is (unlike "gift card", a phrase of its own).
  const gift = request.gift || allTerms.some(isGiftTerm);
  const typed = allTerms.filter((t) => !isGiftTerm(t));
  const strongly = (entry: ProductIndex, term: Term) =>
    term.alternatives.some((words) => words.every((w) => entry.strong.has(w)));
  const inOptions = (entry: ProductIndex, term: Term) =>
    term.catalogWords.some((w) => entry.options.has(w)) || term.forms.some((f) => entry.options.has(f));
  const weakly = (entry: ProductIndex, term: Term) => term.forms.some((f) => f.length > 3 && entry.weak.has(f));
  // Words the catalog doesn't use at all ("kayak") can't match; with no filters they mean "we don't sell that".
  const words = typed.filter((t) =>
    index.some((entry) => strongly(entry, t) || inOptions(entry, t) || weakly(entry, t)),
  );
  const filtered0 =
    request.maxPrice != null ||
    request.minPrice != null ||
    request.onSale ||
    request.inStock ||
    request.people != null ||
    gift;
  if (words.length === 0 && typed.length > 0 && !filtered0)
    return { results: [], categoryWords: [], beforeFilters: [], single: null };
  // Words naming a kind of product (title, type or tag of something we sell), in the name of the thing asked for.
  const isCategory = (t: Term) => index.some((entry) => strongly(entry, t));
  const phrase = ` ${request.text} `.split(PHRASE_END)[0];
  const inPhrase = new Set(searchTerms(catalog, phrase).map((t) => t.text));
  const phraseTerms = words.filter((t) => inPhrase.has(t.text) && isCategory(t));
  const categoryTerms = phraseTerms.length > 0 ? phraseTerms : words.filter(isCategory);
  // The head of the phrase ("hiking BOOTS", "BOTAS de montaña") must match; the other words narrow and rank.
  const nouns = categoryTerms.filter((t) => t.catalogWords.some((w) => isKindWord(catalog.vocabulary, w)));
  const pool = nouns.length > 0 ? nouns : categoryTerms;
  const head = pool.length === 0 ? null : language === "en" ? pool[pool.length - 1] : pool[0];
  let candidates = index.filter((entry) => (head ? strongly(entry, head) : !request.requireCategory));
  // Products matching more of the name ("hiking" AND "boots") beat those matching only the head.
  const coverage = (entry: ProductIndex) => categoryTerms.filter((t) => strongly(entry, t)).length;
  const best = Math.max(0, ...candidates.map(coverage));
  if (best > 1) candidates = candidates.filter((entry) => coverage(entry) === best);
  const giftWords = gift
    ? new Set(GIFT_WORDS.flatMap((w) => relatedCatalogWords(catalog.vocabulary, w)))
    : new Set<string>();
  const scored = candidates
    .map((entry) => ({
      entry,
      score:
        words.reduce(
          (sum, t) => sum + (strongly(entry, t) ? 3 : inOptions(entry, t) ? 2 : weakly(entry, t) ? 1 : 0),
          0,
        ) +
        // What the title says it is ("Bougie…", "…Tent") before what merely has the word ("Recharge diffuseur", "…Tent Footprint").
        (head ? headScore(entry, head) : 0) +
        (request.gender && genderOf(entry.product) === request.gender ? 2 : 0) +
        (gift && [...giftWords].some((w) => entry.strong.has(w)) ? 3 : 0),
    }))
    .filter(({ score }) => head !== null || words.length === 0 || score > 0);
  const beforeFilters = scored.map((s) => s.entry.product);
  const passing = scored.filter(({ entry: { product } }) => {
    const prices = product.variants.map((v) => Number(v.price));
    if (request.maxPrice != null && !prices.some((p) => p <= request.maxPrice!)) return false;
    if (request.minPrice != null && !prices.some((p) => p >= request.minPrice!)) return false;
    if (request.onSale && !onSale(product)) return false;
    if (request.inStock && !product.variants.some((v) => v.availableForSale)) return false;
    if (request.people != null && !servesPeople(product, request.people)) return false;
    if (request.gender && genderOf(product) && genderOf(product) !== request.gender) return false;
    return true;
  });
  // Asked for a kind of thing ("café", "boots"), the products that are that kind come before those
  // that merely mention it ("Recetario de café", "boot laces"), which show only when none is.
  const ofKind = head ? passing.filter(({ entry }) => isHeadOf(entry, head)) : [];
  const results = (ofKind.length > 0 ? ofKind : passing)
    .sort(
      (a, b) =>
        // "A tent for two": the 2-person tents before the 4-person one that also fits two.
        (request.people != null
          ? peopleGap(a.entry.product, request.people) - peopleGap(b.entry.product, request.people)
          : 0) ||
        b.score - a.score ||
        Number(b.entry.product.variants.some((v) => v.availableForSale)) -
          Number(a.entry.product.variants.some((v) => v.availableForSale)) ||
        lowestPrice(a.entry.product) - lowestPrice(b.entry.product),
    )
    .map((s) => s.entry.product);
  const namedKind = head ? passing.filter(({ entry }) => isHeadOf(entry, head) && coverage(entry) === best) : [];
  const single = results.length === 1 ? results[0] : namedKind.length === 1 ? namedKind[0].entry.product : null;
  return { results, categoryWords: categoryTerms.map((t) => t.text), beforeFilters, single };
}

function servesPeople(product: Product, people: number): boolean {
  return peopleGap(product, people) <= 2;
}

/** How many more people than asked the product is made for (Infinity when it says no number that fits). */
function peopleGap(product: Product, people: number): number {
  const text = normalize(`${product.tags.join(" ")} ${product.title} ${product.description}`);
  const sizes = [...text.matchAll(/\b(\d{1,2})[\s-]*(?:person|persona|personne|p)s?\b/g)].map((m) => Number(m[1]));
  const fitting = sizes.filter((n) => n >= people);
  return fitting.length > 0 ? Math.min(...fitting) - people : Infinity;
}

export function onSale(product: Product): boolean {
  return product.variants.some((v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price));
}

export function lowestPrice(product: Product): number {
  return Math.min(...product.variants.map((v) => Number(v.price)));
}

/**
 * The shopper's words split into those naming a kind of thing this shop sells (in any of en/es/fr),
 * the other words of its catalog ("lin", "bleu"), and the others that aren't filler:
 * "housse de couette" → kinds [housse…], other [].
 */
export function catalogTerms(
  catalog: Catalog,
  text: string,
): { kinds: string[]; catalogWords: string[]; other: string[] } {
  const kinds: string[] = [];
  const catalogWords: string[] = [];
  const other: string[] = [];
  for (const term of searchTerms(catalog, text)) {
    if (term.alternatives.some((words) => words.some((w) => isKindWord(catalog.vocabulary, w)))) kinds.push(term.text);
    else if (term.catalogWords.length === 0) other.push(term.text);
    else catalogWords.push(term.text);
  }
  return { kinds, catalogWords, other };
}

// "the", "el/la/los/las/del", "le/la/les/l'/du": a thing the shopper has in mind, not any of a kind.
const DEFINITE_ARTICLES = new Set(["the", "el", "la", "los", "las", "del", "al", "le", "les", "l", "du"]);
/** How many words (an audience, a material) may stand between the article and the kind named. */
const ARTICLE_REACH = 3;

/**
 * "I'm looking for the alpaca scarf", "¿tienen el farol?": a definite article before the kind
 * named, and only one product of the shop is that kind: the shopper asks about that product,
 * so it is answered, not listed. "do you have alpaca scarves?" stays a search.
 */
export function theOneAskedFor(text: string, found: SearchResult): Product | null {
  if (found.results.length !== 1 || found.categoryWords.length === 0) return null;
  const tokens = normalize(text)
    .replace(/\b(l|d|j|n|s|c|m|t|qu)'(?=[a-z])/g, "$1 ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const firstWords = new Set(found.categoryWords.map((w) => w.split(" ")[0]));
  const at = tokens.findIndex((t) => firstWords.has(t));
  if (at < 0) return null;
  const before = tokens.slice(Math.max(0, at - ARTICLE_REACH), at);
  return before.some((t) => DEFINITE_ARTICLES.has(t)) ? found.results[0] : null;
}
