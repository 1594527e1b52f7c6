/**
 * Stage 2 of the pipeline: the entities a shopper's message names, with the labels and
 * conventions of the eval format (order numbers as digits, everything else as written).
 */
import { editDistance, escapeRegExp, normalize, type Preprocessed } from "./preprocess";
import type { OrderNameFormat } from "../commerce/types";

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
}

export interface Catalog {
  products: CatalogProduct[];
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
const ORDER_HASH = /#\s?(\d{3,8})\b/;
const ORDER_WORD =
  /\b(?:order|ordr|oder|orden|pedido|commande|cmd|number|num|no|nº|n°|numero|confirmation)\b[\s.:#°º-]*(?:(?:number|num|no|is|es|est|was|id|#|de|n°|nº|numero)[\s.:#°º-]*){0,3}(\d{3,8})\b/i;
// A bare 4–6 digit number, not money, a measurement, or part of a longer number.
const BARE_NUMBER = /(?<![\d$€£.,+-])\b(\d{4,6})\b(?![\d.,]*\s?(?:\$|€|%|usd|dollars|ft|mm|g\b|oz|lbs?))/i;
// Numbers in a sentence about an address or a zip code are not order numbers.
const ADDRESS_CONTEXT = /\b(?:zip|postal|postcode|house|street|apt|apartment|unit|suite|address|ave|avenue|st|blvd|road|rd|calle|rue|adresse|direccion)\b/i;

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  uno: "1", una: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5",
  un: "1", une: "1", deux: "2", trois: "3", quatre: "4", cinq: "5",
};
const QUANTITY = new RegExp(
  `\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\b\\s*(?:x\\s+)?` +
    `(?:(?:more|extra|additional|other|mas|más|de|plus|of|the|those|these|pairs?|los|las|les)\\s+)*([a-z\\u00c0-\\u017f'-]+)`,
  "gi",
);

// Nouns and descriptors for kinds of products, in English, Spanish and French. A mention made
// only of these ("the tent", "my rain jacket") is a category, not a product.
const GENERIC_PRODUCT_WORDS = (
  "mens men womens women kids unisex the a an my and for with of in " +
  "jacket jackets coat parka shell softshell fleece rain down insulated puffer vest hoodie " +
  "boot boots shoe shoes sneaker sneakers runner runners trail hiking hiker hikers winter waterproof sandal " +
  "tent tents footprint solo family person backpacking pack packs backpack backpacks daypack daypacks bag bags dry roll top " +
  "sleeping pad pads quilt synthetic sock socks crew bottoms base layer layers midweight tee shirt shirts pants beanie hat hats " +
  "bottle bottles water headlamp headlamps lamp poles pole trekking gift card cards camp day approach " +
  "merino wool nylon leather cotton one two three four five six " +
  "chaqueta chaquetas botas bota tienda mochila saco calcetines gorro veste vestes chaussures tente sac chaussettes bonnet"
).split(" ");

// "change the quantity to 2", "qty 3"; "1 of the 2 base layers".
const QUANTITY_CHANGE = /\b(?:quantity|qty|cantidad|quantite)\b[^.?!\d]{0,30}?\b(?:to|a|à)?\s*(\d{1,2})\b/i;
const PART_OF = /\b(\d{1,2}|one|two|three)\s+(?:of|out of|de)\s+(?:the|my|those|these|los|las|les)\s+(?:\d{1,2}|two|three|four)\b/i;

const NON_ITEM_WORDS = new Set(
  ("days day weeks week business hours hour minutes dollars bucks percent usd am pm times months month years year " +
    "dias jours semaines semanas oz g mm lbs lb ft inch inches liters litres l people persons person cards card charges " +
    "codes code accounts account orders order emails packages parcels different pending weeks ago nights night degrees " +
    "stars star to or and of").split(" "),
);

const SIZE_PHRASE = /\b(?:size|sz|talla|taille|tamano|tamaño)\s*[:=]?\s*(x{0,3}[sml]\/[sml]|x{0,3}[sml]|xl|xxl|\d{1,2}(?:\.5)?|small|medium|large|x-large|extra large|regular|long|petite|tall)\b/gi;
const STANDALONE_SIZE = /(?<![\w'/-])(XXS|XS|S\/M|M\/L|L\/XL|S|M|L|XL|XXL|XXXL)(?![\w'/-])/g;
const SIZE_WORDS = /\b(?:a|an|in|the|size)\s+(small|medium|large|x-large|extra large)\b/gi;

const BASIC_COLORS = [
  "black", "white", "red", "blue", "green", "grey", "gray", "navy", "brown", "tan", "olive", "orange", "yellow", "pink",
  "purple", "beige", "charcoal", "khaki", "teal", "burgundy", "cream", "silver", "gold",
  "negro", "blanco", "rojo", "azul", "verde", "gris", "noir", "blanc", "rouge", "bleu", "vert",
];
const BASIC_COLOR_PATTERNS = new Map(BASIC_COLORS.map((color) => [color, colorPattern(color)] as const));
// A colour word that is part of a name, not a colour: "Black Friday".
const NOT_A_COLOR = /^(?:friday)\b/i;
// Where two values are named, the one the shopper wants comes after these ("from M to L").
const WANTED_BEFORE = /\b(?:to|into|for|want|wants|prefer|need|get|a|an|en|por|pour|contre)\s+(?:a\s+|an\s+|the\s+|size\s+|una?\s+)?$/i;
const WANTED_AFTER = /^\s*(?:instead|rather|please|svp|por favor)\b/i;

export interface CatalogSource {
  title: string;
  handle: string;
  status: string;
  options: { name: string; values: string[] }[];
  productType?: string | null;
  vendor?: string | null;
}

// Articles and prepositions inside titles ("Vase en grès", "Olla de barro"): alone, they name nothing.
const TITLE_FUNCTION_WORDS = new Set(
  "the a an of and for with in on to by de del la las los el en y con para por sin du des le les et au aux pour avec sans un une".split(" "),
);

/** Build the matching index once per catalog load, from ACTIVE products only. */
export function buildCatalog(products: CatalogSource[]): Catalog {
  const active = products.filter((p) => p.status === "ACTIVE");
  const genericTokens = new Set(GENERIC_PRODUCT_WORDS);
  // Product types and the brand name say what kind of thing, or whose; not which one.
  for (const p of active) {
    for (const token of wordTokens(`${p.productType ?? ""} ${p.vendor ?? ""}`)) genericTokens.add(token).add(singular(token));
  }
  const entries: CatalogProduct[] = active.map((p) => {
    const titleTokens = wordTokens(p.title).filter((t) => !["mens", "womens", "men", "women"].includes(t) && !TITLE_FUNCTION_WORDS.has(t) && (t.length > 1 || /\d/.test(t)));
    const handleTokens = p.handle.split("-").filter((t) => t.length > 1 && !TITLE_FUNCTION_WORDS.has(t));
    return {
      handle: p.handle,
      title: p.title,
      titleTokens,
      handleTokens,
      vocabulary: [...new Set([...titleTokens, ...handleTokens])],
      sizes: optionValues(p.options, /size|talla|taille/i),
      colors: optionValues(p.options, /colou?r/i),
    };
  });
  const productsByWord = new Map<string, Set<CatalogProduct>>();
  for (const entry of entries) {
    for (const word of entry.vocabulary) productsByWord.set(word, (productsByWord.get(word) ?? new Set()).add(entry));
  }
  const colors = [...new Set(entries.flatMap((e) => e.colors))];
  const colorPatterns = new Map([...BASIC_COLOR_PATTERNS, ...colors.map((color) => [color, colorPattern(color)] as const)]);
  return { products: entries, genericTokens, productsByWord, colors, colorPatterns };
}

function colorPattern(color: string): RegExp {
  return new RegExp(`\\b${escapeRegExp(color)}\\b`, "gi");
}

function optionValues(options: { name: string; values: string[] }[], name: RegExp): string[] {
  return options.filter((o) => name.test(o.name)).flatMap((o) => o.values);
}

/** Lower-case words of `text`, accents folded and apostrophes dropped ("Men's Alpine" → men, alpine). */
export function wordTokens(text: string): string[] {
  return normalize(text).replace(/'/g, "").match(/[a-z0-9]+/g) ?? [];
}

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
  // Numbers and colours inside a product's name ("Summit 20", "Glacier boot") are part of the name.
  const outsideMention = mention ? blank(withoutEmail, mention.start, mention.end) : withoutEmail;

  const order = findOrderName(outsideMention, orderName) ?? findOrderNumber(outsideMention);
  const orderNumber = order?.match(/\d+/)?.[0] ?? null;
  if (orderNumber) entities.order_number = orderNumber;

  // The mention itself counts as something that can be bought ("two more of the Alpine jacket").
  const withPlaceholder = mention ? withoutEmail.slice(0, mention.start) + "product" + withoutEmail.slice(mention.end) : withoutEmail;
  const quantity = findQuantity(order ? withPlaceholder.replace(order, " ") : withPlaceholder, catalog);
  if (quantity) entities.quantity = quantity;

  const size = findSize(outsideMention, mention?.product ?? null);
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
  const body = plainPrefix ? `#?\\d{1,10}${escapeRegExp(suffix)}` : `${escapeRegExp(prefix)}\\s?\\d{1,10}(?:${escapeRegExp(suffix)})?`;
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

/** A count right before something that can be bought: "2 more headlamps", "two of the Summit 20". */
function findQuantity(text: string, catalog: Catalog | null): string | null {
  const explicit = text.match(QUANTITY_CHANGE) ?? text.match(PART_OF);
  if (explicit) return NUMBER_WORDS[explicit[1].toLowerCase()] ?? explicit[1];
  for (const match of text.matchAll(QUANTITY)) {
    const [, amount, following] = match;
    const word = singular(normalize(following));
    if (NON_ITEM_WORDS.has(word) || NON_ITEM_WORDS.has(normalize(following))) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 8), match.index);
    if (/[$#€£]\s*$|size\s*$|talla\s*$|taille\s*$|\d[-/]\s*$/i.test(before)) continue;
    if (/^\d+$/.test(amount) && Number(amount) > 20) continue;
    const isItem = catalog
      ? word === "product" || catalog.genericTokens.has(word) || catalog.products.some((p) => p.titleTokens.includes(word) || p.titleTokens.includes(normalize(following)))
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

function findSize(text: string, product: CatalogProduct | null): string | null {
  const candidates: Candidate[] = [];
  for (const m of text.matchAll(SIZE_PHRASE)) candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
  for (const m of text.matchAll(STANDALONE_SIZE)) {
    const index = m.index ?? 0;
    const value = m[1];
    // A lone capital letter is a size only mid-sentence and not before a name ("2101 S Lamar").
    if (value.length === 1 && (/(^|[.!?]\s*)$/.test(text.slice(0, index)) || /^\s+[A-Z][a-z]/.test(text.slice(index + 1)))) continue;
    if (!candidates.some((c) => c.index === index)) candidates.push({ value, index });
  }
  for (const m of text.matchAll(SIZE_WORDS)) candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
  if (product) {
    for (const size of product.sizes.filter((s) => /^\d/.test(s))) {
      const m = text.match(new RegExp(`\\b(?:a|an|in)\\s+(${escapeRegExp(size)})\\b`, "i"));
      if (m) candidates.push({ value: m[1], index: (m.index ?? 0) + m[0].length - m[1].length });
    }
  }
  return preferWanted(text, candidates.sort((a, b) => a.index - b.index));
}

function findColor(text: string, catalog: Catalog | null, product: CatalogProduct | null): string | null {
  const names = [...new Set([...(product?.colors ?? []), ...(catalog?.colors ?? []), ...BASIC_COLORS])].sort((a, b) => b.length - a.length);
  const candidates: Candidate[] = [];
  for (const color of names) {
    const pattern = (catalog?.colorPatterns ?? BASIC_COLOR_PATTERNS).get(color) ?? colorPattern(color);
    for (const m of text.matchAll(pattern)) {
      const index = m.index ?? 0;
      if (candidates.some((c) => index < c.index + c.value.length && c.index < index + m[0].length)) continue;
      if (NOT_A_COLOR.test(text.slice(index + m[0].length).trimStart())) continue;
      candidates.push({ value: m[0], index });
    }
  }
  return preferWanted(text, candidates.sort((a, b) => a.index - b.index));
}

/**
 * The product a message names: the longest run of words matching one product's title or handle
 * words (typos forgiven) that either contains a word naming the product line ("Alpine",
 * "Ridgeback", a model number after a name) or spells out the whole title. Categories alone
 * ("the tent", "my rain jacket") are not products.
 */
export function findProductMention(text: string, catalog: Catalog): ProductMention | null {
  const words = splitWords(text);
  // Which vocabulary words each message word matches, computed once for all products.
  const matches = words.map((w) => catalogWordsMatching(w.word, catalog));
  const candidates = new Set(matches.flatMap((m) => m.flatMap((v) => [...(catalog.productsByWord.get(v) ?? [])])));
  let best: ProductMention | null = null;
  for (const product of candidates) {
    let run: { start: number; hits: string[] } | null = null;
    const close = (endIndex: number) => {
      if (!run) return;
      const hits = run.hits;
      const distinctive = hits.filter((hit, i) => isDistinctive(hit, i, hits, catalog)).length;
      const titleHits = new Set(hits.filter((h) => product.titleTokens.includes(h))).size;
      const wholeTitle = product.titleTokens.length >= 2 && titleHits === product.titleTokens.length;
      // Three title words from its start ("Merino Hiking Socks") name a product even if each is generic.
      const titlePrefix = titleHits >= 3 && hits[0] === product.titleTokens[0];
      if (distinctive > 0 || wholeTitle || titlePrefix) {
        const score = distinctive * 3 + hits.length + (wholeTitle ? 2 : 0);
        const start = words[run.start].start;
        if (!best || score > best.score || (score === best.score && start < best.start)) {
          const end = words[endIndex].end;
          best = { product, text: text.slice(start, end), start, end, score };
        }
      }
      run = null;
    };
    words.forEach((_w, i) => {
      const hit = product.vocabulary.find((v) => matches[i].includes(v));
      if (hit) {
        run ??= { start: i, hits: [] };
        run.hits.push(hit);
      } else {
        close(i - 1);
      }
    });
    close(words.length - 1);
  }
  return best;
}

function catalogWordsMatching(word: string, catalog: Catalog): string[] {
  const found: string[] = [];
  for (const v of catalog.productsByWord.keys()) {
    if (v === word || singular(v) === singular(word) || isTypoOf(word, v, catalog)) found.push(v);
  }
  return found;
}

// Misspelled product-line names ("Ridgback", "Expedtion"); never generic words ("campsite" ≠ "campfire").
function isTypoOf(word: string, vocabularyWord: string, catalog: Catalog): boolean {
  if (word.length < 5 || catalog.genericTokens.has(vocabularyWord) || word[0] !== vocabularyWord[0]) return false;
  const allowed = word.length >= 10 ? 2 : 1;
  return editDistance(word, vocabularyWord, allowed) <= allowed;
}

function isDistinctive(hit: string, index: number, hits: string[], catalog: Catalog): boolean {
  if (/^\d+$/.test(hit)) return index > 0; // "Summit 20", "Headlamp 400" — not "2 tents"
  return !catalog.genericTokens.has(hit) && !catalog.genericTokens.has(singular(hit));
}

// Words of the original text with their offsets; apostrophes inside words are skipped.
function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = normalize(m[0]).replace(/'/g, "");
    words.push({ word, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return words;
}
