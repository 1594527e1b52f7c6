/**
 * The intent model learns shoppers' phrasing, not each shop's products: a question about a
 * shop's "plaid", "molino" or "Tilleul" candle reads to it like nothing it knows. A message that
 * names the shop's own products or kinds of things, which the model took for small talk or
 * out of scope, is a product question.
 */
import type { Catalog, Entities } from "../entities";
import type { IntentResult } from "../intent/engine";
import type { Product } from "../../commerce/types";
import type { Language } from "../preprocess";
import { catalogTerms, searchCatalog, theOneAskedFor } from "./search";

/** How sure the model must be for a bare list of catalog words ("housse de couette") to stay its guess. */
const BARE_PRODUCT_WORDS_BELOW = 0.5;
/** How sure the model must be that a question naming a product is a complaint. */
const COMPLAINT_BELOW = 0.6;

export interface CatalogShop {
  catalog: Catalog;
  productsByHandle: Map<string, Product>;
}

export function catalogAwareIntent(
  result: IntentResult,
  text: string,
  entities: Entities,
  productHandle: string | null,
  shop: CatalogShop,
  language: Language,
): IntentResult {
  const { catalog } = shop;
  // "Do you have the Kestrel?", "looking for the alpaca scarf": a search naming one product is a question about it.
  if (
    result.intent === "product_search" &&
    (productHandle !== null ||
      theOneAskedFor(text, searchCatalog(catalog, shop.productsByHandle, { text, requireCategory: true }, language)))
  )
    return { ...result, intent: "product_info" };
  if (result.intent === "product_info" || result.intent === "product_search") return result;
  // An order number or an email makes it about an order, whatever it names.
  if (entities.order_number || entities.email) return result;
  const { kinds, other } = catalogTerms(catalog, text);
  const namesProduct = productHandle !== null;
  if (!namesProduct && kinds.length === 0) return result;
  const smallTalkGuess = result.intent === "out_of_scope" || result.intent === "greeting";
  const onlyCatalogWords = other.length === 0 && result.confidence < BARE_PRODUCT_WORDS_BELOW;
  const unsureComplaint =
    result.intent === "complaint" && namesProduct && result.confidence < COMPLAINT_BELOW && /\?\s*$/.test(text);
  if (!smallTalkGuess && !onlyCatalogWords && !unsureComplaint) return result;
  // One product named (or the only one of its kind): a question about it; a kind with several: a search.
  const one =
    namesProduct ||
    searchCatalog(catalog, shop.productsByHandle, { text, requireCategory: true }, language).single !== null;
  return { ...result, intent: one ? "product_info" : "product_search", lowConfidence: false };
}
