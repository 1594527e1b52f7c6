/**
 * Stage 2 of the pipeline: the entities a shopper's message names, with the labels and
 * conventions of the eval format (order numbers as digits, everything else as written).
 */
import { editDistance, escapeRegExp, normalize, type Preprocessed } from "./preprocess";
import type { OrderNameFormat } from "../commerce/types";
import {
  AMBIGUOUS_COLOR_WORDS,
  AUDIENCE_WORDS,
  COLOR_GROUPS,
  COLOR_OPTION,
  FUNCTION_WORDS,
  NUMBER_WORDS as NUMBER_VALUES,
  SIZE_OPTION,
} from "./catalog/lexicon";
import {
  buildVocabulary,
  headNoun,
  isGenericWord,
  isKindWord,
  relatedCatalogWords,
  sameWord,
  type ShopVocabulary,
} from "./catalog/vocabulary";

export interface Entities {
  order_number?: string;
  email?: string;
  product?: string;
  quantity?: string;
  size?: string;
  color?: string;
}

/** What entity matching needs of a product: never DRAFT/ARCHIVED ones (the catalog is pre-filtered). */
export interface CatalogProduct {
  handle: string;
  title: string;
  /** Title words without "men's"/"women's" (which shoppers drop). */
  titleTokens: string[];
  handleTokens: string[];
  /** Title and handle words, deduplicated. */
  vocabulary: string[];
  sizes: string[];
  colors: string[];
  /** The title's word for what it is ("jacket", "bougie"), in the catalog's word order. */
  head: string | null;
}

export interface Catalog {
  products: CatalogProduct[];
  /** The shop's words, learned from its catalog (see catalog/vocabulary.ts). */
  vocabulary: ShopVocabulary;
  /** Words that name a kind of thing ("jacket", "sleeping", "rain"), not a product line. */
  genericTokens: Set<string>;
  /** Every product vocabulary word → the products that have it. */
  productsByWord: Map<string, Set<CatalogProduct>>;
  colors: string[];
  /** Colour name → its whole-word pattern, compiled once per catalog load (catalog and basic colours). */
  colorPatterns: Map<string, RegExp>;
}

export interface Extraction {
  entities: Entities;
  /** Handle of the catalog product the message names, if any. */
  productHandle: string | null;
}

interface Word {
  word: string;
  start: number;
  end: number;
}

interface ProductMention {
  product: CatalogProduct;
  /** The mention as the shopper wrote it. */
  text: string;
  start: number;
  end: number;
  score: number;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// "#1042", "# 1042", "order 1042", "order number is 1042", "pedido 1042", "commande n° 1042".
// Alone, "no" is a number sign only with its punctuation ("No. 1042"); "es 242, no 240" is a negation.
const ORDER_HASH = /#\s?(\d{3,8})\b/;
const ORDER_WORD =
  /\b(?:order|ordr|oder|orden|pedido|commande|cmd|number|num|no(?=[.:#°º])|nº|n°|numero|confirmation)\b[\s.:#°º-]*(?:(?:number|num|no|is|es|est|was|id|#|de|n°|nº|numero)[\s.:#°º-]*){0,3}(\d{3,8})\b/i;
// A bare 4–6 digit number, not money, a measurement, or part of a longer number.
const BARE_NUMBER = /(?<![\d$€£.,+-])\b(\d{4,6})\b(?![\d.,]*\s?(?:\$|€|%|usd|dollars|ft|mm|g\b|oz|lbs?))/i;
// Numbers in a sentence about an address or a zip code are not order numbers.
const ADDRESS_CONTEXT =
  /\b(?:zip|postal|postcode|house|street|apt|apartment|unit|suite|address|ave|avenue|st|blvd|road|rd|calle|rue|adresse|direccion)\b/i;

const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries(NUMBER_VALUES).map(([word, n]) => [word, String(n)]),
);
const QUANTITY = new RegExp(
  `\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\b\\s*(?:x\\s+)?` +
    `(?:(?:more|extra|additional|other|mas|más|de|plus|of|the|those|these|pairs?|los|las|les)\\s+)*([a-z\\u00c0-\\u017f'-]+)`,
  "gi",
);

// "change the quantity to 2", "qty 3"; "1 of the 2 base layers".
const QUANTITY_CHANGE = /\b(?:quantity|qty|cantidad|quantite)\b[^.?!\d]{0,30}?(?:\b(?:to|a)|à)?\s*(\d{1,2})\b/i;
const PART_OF =
  /\b(\d{1,2}|one|two|three)\s+(?:of|out of|de)\s+(?:the|my|those|these|los|las|les)\s+(?:\d{1,2}|two|three|four)\b/i;

const NON_ITEM_WORDS = new Set(
  (
    "days day weeks week business hours hour minutes dollars bucks percent usd am pm times months month years year " +
    "dias jours semaines semanas oz g mm lbs lb ft inch inches liters litres l people persons person cards card charges " +
    "codes code accounts account orders order emails packages parcels different pending weeks ago nights night degrees " +
    "stars star to or and of"
  ).split(" "),
);

const SIZE_PHRASE =
  /\b(?:size|sz|talla|taille|tamano|tamaño)(?:\s*[:=]\s*|\s+)(x{0,3}[sml]\/[sml]|x{0,3}[sml]|xl|xxl|\d{1,2}(?:\.5)?|small|medium|large|x-large|extra large|regular|long|petite|tall)\b/gi;
const STANDALONE_SIZE = /(?<![\w'/-])(XXS|XS|S\/M|M\/L|L\/XL|S|M|L|XL|XXL|XXXL)(?![\w'/-])/g;
const SIZE_WORDS = /\b(?:a|an|in|the|size)\s+(small|medium|large|x-large|extra large)\b/gi;

// Colour names of any shop's shoppers (language data); the shop's own colours come from its options.
const BASIC_COLORS = COLOR_GROUPS.flat().filter((color) => !AMBIGUOUS_COLOR_WORDS.has(color));
const BASIC_COLOR_PATTERNS = new Map(BASIC_COLORS.map((color) => [color, colorPattern(color)] as const));
// A colour word that is part of a name, not a colour: "Black Friday".
const NOT_A_COLOR = /^(?:friday)\b/i;
// Where two values are named, the one the shopper wants comes after these ("from M to L").
const WANTED_BEFORE =
  /\b(?:to|into|for|want|wants|prefer|need|get|a|an|en|por|pour|contre)\s+(?:a\s+|an\s+|the\s+|size\s+|una?\s+|une\s+|talla\s+|taille\s+)?$/i;
const WANTED_AFTER = /^\s*(?:instead|rather|please|svp|por favor)\b/i;

export interface CatalogSource {
  title: string;
  handle: string;
  status: string;
  options: { name: string; values: string[] }[];
  productType?: string | null;
  vendor?: string | null;
  tags?: string[];
  description?: string | null;
}

const FUNCTION = new Set(Object.values(FUNCTION_WORDS).flat());
const AUDIENCE = new Set(AUDIENCE_WORDS);

/** Build the matching index once per catalog load, from ACTIVE products only. */
export function buildCatalog(products: CatalogSource[]): Catalog {
  const active = products.filter((p) => p.status === "ACTIVE");
  const vocabulary = buildVocabulary(active);
  // Kinds, descriptors, product types, brands and function words say what kind of thing, or whose; not which one.
  const genericTokens = vocabulary.generic;
  const entries: CatalogProduct[] = active.map((p) => {
    const titleTokens = wordTokens(p.title).filter(
      (t) => !AUDIENCE.has(t) && !FUNCTION.has(t) && (t.length > 1 || /\d/.test(t)),
    );
    const handleTokens = p.handle.split("-").filter((t) => t.length > 1 && !FUNCTION.has(t));
    return {
      handle: p.handle,
      title: p.title,
      titleTokens,
      handleTokens,
      vocabulary: [...new Set([...titleTokens, ...handleTokens])],
      sizes: optionValues(p.options, SIZE_OPTION),
      colors: optionValues(p.options, COLOR_OPTION),
      head: headNoun(p.title, vocabulary.language),
    };
  });
  const productsByWord = new Map<string, Set<CatalogProduct>>();
  for (const entry of entries) {
    for (const word of entry.vocabulary) productsByWord.set(word, (productsByWord.get(word) ?? new Set()).add(entry));
  }
  const colors = [...new Set(entries.flatMap((e) => e.colors))];
  const colorPatterns = new Map([
    ...BASIC_COLOR_PATTERNS,
    ...colors.map((color) => [color, colorPattern(color)] as const),
  ]);
  return { products: entries, vocabulary, genericTokens, productsByWord, colors, colorPatterns };
}

// Letter boundaries, not \b: in a non-unicode pattern "é" is no word character, so "Écru" never matched.
function colorPattern(color: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(color)}(?![\\p{L}\\d])`, "giu");
}

function optionValues(options: { name: string; values: string[] }[], name: RegExp): string[] {
  return options
    .filter((o) => name.test(o.name.trim()))
    .flatMap((o) => o.values)
    .filter((v) => v !== "Default Title");
}

/** Lower-case words of `text`, accents folded and apostrophes dropped ("Men's Steppe" → men, steppe). */
export function wordTokens(text: string): string[] {
  return (
    normalize(text)
      .replace(ELISION, "$1 ")
      .replace(/'/g, "")
      .match(/[a-z0-9]+/g) ?? []
  );
}

// French elided articles ("d'oreiller", "l'huile"): the word is what follows.
const ELISION = /\b(l|d|j|n|s|c|m|t|qu)'(?=\p{L})/giu;

/** "boots" → "boot", leaving short words and "-ss" words alone. */
export function singular(token: string): string {
  return token.length > 3 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, -1) : token;
}

export function extractEntities(pre: Preprocessed, catalog: Catalog | null, orderName?: OrderNameFormat): Extraction {
  const entities: Entities = {};
  const text = pre.original;

  const email = text.match(EMAIL);
  if (email) entities.email = email[0].replace(/[.,;:]+$/, "");
  const withoutEmail = email ? text.replace(email[0], " ".repeat(email[0].length)) : text;

  const mention = catalog ? findProductMention(text, catalog) : null;
  if (mention) entities.product = mention.text;
  // Numbers and colours inside a product's name ("Vela 12", "Fjord boot") are part of the name.
  const outsideMention = mention ? blank(withoutEmail, mention.start, mention.end) : withoutEmail;

  const order = findOrderName(outsideMention, orderName) ?? findOrderNumber(outsideMention);
  const orderNumber = order?.match(/\d+/)?.[0] ?? null;
  if (orderNumber) entities.order_number = orderNumber;

  // The mention itself counts as something that can be bought ("two more of the Steppe jacket").
  const withPlaceholder = mention
    ? withoutEmail.slice(0, mention.start) + "product" + withoutEmail.slice(mention.end)
    : withoutEmail;
  const quantity = findQuantity(order ? withPlaceholder.replace(order, " ") : withPlaceholder, catalog);
  if (quantity) entities.quantity = quantity;

  const size = findSize(outsideMention, mention?.product ?? null, catalog);
  if (size) entities.size = size;

  const color = findColor(outsideMention, catalog, mention?.product ?? null);
  if (color) entities.color = color;
  return { entities, productHandle: mention?.product.handle ?? null };
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/**
 * The shop's own order name in the text ("FR-1042", "mx1042-w"), as written; null when the shop
 * uses plain "#" numbers (findOrderNumber reads those) or none is there.
 */
export function findOrderName(text: string, format: OrderNameFormat | undefined): string | null {
  const prefix = format?.prefix.trim() ?? "";
  const suffix = format?.suffix.trim() ?? "";
  const plainPrefix = !prefix || prefix === "#";
  if (plainPrefix && !suffix) return null;
  // With its own prefix the suffix may be left off ("FR-1042"); a suffix alone must be there ("1042-W").
  const body = plainPrefix
    ? `#?\\d{1,10}${escapeRegExp(suffix)}`
    : `${escapeRegExp(prefix)}\\s?\\d{1,10}(?:${escapeRegExp(suffix)})?`;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "iu");
  return text.match(pattern)?.[0] ?? null;
}

export function findOrderNumber(text: string): string | null {
  const hash = text.match(ORDER_HASH);
  if (hash) return hash[1];
  const worded = text.match(ORDER_WORD);
  if (worded) return worded[1];
  const bare = text.match(BARE_NUMBER);
  if (bare && !ADDRESS_CONTEXT.test(text) && !looksLikeStreetNumber(text, bare.index ?? 0)) return bare[1];
  return null;
}

// "3768 Utah St": a number followed by a capitalised name is a street number.
function looksLikeStreetNumber(text: string, index: number): boolean {
  const after = text.slice(index).match(/^\d+\s+([A-Za-z]+)/);
  return !!after && /^[A-Z]/.test(after[1]) && !/^(I|It|My|Is|And|Please|Thanks|Can|The|Order)$/.test(after[1]);
}

/** A count right before something that can be bought: "2 more lanterns", "two of the Kestrel 30". */
function findQuantity(text: string, catalog: Catalog | null): string | null {
  const explicit = text.match(QUANTITY_CHANGE) ?? text.match(PART_OF);
  if (explicit) return NUMBER_WORDS[explicit[1].toLowerCase()] ?? explicit[1];
  for (const match of text.matchAll(QUANTITY)) {
    const [, amount, following] = match;
    // "a 3-day trip", "2-person": a number joined to a word describes, it doesn't count.
    if (following.startsWith("-")) continue;
    // "une robe", "un regalo": an article, not a count.
    if (/^(?:un|une|uno|una)$/i.test(amount)) continue;
    const word = singular(normalize(following));
    if (NON_ITEM_WORDS.has(word) || NON_ITEM_WORDS.has(normalize(following))) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 8), match.index);
    if (/[$#€£]\s*$|size\s*$|talla\s*$|taille\s*$|\d[-/]\s*$/i.test(before)) continue;
    if (/^\d+$/.test(amount) && Number(amount) > 20) continue;
    // Something the shop sells, or a kind of goods in any language ("2 candles" to a shop selling "Bougies").
    const isItem = catalog
      ? word === "product" ||
        isKindWord(catalog.vocabulary, word) ||
        relatedCatalogWords(catalog.vocabulary, word).length > 0 ||
        catalog.products.some((p) => p.titleTokens.includes(word) || p.titleTokens.includes(normalize(following)))
      : true;
    if (!isItem) continue;
    return NUMBER_WORDS[amount.toLowerCase()] ?? amount;
  }
  return null;
}

interface Candidate {
  value: string;
  index: number;
}

/** Of several values, the one the shopper wants ("from M to L" → L, "Moss but I want Black" → Black). */
function preferWanted(text: string, candidates: Candidate[]): string | null {
  if (candidates.length === 0) return null;
  const wanted = candidates.filter(
    (c) => WANTED_BEFORE.test(text.slice(0, c.index)) || WANTED_AFTER.test(text.slice(c.index + c.value.length)),
  );
  const pool = wanted.length > 0 ? wanted : candidates;
  return pool[pool.length - 1].value;
}

function findSize(text: string, product: CatalogProduct | null, catalog: Catalog | null): string | null {
  const candidates: Candidate[] = [];
  for (const m of text.matchAll(SIZE_PHRASE))
    candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
  for (const m of text.matchAll(STANDALONE_SIZE)) {
    const index = m.index ?? 0;
    const value = m[1];
    // A lone capital letter is a size only mid-sentence and not before a name ("2101 S Lamar").
    if (
      value.length === 1 &&
      (/(^|[.!?]\s*)$/.test(text.slice(0, index)) || /^\s+[A-Z][a-z]/.test(text.slice(index + 1)))
    )
      continue;
    if (!candidates.some((c) => c.index === index)) candidates.push({ value, index });
  }
  for (const m of text.matchAll(SIZE_WORDS))
    candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
  if (product) {
    for (const size of product.sizes.filter((s) => /^\d/.test(s))) {
      const m = text.match(new RegExp(`\\b(?:a|an|in)\\s+(${escapeRegExp(size)})\\b`, "i"));
      if (m) candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
    }
  }
  // Sizes the catalog measures ("140 × 200 cm", "350 ml", "1 kg"), however the shopper spaces them.
  for (const size of product?.sizes ?? catalog?.vocabulary.sizes ?? []) {
    const pattern = measuredSizePattern(size);
    if (!pattern) continue;
    for (const m of text.matchAll(pattern))
      if (!candidates.some((c) => c.index === m.index)) candidates.push({ value: m[0].trim(), index: m.index ?? 0 });
  }
  return preferWanted(
    text,
    candidates.sort((a, b) => a.index - b.index),
  );
}

const MEASURED_SIZE = /^(\d+(?:[.,]\d+)?(?:\s*[×x*]\s*\d+(?:[.,]\d+)?)*)\s*(\p{L}{0,3})$/iu;

const measuredSizePatterns = new Map<string, RegExp | null>();

function measuredSizePattern(size: string): RegExp | null {
  if (!measuredSizePatterns.has(size)) measuredSizePatterns.set(size, compileMeasuredSize(size));
  return measuredSizePatterns.get(size)!;
}

function compileMeasuredSize(size: string): RegExp | null {
  const m = size.trim().match(MEASURED_SIZE);
  if (!m) return null;
  const [, numbers, unit] = m;
  const dimensions = numbers.split(/\s*[×x*]\s*/i);
  // A single number needs its unit ("350 ml"); dimensions are clear without ("140x200").
  if (dimensions.length === 1 && !unit) return null;
  const body = dimensions.map(escapeRegExp).join("\\s*[×x*]\\s*");
  const tail = unit ? `\\s*${escapeRegExp(unit)}` : "";
  return new RegExp(`(?<![\\d.,])${body}${dimensions.length > 1 ? `(?:${tail})?` : tail}(?![\\p{L}\\d])`, "giu");
}

function findColor(text: string, catalog: Catalog | null, product: CatalogProduct | null): string | null {
  const upper = text.toUpperCase();
  const candidates: Candidate[] = [];
  for (const { color, upperColor } of colorNames(catalog, product)) {
    // A colour the text doesn't contain, in any case, can't match its case-insensitive pattern.
    if (!upper.includes(upperColor)) continue;
    const pattern = (catalog?.colorPatterns ?? BASIC_COLOR_PATTERNS).get(color) ?? colorPattern(color);
    for (const m of text.matchAll(pattern)) {
      const index = m.index ?? 0;
      if (candidates.some((c) => index < c.index + c.value.length && c.index < index + m[0].length)) continue;
      if (NOT_A_COLOR.test(text.slice(index + m[0].length).trimStart())) continue;
      candidates.push({ value: m[0], index });
    }
  }
  return preferWanted(
    text,
    candidates.sort((a, b) => a.index - b.index),
  );
}

const colorNamesOf = new WeakMap<Catalog | CatalogProduct, { color: string; upperColor: string }[]>();
let basicColorNames: { color: string; upperColor: string }[] | null = null;

/** The colour names to look for, longest first: the product's, the catalog's, then the basic ones; listed once per product or catalog. */
function colorNames(catalog: Catalog | null, product: CatalogProduct | null) {
  const key = product ?? catalog;
  let names = key ? colorNamesOf.get(key) : basicColorNames;
  if (!names) {
    names = [...new Set([...(product?.colors ?? []), ...(catalog?.colors ?? []), ...BASIC_COLORS])]
      .sort((a, b) => b.length - a.length)
      .map((color) => ({ color, upperColor: color.toUpperCase() }));
    if (key) colorNamesOf.set(key, names);
    else basicColorNames = names;
  }
  return names;
}

/** A catalog product's title words as a set (made once per product: every message looks at the candidates'). */
function titleWordSet(product: CatalogProduct): Set<string> {
  let words = titleWordSets.get(product);
  if (!words) titleWordSets.set(product, (words = new Set(wordTokens(product.title))));
  return words;
}
const titleWordSets = new WeakMap<CatalogProduct, Set<string>>();

/**
 * The product a message names: the longest run of words matching one product's title or handle
 * words (typos forgiven) that either contains a word naming the product line ("Steppe",
 * "Kittiwake", a model number after a name) or spells out the whole title. Categories alone
 * ("the tent", "my rain jacket") are not products.
 */
export function findProductMention(text: string, catalog: Catalog): ProductMention | null {
  const words = splitWords(text);
  // Which vocabulary words each message word matches, computed once for all products.
  const matches = words.map((w) => catalogWordsMatching(w.word, catalog));
  const candidates = new Set(matches.flatMap((m) => m.flatMap((v) => [...(catalog.productsByWord.get(v) ?? [])])));
  let best: ProductMention | null = null;
  for (const product of candidates) {
    let run: { start: number; last: number; hits: string[] } | null = null;
    const ownWords = titleWordSet(product);
    const close = () => {
      if (!run) return;
      const endIndex = run.last;
      const hits = run.hits;
      const distinctive = hits.filter((hit, i) => isDistinctive(hit, i, hits, catalog)).length;
      const titleHits = new Set(hits.filter((h) => product.titleTokens.includes(h))).size;
      const wholeTitle = product.titleTokens.length >= 2 && titleHits === product.titleTokens.length;
      // Three title words from its start ("Alpaca Walking Socks") name a product even if each is generic.
      const titlePrefix = titleHits >= 3 && hits[0] === product.titleTokens[0];
      // Title words written as a name, mid-sentence, that only this product has ("the Camp Moc", not "the trekking poles").
      const writtenAsName =
        titleHits >= 2 &&
        words
          .slice(run.start, endIndex + 1)
          .every((w) => FUNCTION.has(w.word) || /^\p{Lu}/u.test(text.slice(w.start))) &&
        !/(?:^|[.!?¿¡]\s*)$/.test(text.slice(0, words[run.start].start)) &&
        productsWithAll(catalog, hits) === 1;
      if (distinctive > 0 || wholeTitle || titlePrefix || writtenAsName) {
        const score = distinctive * 3 + hits.length + (wholeTitle ? 2 : 0);
        const start = words[run.start].start;
        if (!best || score > best.score || (score === best.score && start < best.start)) {
          const end = words[endIndex].end;
          best = { product, text: text.slice(start, end), start, end, score };
        }
      }
      run = null;
    };
    words.forEach((w, i) => {
      const hit = product.vocabulary.find((v) => matches[i].includes(v));
      if (hit) {
        run ??= { start: i, last: i, hits: [] };
        run.hits.push(hit);
        run.last = i;
      } else if (!(run && FUNCTION.has(w.word) && run.last === i - 1 && ownWords.has(w.word))) {
        // One of the title's own articles or prepositions may sit inside it ("Housse de couette"); anything else ends it.
        close();
      }
    });
    close();
  }
  return best;
}

function productsWithAll(catalog: Catalog, hits: string[]): number {
  return catalog.products.filter((p) => hits.every((h) => p.vocabulary.includes(h))).length;
}

// Every message word is compared with every catalog word (plural forms, typos): remembered per
// catalog, as shoppers reuse the same words ("the", "tent", "do"); a catalog is rebuilt, not changed.
const wordMatches = new WeakMap<Catalog, Map<string, string[]>>();

function catalogWordsMatching(word: string, catalog: Catalog): string[] {
  let cache = wordMatches.get(catalog);
  if (!cache) wordMatches.set(catalog, (cache = new Map()));
  let found = cache.get(word);
  if (!found) {
    if (cache.size > 5000) cache.clear();
    cache.set(word, (found = compareWithCatalog(word, catalog)));
  }
  return found;
}

function compareWithCatalog(word: string, catalog: Catalog): string[] {
  const found: string[] = [];
  for (const v of catalog.productsByWord.keys()) {
    if (sameWord(v, word) || isTypoOf(word, v, catalog)) found.push(v);
  }
  return found;
}

// Misspelled product-line names ("Ridgback", "Expedtion"); never generic words ("campsite" ≠ "campfire").
function isTypoOf(word: string, vocabularyWord: string, catalog: Catalog): boolean {
  if (word.length < 5 || isGenericWord(catalog.vocabulary, vocabularyWord) || word[0] !== vocabularyWord[0])
    return false;
  const allowed = word.length >= 10 ? 2 : 1;
  return editDistance(word, vocabularyWord, allowed) <= allowed;
}

function isDistinctive(hit: string, index: number, hits: string[], catalog: Catalog): boolean {
  if (/^\d+$/.test(hit)) return index > 0 && !/^\d+$/.test(hits[index - 1]); // "Kestrel 30", "Lantern 200" — not "2 tents", "200×200"
  return !isGenericWord(catalog.vocabulary, hit);
}

// Words of the original text with their offsets; apostrophes inside words are skipped.
function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const elided = m[0].match(/^(?:l|d|j|n|s|c|m|t|qu)['’](?=\p{L}{2})/iu)?.[0].length ?? 0;
    const word = normalize(m[0].slice(elided)).replace(/'/g, "");
    words.push({ word, start: (m.index ?? 0) + elided, end: (m.index ?? 0) + m[0].length });
  }
  return words;
}
