/** product_search: searches of the live catalog, with price, sale, stock and size filters. */
import { formatMoney } from "../../format";
import { t } from "../../i18n";
import type { Answer, Lookup, Turn } from "../../types";
import { normalize, tokenize } from "../../preprocess";
import { outOfScope } from "../conversation";
import { lowestPrice, parseSearch, theOneAskedFor } from "../../catalog/search";
import { M } from "./messages";
import { productCard } from "./render";
import {
  activeProduct,
  foreignNameBesideKind,
  namesUnknownLine,
  productWords,
  searchCatalog,
  searchWords,
  unknownProductName,
} from "./resolve";
import { productInfo } from "./info";
import { shopKnowledge } from "./facts";
import { asksMeasuredSize } from "./size-chart";
import { namedOptionValues } from "./variants";
import { ASKS_OPTIONS } from "./asked";
import { askedFacts } from "../../catalog/aspects";

// "do you have it…", "¿lo tienen…?", "vous l'avez…": the product under discussion, not a search.
const REFERS_TO_IT = /\b(?:have it|has it|get it|lo tienen|la tienen|lo tienes|la tienes|l'avez|l'as)\b/i;

/** Cards sent with a search: the bubble shows four and the rest behind "Show more". */
export const MAX_CARDS = 10;

export async function productSearch(turn: Turn): Promise<Answer> {
  // A named product, or options of the one under discussion ("the men's one in M"), is a product question.
  if (turn.productHandle && activeProduct(turn, turn.productHandle)) return productInfo(turn);
  const request = parseSearch(turn.pre.original, turn.ctx.shop.currencyCode, turn.language);
  const found = searchCatalog(turn, request);
  const { results, categoryWords, beforeFilters } = found;
  // "Do you have the Lark Blanket?", "¿Cuándo sale el Café Marisol?": a name we don't sell is said so, not searched for.
  const unknown = unknownProductName(turn, null);
  if (unknown && (results.length === 0 || namesUnknownLine(turn, unknown))) return productInfo(turn);
  // "When can I buy the Mimosa candle?": a name beside a kind we sell, but no product of ours bears it.
  if (foreignNameBesideKind(turn, null)) return productInfo(turn);
  if (
    turn.state.productHandle &&
    (turn.entities.size || turn.entities.color) &&
    searchWords(turn.pre.original, turn).filter((w) => !/^(?:one|ones)$/.test(w)).length <= 2
  ) {
    const discussed = activeProduct(turn, turn.state.productHandle);
    if (discussed && !categoryWords.some((w) => !productWords(discussed).has(w))) return aboutOne(turn);
  }
  if (asksAboutDiscussed(turn, categoryWords)) return aboutOne(turn);
  // "un drap-housse 90 × 190 en blanc": the only product of the kind, with its own option values named;
  // "the alpaca scarf": the only one of the kind, asked for as a thing in mind.
  if (
    results.length === 1 &&
    (Object.keys(namedOptionValues(results[0], turn.pre.original, {})).length > 0 ||
      theOneAskedFor(turn.pre.original, found))
  )
    return aboutOne({ ...turn, productHandle: results[0].handle });
  // "What size duvet cover for a 160x200 bed?": the only product of the kind, asked its size chart.
  if (results.length === 1 && asksMeasuredSize(turn.pre.original))
    return aboutOne({ ...turn, productHandle: results[0].handle });
  // "got the wool sweater in teal?": of the products its name fits, the only one that comes in what it names.
  const offering = results.filter((p) => Object.keys(namedOptionValues(p, turn.pre.original, {})).length > 0);
  if (
    results.length > 1 &&
    offering.length === 1 &&
    categoryWords.length > 1 &&
    categoryWords.every((w) => productWords(offering[0]).has(w))
  )
    return aboutOne({ ...turn, productHandle: offering[0].handle });
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  const money = (n: number) => formatMoney(n, currency, L);
  const between = request.maxPrice != null && request.minPrice != null;
  const filters = [
    between ? t(L, M.filter_between, { min: money(request.minPrice!), max: money(request.maxPrice!) }) : "",
    !between && request.maxPrice != null ? t(L, M.filter_under, { price: money(request.maxPrice) }) : "",
    !between && request.minPrice != null ? t(L, M.filter_over, { price: money(request.minPrice) }) : "",
    request.people != null ? t(L, M.filter_people, { count: request.people }) : "",
  ].join("");
  const ref = [
    categoryWords.join(" ") || searchWords(turn.pre.original, turn).join(" ") || "*",
    request.onSale ? "on sale" : "",
    request.maxPrice != null ? `≤ ${request.maxPrice}` : "",
    request.minPrice != null ? `≥ ${request.minPrice}` : "",
    request.people ? `${request.people} people` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const lookups: Lookup[] = [{ kind: "product_search", ref, outcome: `${results.length} found` }];

  const filtered =
    request.maxPrice != null || request.minPrice != null || request.onSale || request.inStock || request.people != null;
  if (categoryWords.length === 0 && !filtered) {
    // No kind of thing the shop sells is named ("what are the shop's opening hours?"): its FAQ may answer it.
    const general = outOfScope(turn);
    if (general.lookups?.some((l) => l.kind === "faq")) return general;
  }
  if (results.length === 0) {
    // Nothing passes the filters: show the closest matches of the same kind (cheapest first when a price was set).
    const closest = [...beforeFilters]
      .sort((a, b) => (request.maxPrice != null ? lowestPrice(a) - lowestPrice(b) : 0))
      .slice(0, categoryWords.length > 0 ? 3 : 0);
    const text = [
      t(L, M.search_none, { filters }),
      closest.length > 0 ? t(L, M.search_closest) : t(L, M.search_rephrase),
    ].join(" ");
    // Only near misses to show is still "couldn't find"; nothing at all asks for other words.
    return {
      text,
      kind: closest.length > 0 ? "no_answer" : "clarification",
      products: closest.length > 0 ? closest.map((p) => productCard(p, currency, L)) : undefined,
      lookups,
    };
  }
  const shown = results.slice(0, MAX_CARDS);
  // "What are your candles made of?": a question about the kind, which the shop's FAQs may answer for all of them.
  const general = results.length > 1 && asksOfTheKind(turn) ? shopKnowledge(turn, turn.pre.original, results[0]) : null;
  const intro = request.onSale
    ? t(L, results.length > MAX_CARDS ? M.search_on_sale_more : M.search_on_sale, {
        filters,
        count: MAX_CARDS,
        total: results.length,
      })
    : results.length > MAX_CARDS
      ? t(L, M.search_found_more, { count: MAX_CARDS, total: results.length, filters })
      : t(L, M.search_found, { filters });
  return {
    text: general
      ? `${t(L, general.inEnglish ? M.from_faq_in_english : M.from_faq)} ${general.quote}\n${intro}`
      : intro,
    products: shown.map((p) => productCard(p, currency, L)),
    lookups: [...lookups, ...(general?.lookups ?? [])],
    state: shown.length === 1 ? { productHandle: shown[0].handle } : {},
  };
}

// A question about what a kind of thing is like, not whether the shop has it (accents folded):
// "what are your candles made of?", "are your mugs dishwasher safe?", "vos bougies sont en quoi ?".
const OF_THE_KIND =
  /^(?:what|which|how|are (?:your|the|all)|is (?:your|the)|do (?:your|the|all)|de quoi|en quoi|quelle?s?|comment|vos|les|est-ce que (?:vos|les)|de que|que|como|cual(?:es)?|sus|los|las|son (?:sus|los|las))\b/;

/** The message asks an aspect of a kind of product (its material, its care), not for products. */
function asksOfTheKind(turn: Turn): boolean {
  const plain = normalize(turn.pre.original).replace(/^[¿¡\s]+/, "");
  if (!OF_THE_KIND.test(plain) || /\b(?:have|sell|carry|stock|got|tienen|venden|avez|vendez)\b/.test(plain))
    return false;
  const asked = askedFacts(turn.pre.original, turn.language);
  return asked.aspects.size > 0 && !asked.price && !asked.stock && !asked.compare;
}

/** A search that turned out to ask about one product is answered, and counted, as that product's question. */
async function aboutOne(turn: Turn): Promise<Answer> {
  return { ...(await productInfo(turn)), intent: "product_info" };
}

/**
 * A follow-up about the product under discussion, though it names none: its option values ("¿lo
 * tienen en 1 kg molido para filtro?") or an aspect of it ("which size fits an 18-21 inch torso?"),
 * with no kind of thing it isn't and no price filter.
 */
function asksAboutDiscussed(turn: Turn, categoryWords: string[]): boolean {
  const discussed = turn.state.productHandle ? activeProduct(turn, turn.state.productHandle) : null;
  if (!discussed) return false;
  const text = turn.pre.original;
  const values = Object.values(namedOptionValues(discussed, text, {}));
  // "filtro" of "Molido para filtro" is the option asked for, not the paper filters.
  const own = new Set([...productWords(discussed), ...values.flatMap((v) => tokenize(normalize(v)))]);
  if (categoryWords.some((w) => !own.has(w))) return false;
  if (values.length > 0) return true;
  const asked = askedFacts(text, turn.language);
  if (categoryWords.length > 0) return false;
  // "what colours do you have then?", "do you have it in sage?": its options, or it.
  if (ASKS_OPTIONS.test(text) || REFERS_TO_IT.test(text)) return true;
  return asked.aspects.size > 0 && !asked.stock && !asked.price;
}
