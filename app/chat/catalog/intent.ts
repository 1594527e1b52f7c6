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
import { normalize } from "../preprocess";

/** How sure the model must be for a bare list of catalog words ("housse de couette") to stay its guess. */
const BARE_PRODUCT_WORDS_BELOW = 0.5;
/** How sure the model must be that a question naming a product is a complaint. */
const COMPLAINT_BELOW = 0.6;

// "that charcoal fleece thing you sell, is it windproof?", "the boots for women, do they run small?": one thing
// described with "the/that/your", then asked about as "it/they" (accents folded, English and French inversions).
const DESCRIBED_THEN_ASKED =
  /^(?:(?:hi|hello|hey|so|ok|okay|quick question)[,!.]?\s+)?(?:the|that|this|those|these|your|le|la|les|ce|cette|ces|votre|vos)\b[^?]{3,80}?[,:-]+\s*(?:is|are|does|do|will|would|can|could|did|was|how \w+ (?:is|are|does|do)|what \w+ (?:is|are|does|do)) (?:it|they|that|them)\b|^(?:le|la|les|ce|cette|ces|votre|vos)\b[^?]{3,80}?[,:-]+\s*(?:est-(?:il|elle)|sont-(?:ils|elles)|(?:il|elle|ils|elles) (?:est|sont|fait|font|tient|tiennent|va|vont|passe|passent))\b/;
// Asking for things is a search whatever follows: "do you have…", "any…", "looking for…", "recommend…".
const ASKS_FOR_THINGS =
  /\b(?:do you (?:have|sell|carry|stock)|any\b|looking for|recommend\w*|suggest\w*|options?\b|avez-vous|vous avez|cherche|conseill\w*)/;

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
  // One thing described, then asked about as "it": a question about it, not a search for it.
  if (result.intent === "product_search" && describedThenAsked(text)) return { ...result, intent: "product_info" };
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

/** "the waterproof boots for women, do they run small?": one product described, then a question about it. */
export function describedThenAsked(text: string): boolean {
  const n = normalize(text).trim();
  return DESCRIBED_THEN_ASKED.test(n) && !ASKS_FOR_THINGS.test(n);
}
