/**
 * Which product a message refers to when it doesn't name one outright: "the one before that",
 * "is there a footprint for it?", "and the 2 person one?", "et le mug assorti ?", "how much are the
 * bottoms?". The dialogue remembers the products it mentioned (most recent last) and the cards of
 * its last list; a reference is read among those and the products that go with the last one.
 */
import { singular, wordTokens, type Catalog, type CatalogProduct } from "./entities";
import { FUNCTION_WORDS } from "./catalog/lexicon";
import { askedFacts, type Aspect } from "./catalog/aspects";
import { catalogTerms } from "./catalog/search";
import { escapeRegExp, normalize, type Language } from "./preprocess";
import { ASKS_OPTIONS } from "./answers/product/asked";
import type { Entities } from "./entities";
import type { Answer, DialogueState, Turn } from "./types";
import type { Measure } from "./catalog/measure";
import { ORDER_INTENTS } from "./intent/labels";

/** How many products the dialogue remembers. */
const REMEMBERED = 6;

// "the one before that", "the first one", "el anterior", "le précédent": the mention before the last.
const BEFORE_THAT =
  /\b(?:(?:the )?one before (?:that|this|it)|(?:the )?(?:previous|first|earlier|other) one|(?:el|la) (?:anterior|primer[oa]?|otr[oa])|(?:le|la) (?:pr[eé]c[eé]dente?|premi[eè]re?|premier|autre))\b/iu;
// A reference back to what was being discussed: "for it", "that one", "the X one", "assorti", "matching".
const POINTS_BACK =
  /\b(?:it|its|that|this|those|these|one|ones|them|for it|matching|assorti[es]*|assortie?s?|correspondante?s?|ella|ese|esa|este|esta|lo|la|le|les|celle|celui|combinad[oa]s?|juego)\b|(?<![\p{L}\p{N}_])él(?![\p{L}\p{N}_])/iu;
// "does it come with a footprint?": the question is still about the last product, which is its subject.
const ABOUT_THE_LAST =
  /\b(?:does|do|is|are|can|could|will|would|did|has|have)\s+(?:it|they|this|that|this one|that one)\b|\b(?:viene|vienen|trae|traen|incluye|incluyen)\b|\b(?:est-(?:il|elle)|a-t-(?:il|elle)|vient-(?:il|elle)|est-ce qu'(?:il|elle))\b/iu;
// The cheapest or dearest of the products in question, in en/es/fr (accents folded or not).
const CHEAPEST =
  /\b(?:cheap(?:er|est)|least expensive|lowest price|m[aá]s (?:barat[oa]|econ[oó]mic[oa])|menos car[oa]|moins ch[eè]re?s?|le moins cher|la moins ch[eè]re|meilleur march[eé])(?![a-z\u00C0-\u024F])/iu;
const PRICIEST = /\b(?:most expensive|priciest|dearest|m[aá]s car[oa]|plus ch[eè]re?s?)\b/iu;
// The biggest or smallest of the products in question: "bigger", "la plus grosse", "el más chico".
// Not "mayor"/"menor" alone: "al por mayor" is wholesale.
const BIGGEST =
  /\b(?:bigg(?:er|est)|larg(?:er|est)|plus (?:grande?s?|grosse?s?)|m[aá]s grandes?)(?![a-z\u00C0-\u024F])/iu;
const SMALLEST =
  /\b(?:small(?:er|est)|tin(?:ier|iest)|plus petite?s?|m[aá]s (?:peque[nñ][oa]s?|chic[oa]s?))(?![a-z\u00C0-\u024F])/iu;
// A pick among the products: "the bigger one", "la plus grande", "el más grande", "which is smaller?".
const PICK_BEFORE = /\b(?:the|which(?: one)?(?: is)?|el|la|lo|los|las|le|les|cual(?: es)?|quel(?:le)?(?: est)?)\s+$/iu;
const PICK_AFTER =
  /^\s*(?:one|ones|of (?:them|the|these|those)\b.*|de (?:ellos|ellas|los|las|ces)\b.*|d'entre (?:eux|elles)|[?.!]|$)/iu;
// Words of another subject ("larger orders", "a larger size", "plus grande taille"): not a pick among the products.
const OTHER_SUBJECT =
  /\b(?:orders?|ship\w*|deliver\w*|sizes?|quantit\w*|amounts?|wholesale|bulk|discounts?|pedidos?|envios?|tallas?|cantidad\w*|mayoreo|commandes?|livraisons?|tailles?|quantites?)\b/iu;

/** "max" for "the bigger one", "min" for "la plus petite ?", null when no product is picked by its size. */
export function sizeChoice(text: string): "max" | "min" | null {
  if (OTHER_SUBJECT.test(text) || wordTokens(text).length > 8) return null;
  for (const [pattern, choice] of [
    [BIGGEST, "max"],
    [SMALLEST, "min"],
  ] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    // The comparative alone ("bigger?", "and the larger?"), or "the bigger one", "la plus grande".
    const alone = wordTokens(before).every((w) => /^(?:and|so|ok|y|et|or|ou|o)$/iu.test(w));
    if ((alone || PICK_BEFORE.test(before)) && PICK_AFTER.test(after)) return choice;
  }
  return null;
}

/**
 * "the cheaper one", "la plus grosse ?", "¿el más chico?" right after products were shown or compared:
 * one of them, picked by price or size, whatever else the short message could be read as.
 */
export function picksByExtreme(text: string, state: DialogueState): boolean {
  if (state.lastIntent !== "product_search" && state.lastIntent !== "product_info") return false;
  if ((state.shownProducts ?? []).length < 2 && (state.mentionedProducts ?? []).length < 2) return false;
  return wordTokens(text).length <= 8 && ([CHEAPEST, PRICIEST].some((p) => p.test(text)) || !!sizeChoice(text));
}

// "they", "ils", "ellos": a product sold in pairs or sets is spoken of in the plural.
const THEY = /\b(?:they|them|ils|elles|ellos|ellas)\b/iu;

/**
 * "actually, how heavy are they?", "et elle pèse combien ?" while a product is in focus (even after a
 * goodbye): a fact of that product, asked with a word pointing back to it.
 */
export function asksOfProductInFocus(text: string, state: DialogueState, language: Language): boolean {
  if (!state.productHandle || wordTokens(text).length > 10) return false;
  // After an order, a return or the return rules, "when can I send it?" is about that, not the product.
  if (state.lastIntent && (ORDER_INTENTS.has(state.lastIntent) || state.lastIntent === "return_policy")) return false;
  if (!POINTS_BACK.test(text) && !THEY.test(text)) return false;
  const asked = askedFacts(text, language);
  return asked.aspects.size > 0 || asked.price || asked.stock;
}

/** The message without "the bigger one", "la plus grosse": a size choice picks a product, it asks nothing of it. */
export function withoutSizeChoice(text: string): string {
  return text.replace(new RegExp(BIGGEST.source, "giu"), " ").replace(new RegExp(SMALLEST.source, "giu"), " ");
}

/** How many of the products last mentioned a "which is cheaper?" compares. */
const COMPARED = 3;
// "which one is cheaper?", "¿cuál es más ligero?", "lequel est le moins cher ?": a choice among the list, not one of it.
const CHOOSES_AMONG = /\b(?:which (?:one|of|is|are)|cu[aá]l(?:es)? (?:es|son|de)|lequel|laquelle|lesquel(?:le)?s)\b/iu;
const FILLER = new Set([
  "one",
  "ones",
  "and",
  "what",
  "about",
  "how",
  "much",
  "is",
  "are",
  "there",
  "the",
  "for",
  "it",
  "that",
  "this",
  "any",
  "do",
  "you",
  "have",
  "a",
  "an",
  "y",
  "et",
  "el",
  "la",
  "le",
  "les",
  "de",
  "del",
  "un",
  "une",
  "una",
]);

// "the second one", "el primero", "la deuxième" (accents folded): a place in the list just shown.
// Not "the last order", "mi primer pedido", "ma dernière commande": those are the shopper's orders.
const POSITIONS: [string, number][] = [
  ["first|1st|primer|primero|primera|premier|premiere", 0],
  ["second|2nd|segundo|segunda|deuxieme|seconde", 1],
  ["third|3rd|tercer|tercero|tercera|troisieme", 2],
  ["fourth|4th|cuarto|cuarta|quatrieme", 3],
  ["fifth|5th|quinto|quinta|cinquieme", 4],
  ["last|ultimo|ultima|dernier|derniere", -1],
];
const ORDER_WORDS = String.raw`(?:orders?|purchases?|pedidos?|compras?|commandes?|achats?|time|vez|fois)`;
const POSITION_PATTERNS = POSITIONS.map(([words, index]) => ({
  index,
  pattern: new RegExp(
    String.raw`\b(?:the|el|la|le|lo) (?:${words})\b(?! (?:\w+ )?${ORDER_WORDS}\b)|\b(?:${words}) (?:one|uno|una)\b`,
  ),
}));

/** The listed product a message points to by its place in the list ("how much is the second one?"). */
export function productByPosition(text: string, state: DialogueState): string | null {
  const shown = state.shownProducts ?? [];
  if (shown.length < 2 || wordTokens(text).length > 12) return null;
  if (state.lastIntent !== "product_search" && state.lastIntent !== "product_info") return null;
  const plain = normalize(text);
  for (const { index, pattern } of POSITION_PATTERNS)
    if (pattern.test(plain)) return shown[index < 0 ? shown.length + index : index] ?? null;
  return null;
}

/** The message without the words that point to a place in the list ("the second one"), which ask nothing of it. */
export function withoutPosition(text: string): string {
  return POSITION_PATTERNS.reduce(
    (rest, { pattern }) => rest.replace(new RegExp(pattern.source, "g"), " "),
    normalize(text),
  );
}

/** The products the dialogue has mentioned, oldest first, with this turn's added. */
export function rememberProducts(
  previous: string[] | undefined,
  handles: (string | null | undefined)[],
): string[] | undefined {
  const list = [...(previous ?? [])];
  for (const handle of handles) {
    if (!handle) continue;
    const at = list.indexOf(handle);
    if (at >= 0) list.splice(at, 1);
    list.push(handle);
  }
  return list.length ? list.slice(-REMEMBERED) : undefined;
}

/**
 * The product a message refers back to, or null when it names none or the reading is not clear.
 * Only short follow-ups are read this way: a full question names what it is about.
 */
export function referredProduct(text: string, catalog: Catalog, state: DialogueState): string | null {
  const mentioned = state.mentionedProducts ?? (state.productHandle ? [state.productHandle] : []);
  const shown = state.shownProducts ?? [];
  if (mentioned.length === 0 && shown.length === 0) return null;
  const words = wordTokens(text);
  if (words.length === 0 || words.length > 10) return null;
  if (BEFORE_THAT.test(text) && mentioned.length >= 2) return mentioned[mentioned.length - 2];
  // "does it come with…?" keeps the last product; with none yet, "¿qué trae el X?" may name one of the list.
  const aboutTheLast = ABOUT_THE_LAST.test(text);
  if (aboutTheLast && mentioned.length > 0) return null;

  const last = mentioned.length
    ? (catalog.products.find((p) => p.handle === mentioned[mentioned.length - 1]) ?? null)
    : null;
  const stop = fillerAndFunctionWords();
  const asked = [...new Set(words.filter((w) => !stop.has(w)).map(singular))];
  const scored = new Map<CatalogProduct, number>();
  for (const word of asked) {
    for (const product of catalog.productsByWord.get(word) ?? catalog.productsByWord.get(`${word}s`) ?? [])
      scored.set(product, (scored.get(product) ?? 0) + 2);
  }
  if (scored.size === 0) return null;
  // What goes with the last product (its line's words: "Kestrel", "Brisa", "Nube") and what was just shown.
  const lineWords = new Set(
    last ? last.titleTokens.filter((t) => t !== last.head && !catalog.genericTokens.has(t)) : [],
  );
  for (const [product, score] of scored) {
    const sameLine = product.titleTokens.filter((t) => lineWords.has(t)).length;
    const sameKind = last && product.head && product.head === last.head ? 1 : 0;
    const wasShown = shown.includes(product.handle) ? 2 : mentioned.includes(product.handle) ? 1 : 0;
    scored.set(product, score + sameLine + sameKind + wasShown);
  }
  const ranked = [...scored].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (second && second[1] === best[1]) return null;
  // Naming only words of the last product ("how much is the Kestrel?") is no new reference.
  if (last && best[0].handle === last.handle) return null;
  // A kind word alone ("the bottoms") must pick among what was shown or goes with the last product.
  if (aboutTheLast) return shown.includes(best[0].handle) ? best[0].handle : null;
  const related =
    shown.includes(best[0].handle) || mentioned.includes(best[0].handle) || best[1] > 2 || POINTS_BACK.test(text);
  return related ? best[0].handle : null;
}

/**
 * "how much?", "what colours?", "in plum, size S?" right after a list of products, with none of
 * them under discussion: the first listed product that has the values asked for, or else the
 * list's best match (its first card). A comparison among them ("which is cheaper?") picks none.
 */
export function productFromList(
  text: string,
  catalog: Catalog,
  state: DialogueState,
  entities: Entities,
  language: Language,
  priceOf?: (handle: string) => number | null,
  sizeOf?: (handle: string) => Measure | null,
  statesAspects?: (handle: string, aspects: Aspect[]) => boolean,
): string | null {
  const shown = state.shownProducts ?? [];
  // "the bigger one", "la plus grosse": among the list, or the products just compared, by the measure they all state.
  const size = sizeChoice(text);
  if (size && sizeOf) {
    const among = state.productHandle ? (state.mentionedProducts ?? []).slice(-COMPARED) : shown;
    const pool = shown.length >= 2 ? shown : among;
    const measured = pool.map((handle) => ({ handle, measure: sizeOf(handle) }));
    const kinds = new Set(measured.map((m) => m.measure?.kind));
    if (measured.length >= 2 && kinds.size === 1 && !kinds.has(undefined)) {
      measured.sort((a, b) =>
        size === "min" ? a.measure!.amount - b.measure!.amount : b.measure!.amount - a.measure!.amount,
      );
      if (measured[0].measure!.amount !== measured[1].measure!.amount) return measured[0].handle;
    }
  }
  // "which one is the cheapest?": among the list, or the products just compared.
  const extreme = CHEAPEST.test(text) ? "min" : PRICIEST.test(text) ? "max" : null;
  if (extreme && priceOf) {
    const among = state.productHandle ? (state.mentionedProducts ?? []).slice(-COMPARED) : shown;
    const priced = among.map((handle) => ({ handle, price: priceOf(handle) })).filter((p) => p.price != null);
    if (priced.length >= 2) {
      priced.sort((a, b) => (extreme === "min" ? a.price! - b.price! : b.price! - a.price!));
      return priced[0].handle;
    }
  }
  if (shown.length === 0 || state.productHandle) return null;
  if (state.lastIntent !== "product_search" && state.lastIntent !== "product_info") return null;
  if (wordTokens(text).length > 10) return null;
  // "¿Tienen tazas?", "coffee ground for a French press?": naming a kind of thing is a new search.
  if (catalogTerms(catalog, text).kinds.length > 0) return null;
  const listed = shown
    .map((handle) => catalog.products.find((p) => p.handle === handle))
    .filter((p): p is CatalogProduct => !!p);
  // "the 4 person one", "the Kestrel": the listed product its words tell apart from the others.
  const stop = fillerAndFunctionWords();
  const named = new Map<CatalogProduct, number>();
  const words = new Set(
    wordTokens(text)
      .filter((w) => !stop.has(w))
      .map(singular),
  );
  for (const word of words) {
    const having = listed.filter((product) => product.titleTokens.includes(word));
    if (having.length === listed.length) continue;
    for (const product of having) named.set(product, (named.get(product) ?? 0) + 1);
  }
  const [first, second] = [...named].sort((a, b) => b[1] - a[1]);
  if (first && (!second || second[1] < first[1])) return first[0].handle;
  const wanted = [entities.size, entities.color].filter((v): v is string => !!v).map(normalize);
  if (wanted.length > 0) {
    const has = (product: CatalogProduct, value: string) =>
      [...product.sizes, ...product.colors].some((v) => normalize(v) === value);
    const having = listed.find((product) => wanted.every((value) => has(product, value)));
    if (having) return having.handle;
  }
  // "that one in long?": an option value (of any option) that only some of the listed products come in.
  const plain = normalize(text);
  const comesIn = (product: CatalogProduct) =>
    [...product.sizes, ...product.colors].some((value) => {
      const v = normalize(value);
      return v.length > 2 && new RegExp(`\\b${escapeRegExp(v)}\\b`).test(plain);
    });
  const valued = listed.filter(comesIn);
  if (valued.length > 0 && valued.length < listed.length) return valued[0].handle;
  const asked = askedFacts(text, language);
  if (asked.compare || CHOOSES_AMONG.test(text)) return null;
  const asksAboutOne =
    asked.price || asked.stock || asked.aspects.size > 0 || ASKS_OPTIONS.test(text) || wanted.length > 0;
  if (!asksAboutOne) return null;
  // "how cold is it rated to?" after boots: the one listed product whose own text states what is asked.
  if (asked.aspects.size > 0 && statesAspects) {
    const stating = listed.filter((product) => statesAspects(product.handle, [...asked.aspects]));
    if (stating.length === 1) return stating[0].handle;
  }
  return listed[0]?.handle ?? null;
}

/** The products this turn named or showed alone join the dialogue's memory; a list of cards becomes the one to pick from. */
export function productMemory(
  turn: Turn,
  answer: Answer,
): Pick<DialogueState, "mentionedProducts" | "shownProducts" | "productHandle"> {
  const cards = (answer.products ?? []).map((card) => handleOfCard(turn, card.url)).filter((h): h is string => !!h);
  // A list shown for a search is what the next "how much is it?" is about, not the product discussed before it.
  const listReplacesDiscussed = cards.length > 1 && !turn.productHandle;
  return {
    ...(listReplacesDiscussed ? { productHandle: undefined } : {}),
    mentionedProducts: rememberProducts(turn.state.mentionedProducts, [
      turn.productHandle,
      cards.length === 1 ? cards[0] : null,
    ]),
    shownProducts: cards.length > 1 ? cards : turn.state.shownProducts,
  };
}

function handleOfCard(turn: Turn, url: string): string | null {
  for (const product of turn.ctx.productsByHandle.values())
    if (product.onlineStoreUrl === url || url.endsWith(`/products/${product.handle}`)) return product.handle;
  return null;
}

/** FILLER and every language's function words: words that name no product or item (built once). */
function fillerAndFunctionWords(): Set<string> {
  return (stopWords ??= new Set([...FILLER, ...Object.values(FUNCTION_WORDS).flat()]));
}
let stopWords: Set<string> | undefined;

/** Below this many letters, a word of an item's name ("M", "2P", "de") names nothing. */
const ITEM_WORD_LETTERS = 3;

/**
 * The words of the message that name one of the order's items by a word of its title or options ("the
 * lamp", "la veste Aster", "¿y la tetera?"), words that only ask ("what", "the") aside.
 */
export function orderItemWords(text: string, items: string[] | undefined): string[] {
  if (!items?.length) return [];
  const stop = fillerAndFunctionWords();
  const itemWords = new Set(
    items.flatMap((item) =>
      wordTokens(item)
        .filter((w) => w.length >= ITEM_WORD_LETTERS && !stop.has(w))
        .map(singular),
    ),
  );
  return wordTokens(text).filter((w) => w.length >= ITEM_WORD_LETTERS && !stop.has(w) && itemWords.has(singular(w)));
}

/** Whether the message names one of the order's items. */
export function namesOrderItem(text: string, items: string[] | undefined): boolean {
  return orderItemWords(text, items).length > 0;
}
