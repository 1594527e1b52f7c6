/**
 * Which product a message is about: the one it names, the one under discussion, or a name we
 * don't sell (DRAFT, ARCHIVED or unknown), and the variant values it asks for.
 */
import type { Product } from "../../../commerce/types";
import { stem } from "../../knowledge";
import { escapeRegExp, normalize, tokenize } from "../../preprocess";
import type { Lookup, Turn } from "../../types";
import { genderOf, wantedGender, type Gender } from "../../catalog/audience";
import {
  catalogTokens,
  catalogWordsFor,
  isGenericWord,
  isKindWord,
  pluralForms,
  relatedCatalogWords,
  type ShopVocabulary,
} from "../../catalog/vocabulary";
import { NOT_NAME_WORDS } from "../../catalog/lexicon";
import { QUESTION_FILLER } from "./asked";
import { searchCatalog as searchShop, searchWords as shopSearchWords, type SearchRequest } from "../../catalog/search";

export function activeProduct(turn: Turn, handle: string): Product | null {
  const product = turn.ctx.productsByHandle.get(handle);
  return product && product.status === "ACTIVE" ? product : null;
}

export function baseTitle(product: Product): string {
  return normalize(product.title.replace(/^(?:wo)?men'?s\s+/i, ""));
}

/** The Men's/Women's version of `product` ("the men's one"), if the shop sells one. */
export function siblingFor(turn: Turn, product: Product, gender: Gender): Product | null {
  if (genderOf(product) === gender) return product;
  const base = baseTitle(product);
  for (const candidate of turn.ctx.productsByHandle.values()) {
    if (
      candidate.status === "ACTIVE" &&
      candidate.handle !== product.handle &&
      baseTitle(candidate) === base &&
      genderOf(candidate) === gender
    ) {
      return candidate;
    }
  }
  return null;
}

export interface Resolved {
  product: Product | null;
  /** Variant values the message asks for: `size` and `color` as the shopper wrote them, or by option name. */
  wanted: Record<string, string | undefined>;
  /** A name the shopper used that matches no product we sell (DRAFT, ARCHIVED or unknown). */
  unknownName: string | null;
  lookups: Lookup[];
}

/** Which product the message is about, and which variant values it asks for. */
export async function resolveProduct(turn: Turn): Promise<Resolved> {
  const lookups: Lookup[] = [];
  const wanted: Resolved["wanted"] = { size: turn.entities.size, color: turn.entities.color };
  const discussed = turn.state.productHandle ? activeProduct(turn, turn.state.productHandle) : null;
  let product = turn.productHandle ? activeProduct(turn, turn.productHandle) : null;

  // "What about Fjord Blue in M?": a colour of the product under discussion, not the Fjord boot.
  // "and the mug in bleu nuit?" after the bowl: a colour the mug comes in too is the mug's.
  if (product && discussed && product.handle !== discussed.handle) {
    const value = optionValueIn(turn.pre.original, discussed, turn.entities.product ?? "");
    if (value && !(hasOptionValue(product, value.value) && namesTitleWord(turn.pre.original, product, value.value))) {
      product = null;
      if (value.option === "color") wanted.color = value.value;
      else wanted.size = value.value;
    }
  }

  // "the Kestrel Softshell Jacket" is not the Kestrel 30 Daypack: the mention goes on to name another kind of thing.
  if (product && turn.entities.product) {
    const other = otherKindAfterMention(turn.pre.original, turn.entities.product, product, turn.ctx.catalog.vocabulary);
    if (other) {
      lookups.push({ kind: "product", ref: slugify(other), outcome: "not available" });
      return { product: null, wanted, unknownName: other, lookups };
    }
  }

  // "la nappe brodée Coquelicot", "the plaid Alpes": a name beside the kind of thing that the matched product doesn't bear.
  const foreign = foreignNameBesideKind(turn, product);
  if (foreign) {
    lookups.push({ kind: "product", ref: slugify(foreign), outcome: "not available" });
    return { product: null, wanted, unknownName: foreign, lookups };
  }

  let unknownName: string | null = null;
  if (!product) {
    const name = unknownProductName(turn, discussed);
    if (name) {
      // A product published since the catalog was cached is still found by its handle.
      const live = await turn.ctx.commerce.productByHandle(slugify(name)).catch(() => null);
      lookups.push({ kind: "product", ref: slugify(name), outcome: live ? "found" : "not available" });
      if (live && live.status === "ACTIVE") product = live;
      else unknownName = name;
    }
  }
  if (!product && !unknownName) product = discussed;

  const gender = wantedGender(turn.pre.original);
  if (product && gender) product = siblingFor(turn, product, gender) ?? product;
  return { product, wanted, unknownName, lookups };
}

/** The message says a word of the product's title, beside the option value ("the MUG in bleu nuit"). */
function namesTitleWord(text: string, product: Product, value: string): boolean {
  const said = new Set(tokenize(normalize(text)));
  const valueWords = new Set(tokenize(normalize(value)));
  return tokenize(normalize(product.title)).some((w) => w.length > 2 && !valueWords.has(w) && said.has(w));
}

function hasOptionValue(product: Product, value: string): boolean {
  const wanted = normalize(value);
  return product.options.some((option) => option.values.some((v) => normalize(v) === wanted));
}

/** An option value of `product` written in the message that contains the (mis)matched mention. */
function optionValueIn(
  text: string,
  product: Product,
  mention: string,
): { option: "size" | "color"; value: string } | null {
  const message = normalize(text);
  const mentioned = normalize(mention);
  for (const option of product.options) {
    for (const value of option.values) {
      const v = normalize(value);
      if (
        v.length > 2 &&
        new RegExp(`\\b${escapeRegExp(v)}\\b`).test(message) &&
        (!mentioned || v.includes(mentioned))
      ) {
        return { option: /colou?r/i.test(option.name) ? "color" : "size", value };
      }
    }
  }
  return null;
}

/** The mention plus the kind-of-product words after it, when the matched product isn't that kind of thing. */
function otherKindAfterMention(
  text: string,
  mention: string,
  product: Product,
  vocabulary: ShopVocabulary,
): string | null {
  // Nouns naming a kind of thing this shop sells (not adjectives like "waterproof" or "winter").
  const isKind = (word: string) => isKindWord(vocabulary, word);
  const at = text.toLowerCase().indexOf(mention.toLowerCase());
  if (at < 0) return null;
  const after = text.slice(at + mention.length).match(/^(?:\s+[A-Za-z][\w'-]*){1,3}/)?.[0] ?? "";
  const words = after.trim().split(/\s+/).filter(Boolean);
  const kinds: string[] = [];
  for (const word of words) {
    const w = normalize(word).replace(/'s$/, "");
    if (!isKind(w)) {
      if (kinds.length === 0 && !/^[A-Z]/.test(word)) return null;
      if (kinds.length > 0) break;
      kinds.push(word);
      continue;
    }
    kinds.push(word);
  }
  const own = productWords(product);
  const foreign = kinds.filter((k) => {
    const w = normalize(k);
    return isKind(w) && !own.has(w) && !own.has(stem(w)) && !pluralForms(w).some((f) => own.has(f));
  });
  return foreign.length > 0 ? `${mention} ${kinds.join(" ")}`.trim().slice(0, 40) : null;
}

// Capitalised names that aren't products: places, brands of payment, days, the shop's own words.
const notProductName = (word: string) => NOT_NAME_WORDS.has(normalize(word).replace(/'/g, ""));

/**
 * A product name the shopper wrote (two or more capitalised words, or one with a model number)
 * that is no active product: "When is the Lark Blanket coming out?". Option values and colours of
 * the products we sell ("Fjord Blue") don't count.
 */
export function unknownProductName(turn: Turn, discussed: Product | null): string | null {
  const text = turn.pre.original;
  const knownValues = new Set(
    [...turn.ctx.catalog.colors, ...(discussed?.options.flatMap((o) => o.values) ?? [])].map((v) => normalize(v)),
  );
  const pattern =
    /(?:^|[^.!?¿¡]\s)((?:\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?|\p{Lu}\p{Ll}*\d+°?F?|\d+°?F?)(?:\s+(?:\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?|\d+°?F?|\p{Lu}{1,3}\d*)){1,4})/gu;
  for (const match of text.matchAll(pattern)) {
    // Question words and other capitalised non-names ("Is", "When", "Monday") aren't part of a name.
    const name = match[1]
      .split(/\s+/)
      .filter((w) => !notProductName(w))
      .join(" ")
      .trim();
    if (name.split(" ").length < 2 || !/\p{L}{3}/u.test(name)) continue;
    if (knownValues.has(normalize(name))) continue;
    return name.slice(0, 40);
  }
  return null;
}

/**
 * A proper name the shopper puts beside a kind of thing the shop sells ("the Mimosa candle", "la
 * nappe brodée Coquelicot", "le plaid en cachemire Alpes") that isn't the product matched: not a
 * word of its text (or, with no product matched, of any product's), nor a colour or option value.
 * Returns the words from the kind to the name, as written.
 */
export function foreignNameBesideKind(turn: Turn, product: Product | null): string | null {
  const text = turn.pre.original;
  const words = [...text.matchAll(/[\p{L}\d][\p{L}\d'’-]*/gu)].map((m) => ({ word: m[0], at: m.index! }));
  const vocabulary = turn.ctx.catalog.vocabulary;
  // Read only when a word could be a name (most messages have none): the same for every message.
  let own: Set<string> | null | undefined;
  let knownValues: Set<string> | undefined;
  const isKnownValue = (w: string) =>
    (knownValues ??= new Set([
      ...valueWords(turn.ctx.catalog.colors),
      ...(product?.options.flatMap((o) => valueWords(o.values)) ?? []),
    ])).has(w);
  const isKind = (w: string) =>
    isKindWord(vocabulary, w) || relatedCatalogWords(vocabulary, w).some((r) => isKindWord(vocabulary, r));
  for (let i = 1; i < words.length; i++) {
    const { word, at } = words[i];
    const w = normalize(word);
    const sentenceStart = /[.!?¿¡]\s*$/.test(text.slice(0, at));
    if (!/^\p{Lu}\p{Ll}{2,}/u.test(word) || sentenceStart || notProductName(word) || isKnownValue(w)) continue;
    const parts = tokenize(w);
    const ownWords = own === undefined ? (own = product ? productText(product) : null) : own;
    const foreignToShop = ownWords
      ? parts.every((part) => !ownWords.has(part) && !ownWords.has(stem(part)))
      : parts.every((part) => catalogWordsFor(vocabulary, part).length === 0 && !isGenericWord(vocabulary, part));
    if (!foreignToShop) continue;
    // The kind within three words, with nothing between that asks rather than names ("jacket good for Seattle").
    for (let j = Math.max(0, i - 3); j <= Math.min(words.length - 1, i + 2); j++) {
      if (j === i || !isKind(normalize(words[j].word))) continue;
      const [from, to] = j < i ? [j, i] : [i, j];
      const between = words.slice(from + 1, to).map((x) => normalize(x.word));
      if (between.some((b) => QUESTION_FILLER.has(b))) continue;
      return words
        .slice(from, to + 1)
        .map((x) => x.word)
        .join(" ")
        .slice(0, 40);
    }
  }
  return null;
}

/** A product's words and their stems, read once per product object. */
function productText(product: Product): Set<string> {
  let words = productWordSets.get(product);
  if (!words) productWordSets.set(product, (words = readProductText(product)));
  return words;
}
const productWordSets = new WeakMap<Product, Set<string>>();

/** The normalised words of a list of values (colours, option values), once per list. */
function valueWords(values: string[]): string[] {
  let words = valueWordLists.get(values);
  if (!words) valueWordLists.set(values, (words = values.flatMap((v) => tokenize(normalize(v)))));
  return words;
}
const valueWordLists = new WeakMap<string[], string[]>();

function readProductText(product: Product): Set<string> {
  const text = [
    product.title,
    product.productType,
    product.description,
    ...product.tags,
    ...product.options.flatMap((o) => o.values),
  ].join(" ");
  return new Set(tokenize(normalize(text)).flatMap((w) => [w, stem(w)]));
}

/** A name with a word the catalog doesn't use at all ("Marisol"): a product line we don't sell. */
export function namesUnknownLine(turn: Turn, name: string): boolean {
  const vocabulary = turn.ctx.catalog.vocabulary;
  return catalogTokens(name).some(
    (w) => w.length > 2 && catalogWordsFor(vocabulary, w).length === 0 && !isGenericWord(vocabulary, w),
  );
}

export function slugify(name: string): string {
  return normalize(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function productWords(product: Product): Set<string> {
  return new Set(
    [product.title, product.productType, ...product.tags]
      .flatMap((x) => tokenize(normalize(x)))
      .flatMap((w) => [w, stem(w)]),
  );
}

/**
 * "The light rain jacket that packs into its pocket, does it come in Sage?": of the products a
 * description matches, the only one with an option value the message writes as a word is the one meant.
 */
export function onlyOneWithValueNamed(turn: Turn, products: Product[]): Product | null {
  const message = normalize(turn.pre.original);
  const written = (value: string) => {
    const v = normalize(value);
    // Asked as an option: "in Sage", "en Sauge", "the Sage one", "de color salvia", not "on wet stone".
    const named = escapeRegExp(v);
    return (
      v.length > 2 &&
      !/^\d/.test(v) &&
      new RegExp(
        `\\b(?:in|en|the|la|el|le|color|colour|couleur|coloris|taille|talla|size)\\s+(?:\\w+\\s+)?${named}\\b|\\b${named}\\s+(?:one|version|colou?r)\\b`,
      ).test(message)
    );
  };
  const bearing = products.filter((p) => p.options.some((option) => option.values.some(written)));
  return bearing.length === 1 ? bearing[0] : null;
}

export function searchCatalog(turn: Turn, request: SearchRequest) {
  return searchShop(turn.ctx.catalog, turn.ctx.productsByHandle, request, turn.language);
}

export function searchWords(text: string, turn: Turn): string[] {
  return shopSearchWords(turn.ctx.catalog, text);
}
