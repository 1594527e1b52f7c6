/** Answers about the catalog: facts about one product, and searches. ACTIVE products only. */
import type { Product } from "../../commerce/types";
import { formatMoney, joinList } from "../format";
import { normalize, tokenize } from "../preprocess";
import type { ProductCard } from "../protocol";
import type { Answer, Turn } from "../types";

export function productCard(product: Product, currencyCode: string): ProductCard {
  const cheapest = [...product.variants].sort((a, b) => Number(a.price) - Number(b.price))[0];
  return {
    title: product.title,
    price: formatMoney(cheapest?.price ?? product.priceRange.min, currencyCode),
    compareAtPrice: cheapest?.compareAtPrice ? formatMoney(cheapest.compareAtPrice, currencyCode) : null,
    imageUrl: product.imageUrl,
    url: product.onlineStoreUrl ?? `/products/${product.handle}`,
    available: product.variants.some((v) => v.availableForSale),
  };
}

/** The product this turn is about: named in the message, else the one under discussion. */
export function currentProduct(turn: Turn): Product | null {
  const handle = turn.productHandle ?? turn.state.productHandle;
  return handle ? turn.ctx.productsByHandle.get(handle) ?? null : null;
}

export async function productInfo(turn: Turn): Promise<Answer> {
  const product = currentProduct(turn);
  if (!product) return productSearch(turn);
  const currency = turn.ctx.shop.currencyCode;
  const facts: string[] = [];
  const relevant = relevantSentences(product.description, turn.pre.contentTokens, 2);
  facts.push(relevant.length > 0 ? relevant.join(" ") : firstSentences(product.description, 2));
  facts.push(priceLine(product, currency));
  facts.push(stockLine(product, turn));
  return {
    text: `${product.title}: ${facts.filter(Boolean).join(" ")}`,
    products: [productCard(product, currency)],
    lookups: [{ kind: "product", ref: product.handle, outcome: "found" }],
    state: { productHandle: product.handle },
  };
}

function priceLine(product: Product, currency: string): string {
  const prices = [...new Set(product.variants.map((v) => Number(v.price)))].sort((a, b) => a - b);
  const sale = product.variants.find((v) => v.compareAtPrice && Number(v.compareAtPrice) > Number(v.price));
  const range = prices.length > 1 ? `${formatMoney(prices[0], currency)}–${formatMoney(prices[prices.length - 1], currency)}` : formatMoney(prices[0] ?? 0, currency);
  return sale ? `It's on sale at ${range} (was ${formatMoney(sale.compareAtPrice!, currency)}).` : `It's ${range}.`;
}

function stockLine(product: Product, turn: Turn): string {
  const { size, color } = turn.entities;
  const wanted = product.variants.filter((v) =>
    v.selectedOptions.every((o) => {
      if (size && /size/i.test(o.name)) return normalize(o.value) === normalize(size);
      if (color && /colou?r/i.test(o.name)) return normalize(o.value).includes(normalize(color));
      return true;
    }),
  );
  if ((size || color) && wanted.length > 0) {
    const inStock = wanted.filter((v) => v.availableForSale);
    const label = joinList([size, color].filter(Boolean) as string[]);
    return inStock.length > 0 ? `${label}: in stock.` : `${label}: out of stock right now.`;
  }
  const outOfStock = product.variants.filter((v) => !v.availableForSale);
  if (outOfStock.length === product.variants.length) return "It's out of stock right now.";
  if (outOfStock.length > 0) return `In stock, except ${joinList(outOfStock.map((v) => v.title))}.`;
  return product.variants.length > 1 ? "All options are in stock." : "It's in stock.";
}

export async function productSearch(turn: Turn): Promise<Answer> {
  const maxPrice = priceLimit(turn.pre.original);
  const text = searchTerms(turn);
  const found = await turn.ctx.commerce.searchProducts({ text, maxPrice: maxPrice ?? undefined, first: 4 });
  const lookups = [{ kind: "product_search" as const, ref: [text, maxPrice ? `≤ ${maxPrice}` : ""].filter(Boolean).join(" "), outcome: `${found.length} found` }];
  if (found.length === 0) {
    return {
      text: `I couldn't find anything matching that${maxPrice ? ` under ${formatMoney(maxPrice, turn.ctx.shop.currencyCode)}` : ""}. Could you describe it another way, or tell me what you'll use it for?`,
      lookups,
    };
  }
  return {
    text: `Here's what I found${maxPrice ? ` under ${formatMoney(maxPrice, turn.ctx.shop.currencyCode)}` : ""}:`,
    products: found.map((p) => productCard(p, turn.ctx.shop.currencyCode)),
    lookups,
    state: found.length === 1 ? { productHandle: found[0].handle } : {},
  };
}

function priceLimit(text: string): number | null {
  const match = text.match(/(?:under|below|less than|cheaper than|max(?:imum)?|up to|<|menos de|moins de)\s*\$?\s*(\d+(?:\.\d+)?)/i);
  return match ? Number(match[1]) : null;
}

const SEARCH_FILLER = new Set(
  "any anything have got do you sell show looking look find need want something some under below less than cheaper max up to for with what which good best recommend recommendation".split(" "),
);

function searchTerms(turn: Turn): string {
  return turn.pre.contentTokens.filter((t) => !SEARCH_FILLER.has(t) && !/^\d+$/.test(t)).join(" ");
}

/** Sentences of `text` sharing the most words with the question. */
export function relevantSentences(text: string, questionTokens: string[], limit: number): string[] {
  const wanted = new Set(questionTokens.filter((t) => t.length > 2));
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
  return sentences
    .map((sentence, index) => ({ sentence, index, score: tokenize(normalize(sentence)).filter((t) => wanted.has(t) || [...wanted].some((w) => w.length > 4 && t.startsWith(w.slice(0, 5)))).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence);
}

function firstSentences(text: string, count: number): string {
  return text.split(/(?<=[.!?])\s+/).slice(0, count).join(" ");
}
