/**
 * Stage 2 of the pipeline: the entities a shopper's message names, with the labels and
 * conventions of the eval format (order numbers as digits, everything else as written).
 */
import { fuzzyEquals, normalize, type Preprocessed } from "./preprocess";
import type { Product } from "../commerce/types";

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
  titleTokens: string[];
  handleTokens: string[];
  sizes: string[];
  colors: string[];
}

export interface Catalog {
  products: CatalogProduct[];
  /** Tokens that appear in many titles ("jacket", "mens"): they can extend a match but not start one. */
  commonTokens: Set<string>;
  colors: string[];
}

export interface ProductMention {
  product: CatalogProduct;
  /** The mention as the shopper wrote it. */
  text: string;
  score: number;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// "#1042", "# 1042", "order 1042", "order number is 1042", "pedido 1042", "commande n° 1042".
const ORDER_HASH = /#\s?(\d{3,8})\b/;
const ORDER_WORD =
  /\b(?:order|ordr|oder|orden|pedido|commande|cmd|number|num|no|nº|n°|numero|confirmation)\b[\s.:#°º-]*(?:(?:number|num|no|is|es|est|was|id|#|de|n°|nº|numero)[\s.:#°º-]*){0,3}(\d{3,8})\b/i;
// A bare 4–6 digit number, not money, a size, a zip after a street, or part of a phone number.
const BARE_NUMBER = /(?<![\d$€£.,+-])\b(\d{4,6})\b(?![\d.,]*\s?(?:\$|€|%|usd|dollars|ft|mm|g\b|oz|lbs?))/i;

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  a: "1", an: "1", couple: "2", pair: "2",
  uno: "1", una: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5",
  un: "1", une: "1", deux: "2", trois: "3", quatre: "4", cinq: "5",
};
const QUANTITY =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco|deux|trois|quatre|cinq)\s*(?:x\s+)?(?:more\s+|extra\s+|additional\s+|other\s+|m[aá]s\s+|de plus\s+)?(?:of\s+(?:the|those|these)\s+)?([a-z\u00c0-\u017f'-]+)/gi;
const QUANTITY_UNIT_WORDS = new Set([
  "days", "day", "weeks", "week", "business", "hours", "hour", "minutes", "dollars", "bucks", "percent", "usd", "am", "pm",
  "times", "months", "month", "years", "year", "dias", "jours", "semaines", "semanas", "oz", "g", "mm", "lbs", "lb", "ft",
]);

const SIZE_PHRASE = /\b(?:size|sz|talla|taille|tamano|tamaño|in an?|en)\s*[:=]?\s*(x{0,3}[sml]|xl|xxl|\d{1,2}(?:\.5)?|small|medium|large|x-large|extra large|regular|long|petite|tall)\b/i;
const STANDALONE_SIZE = /(?<![\w'-])(XXS|XS|S|M|L|XL|XXL|XXXL)(?![\w'-])/;

const BASIC_COLORS = [
  "black", "white", "red", "blue", "green", "grey", "gray", "navy", "brown", "tan", "olive", "orange", "yellow", "pink",
  "purple", "beige", "charcoal", "khaki", "teal", "burgundy", "cream", "silver", "gold",
  "negro", "blanco", "rojo", "azul", "verde", "gris", "noir", "blanc", "rouge", "bleu", "vert",
];

/** Build the matching index once per catalog load, from ACTIVE products only. */
export function buildCatalog(products: Pick<Product, "title" | "handle" | "status" | "options">[]): Catalog {
  const active = products.filter((p) => p.status === "ACTIVE");
  const entries: CatalogProduct[] = active.map((p) => ({
    handle: p.handle,
    title: p.title,
    titleTokens: wordTokens(p.title),
    handleTokens: p.handle.split("-").filter(Boolean),
    sizes: optionValues(p.options, /size|talla|taille/i),
    colors: optionValues(p.options, /colou?r/i),
  }));
  const documentFrequency = new Map<string, number>();
  for (const entry of entries) {
    for (const token of new Set([...entry.titleTokens, ...entry.handleTokens])) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
  }
  const commonLimit = Math.max(3, entries.length * 0.12);
  const commonTokens = new Set(
    [...documentFrequency].filter(([token, n]) => n > commonLimit || token.length <= 2).map(([token]) => token),
  );
  for (const generic of ["mens", "men", "womens", "women", "kids", "unisex", "the", "and", "with"]) commonTokens.add(generic);
  const colors = [...new Set(entries.flatMap((e) => e.colors))];
  return { products: entries, commonTokens, colors };
}

function optionValues(options: { name: string; values: string[] }[], name: RegExp): string[] {
  return options.filter((o) => name.test(o.name)).flatMap((o) => o.values);
}

function wordTokens(text: string): string[] {
  return normalize(text).replace(/'/g, "").match(/[a-z0-9]+/g) ?? [];
}

export interface Extraction {
  entities: Entities;
  /** Handle of the catalog product the message names, if any. */
  productHandle: string | null;
}

export function extractEntities(pre: Preprocessed, catalog: Catalog | null): Extraction {
  const entities: Entities = {};
  const text = pre.original;

  const email = text.match(EMAIL);
  if (email) entities.email = email[0].replace(/[.,;:]+$/, "");
  const withoutEmail = email ? text.replace(email[0], " ") : text;

  const orderNumber = findOrderNumber(withoutEmail);
  if (orderNumber) entities.order_number = orderNumber;

  const mention = catalog ? findProductMention(text, catalog) : null;
  if (mention) entities.product = mention.text;

  const quantity = findQuantity(withoutEmail, orderNumber);
  if (quantity) entities.quantity = quantity;

  const size = findSize(text, mention?.product ?? null);
  if (size) entities.size = size;

  const color = findColor(text, catalog, mention?.product ?? null);
  if (color) entities.color = color;
  return { entities, productHandle: mention?.product.handle ?? null };
}

export function findOrderNumber(text: string): string | null {
  const hash = text.match(ORDER_HASH);
  if (hash) return hash[1];
  const worded = text.match(ORDER_WORD);
  if (worded) return worded[1];
  const bare = text.match(BARE_NUMBER);
  if (bare && !looksLikeAddressNumber(text, bare.index ?? 0)) return bare[1];
  return null;
}

// "3768 Utah St" is a street number, "97209" after a city is a zip code.
function looksLikeAddressNumber(text: string, index: number): boolean {
  const after = text.slice(index).match(/^\d+\s+([A-Za-z]+)/);
  const before = text.slice(Math.max(0, index - 30), index);
  if (after && /^[A-Z]/.test(after[1]) && !/^(I|It|My|Is|And|Please|Thanks|Can|The)$/.test(after[1])) return true;
  return /\b[A-Z]{2}\s*$|,\s*$/.test(before);
}

function findQuantity(text: string, orderNumber: string | null): string | null {
  for (const match of text.matchAll(QUANTITY)) {
    const [, amount, following] = match;
    const word = following.toLowerCase();
    if (orderNumber && amount === orderNumber) continue;
    if (QUANTITY_UNIT_WORDS.has(word)) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 6), match.index);
    if (/[$#€£]\s*$|size\s*$|talla\s*$|taille\s*$/i.test(before)) continue;
    if (/^\d+$/.test(amount) && Number(amount) > 20) continue;
    return NUMBER_WORDS[amount.toLowerCase()] ?? amount;
  }
  return null;
}

function findSize(text: string, product: CatalogProduct | null): string | null {
  const phrase = text.match(SIZE_PHRASE);
  if (phrase) return phrase[1];
  const standalone = text.match(STANDALONE_SIZE);
  // A lone capital "S"/"M"/"L" is a size only when it doesn't start a sentence ("M here").
  if (standalone && !(standalone[1].length === 1 && /(^|[.!?]\s*)$/.test(text.slice(0, standalone.index)))) {
    return standalone[1];
  }
  const lower = normalize(text);
  for (const word of ["small", "medium", "large", "x-large", "extra large"]) {
    if (new RegExp(`\\b(?:a|an|in|the|size)\\s+${word}\\b`).test(lower)) return word;
  }
  if (product) {
    for (const size of product.sizes) {
      if (!/^\d/.test(size)) continue;
      if (new RegExp(`\\b(?:size|sz|a|an|in)\\s+${escapeRegExp(size)}\\b`, "i").test(text)) return size;
    }
  }
  return null;
}

function findColor(text: string, catalog: Catalog | null, product: CatalogProduct | null): string | null {
  const lower = normalize(text);
  // Prefer the value the shopper wants: in "from Moss to Black" that is the one after "to"/"in".
  const candidates = [...(product?.colors ?? []), ...(catalog?.colors ?? []), ...BASIC_COLORS];
  const found: { value: string; index: number }[] = [];
  for (const color of candidates) {
    const pattern = new RegExp(`\\b${escapeRegExp(normalize(color))}\\b`);
    const match = lower.match(pattern);
    if (match && match.index !== undefined && !found.some((f) => overlaps(f, match.index!, color))) {
      found.push({ value: text.substr(match.index, color.length), index: match.index });
    }
  }
  if (found.length === 0) return null;
  const preferred = found.find((f) => /\b(?:to|into|in|for|a|an|en|por|pour)\s+(?:the\s+)?$/.test(lower.slice(0, f.index)));
  return (preferred ?? found.sort((a, b) => b.value.length - a.value.length)[0]).value;
}

function overlaps(found: { value: string; index: number }, index: number, value: string): boolean {
  return index < found.index + found.value.length && found.index < index + value.length;
}

/**
 * The product a message names: the longest run of words that match one product's title or
 * handle words (typos forgiven), containing at least one distinctive word.
 */
export function findProductMention(text: string, catalog: Catalog): ProductMention | null {
  const words = [...normalize(text).replace(/'/g, "").matchAll(/[a-z0-9]+/g)].map((m) => ({
    word: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const originalLower = normalize(text).replace(/'/g, "");
  let best: ProductMention | null = null;
  for (const product of catalog.products) {
    const vocabulary = [...new Set([...product.titleTokens, ...product.handleTokens])];
    let runStart = -1;
    let distinctive = 0;
    let matched = 0;
    const closeRun = (endIndex: number) => {
      if (runStart >= 0 && distinctive > 0) {
        const score = distinctive * 2 + matched;
        if (!best || score > best.score) {
          const span = mapSpanToOriginal(text, originalLower, words[runStart].start, words[endIndex].end);
          best = { product, text: trimGenericEdges(span), score };
        }
      }
      runStart = -1;
      distinctive = 0;
      matched = 0;
    };
    words.forEach((w, i) => {
      const hit = vocabulary.find((v) => v === w.word || (w.word.length >= 4 && fuzzyEquals(w.word, v)));
      if (hit) {
        if (runStart < 0) runStart = i;
        matched += 1;
        if (!catalog.commonTokens.has(hit)) distinctive += 1;
      } else {
        closeRun(i - 1);
      }
    });
    closeRun(words.length - 1);
  }
  return best;
}

// The normalised string drops apostrophes, so offsets drift; map by re-finding the words in order.
function mapSpanToOriginal(original: string, normalizedText: string, start: number, end: number): string {
  const spanWords = normalizedText.slice(start, end).split(" ");
  const folded = normalize(original);
  let position = 0;
  let spanStart = -1;
  let spanEnd = -1;
  for (const [i, word] of spanWords.entries()) {
    const pattern = new RegExp(word.split("").map(escapeRegExp).join("'?"), "g");
    pattern.lastIndex = position;
    const match = pattern.exec(folded);
    if (!match) return normalizedText.slice(start, end);
    if (i === 0) spanStart = match.index;
    spanEnd = match.index + match[0].length;
    position = spanEnd;
  }
  return original.slice(spanStart, spanEnd);
}

function trimGenericEdges(span: string): string {
  return span.replace(/^(?:the|a|an|my|el|la|le|les|los|las)\s+/i, "").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

