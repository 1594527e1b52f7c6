/**
 * Answers about the catalog. product_info (info.ts) and product_search (search.ts) are the two
 * use cases; the modules beside them each do one job: which product (resolve.ts), what is asked
 * (asked.ts), where the answer is written (facts.ts), which variant (variants.ts), how it reads
 * (render.ts).
 */
export { productInfo } from "./product/info";
export { MAX_CARDS, productSearch } from "./product/search";
export { productCard } from "./product/render";
export { siblingFor } from "./product/resolve";
export { relevantSentences } from "./product/facts";
