/** How a product's offer reads: its card, price, stock, options and opening sentences. */
import type { Product, Variant } from "../../../commerce/types";
import { t } from "../../i18n";
import { formatMoney, joinList } from "../../format";
import { splitSentences } from "../../knowledge";
import { escapeRegExp, normalize, tokenize, type Language } from "../../preprocess";
import { sameWord } from "../../catalog/vocabulary";
import type { ProductCard } from "../../protocol";
import { M } from "./messages";

export function productCard(product: Product, currencyCode: string, language: Language = "en"): ProductCard {
  const byPrice = [...product.variants].sort((a, b) => Number(a.price) - Number(b.price));
  const cheapest = byPrice[0];
  const onSale = cheapest?.compareAtPrice && Number(cheapest.compareAtPrice) > Number(cheapest.price);
  const money = (amount: string) => formatMoney(amount, currencyCode, language);
  const low = cheapest?.price ?? product.priceRange.min;
  const high = byPrice[byPrice.length - 1]?.price ?? product.priceRange.max;
  // Prices that differ read "From $X"; a gift card's are its amounts, so it shows them all: "$25–$200".
  const price =
    Number(low) === Number(high)
      ? money(low)
      : product.isGiftCard
        ? `${money(low)}–${money(high)}`
        : t(language, M.card_from, { price: money(low) });
  return {
    title: product.title,
    price,
    compareAtPrice: onSale ? formatMoney(cheapest.compareAtPrice!, currencyCode, language) : null,
    imageUrl: product.imageUrl,
    url: product.onlineStoreUrl ?? `/products/${product.handle}`,
    available: product.variants.some((v) => v.availableForSale),
  };
}

export function priceLine(product: Product, currency: string, L: Language): string {
  const prices = [...new Set(product.variants.map((v) => Number(v.price)))].sort((a, b) => a - b);
  if (prices.length === 0) return "";
  const sale = product.variants.find((v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price));
  const money = (n: number | string) => formatMoney(n, currency, L);
  if (sale) return t(L, M.price_sale, { price: money(sale.price), was: money(sale.compareAtPrice!) });
  if (prices.length > 1) return t(L, M.price_range, { min: money(prices[0]), max: money(prices[prices.length - 1]) });
  return t(L, M.price_single, { price: money(prices[0]) });
}

/**
 * "How many are left?", "combien il en reste ?", "¿cuántos quedan?": a count of what is in stock,
 * not a measure ("how many liters?") or a feature ("how many lessons does it have?").
 */
const COUNT_ASKED =
  /\b(?:how many ((?:\w+ ){0,3})(?:left|in stock|available|(?:do|have) (?:you|u|ya) (?:have|got)|(?:you|u) (?:have|got))|any left|combien ((?:\w+ ){0,3})(?:reste|restent|en stock|disponibles?|avez)|(?:il )?en reste|cuant[oa]s ((?:\w+ ){0,3})(?:quedan|queda|hay|tienen|en existencia|disponibles?))\b/;
/** Words between "how many" and "left" that count no other thing ("how many of these do you have?"). */
const NO_OTHER_THING = new Set(
  "of these those them it are is do does you u ya have got still there more one ones units items en de d il y a les ces me te le nos vous quedan unidades articulos unites articles exemplaires".split(
    " ",
  ),
);

/**
 * "How many are left?" asks the stock; "how many colors are available?", "¿cuántas piezas hay en el kit?"
 * count something else, unless the word counted is the product, its kind or one of its options
 * ("how many headlamps are left?", "how many glacier ones?"). Without the product, any count is the stock's.
 */
export function asksStockCount(text: string, product?: Pick<Product, "title" | "productType" | "variants">): boolean {
  const m = COUNT_ASKED.exec(normalize(text));
  if (!m) return false;
  const counted = tokenize(m[1] ?? m[2] ?? m[3] ?? "").filter((w) => !NO_OTHER_THING.has(w));
  if (counted.length === 0 || !product) return true;
  const own = tokenize(
    normalize([product.title, product.productType, ...product.variants.map((v) => v.title)].join(" ")),
  );
  return counted.every((w) => own.some((o) => sameWord(w, o)));
}

/** "3 left in stock": the count of the variants asked for, when the shop's inventory gives it. */
export function countLine(variants: Variant[], L: Language): string {
  const counts = variants.map((v) => v.inventoryQuantity);
  if (counts.length === 0 || counts.some((c) => c === null)) return "";
  const total = (counts as number[]).reduce((sum, c) => sum + Math.max(0, c), 0);
  return total > 0 ? t(L, M.count_in_stock, { count: total }) : "";
}

export function stockLine(product: Product, L: Language): string {
  const soldOut = product.variants.filter((v) => !v.availableForSale);
  if (soldOut.length === product.variants.length) return t(L, M.sold_out);
  if (soldOut.length > 0) return t(L, M.in_stock_except, { variants: joinList(soldOut.map(variantName), L) });
  return t(L, product.variants.length > 1 ? M.all_in_stock : M.in_stock);
}

/** "M / Black"; a bare size says what it is ("size 9", not "9"). */
export function variantName(variant: Variant): string {
  if (variant.title === "Default Title") return "";
  const [only, ...rest] = variant.selectedOptions;
  if (only && rest.length === 0 && /^size$/i.test(only.name) && /^\d/.test(only.value))
    return `${only.name.toLowerCase()} ${only.value}`;
  return variant.title;
}

export function priceOf(variants: Variant[], currency: string, L: Language): string {
  const prices = [...new Set(variants.map((v) => Number(v.price)))].sort((a, b) => a - b);
  return prices.length === 1
    ? formatMoney(prices[0], currency, L)
    : `${formatMoney(prices[0], currency, L)}–${formatMoney(prices[prices.length - 1], currency, L)}`;
}

/** The option values listed for the options the shopper asks about ("what colors…?") or `alsoNamed`, or all. */
export function optionLines(product: Product, text: string, L: Language, alsoNamed: string[] = []): string[] {
  const real = product.options.filter((o) => !(o.values.length === 1 && o.values[0] === "Default Title"));
  const asked = real.filter((o) => {
    if (alsoNamed.includes(o.name)) return true;
    const name = normalize(o.name);
    const pattern = /colou?r/.test(name)
      ? /colou?rs?|colores|couleurs/i
      : /size|length/.test(name)
        ? /sizes?|lengths?|tallas|tailles/i
        : new RegExp(escapeRegExp(name), "i");
    return pattern.test(text);
  });
  return (asked.length > 0 ? asked : real).map((o) =>
    t(L, M.options_list, { option: o.name, values: joinList(o.values, L) }),
  );
}

/**
 * The description's first `count` sentences, and more while they are still short of a short paragraph:
 * "Medium roast." as a second sentence leaves out what the product is like.
 */
export function firstSentences(text: string, count: number): string {
  const sentences = splitSentences(text);
  const taken = sentences.slice(0, count);
  while (taken.length < sentences.length && taken.join(" ").length < SHORT_PARAGRAPH)
    taken.push(sentences[taken.length]);
  return taken.join(" ");
}

/** Characters below which a description's opening says too little to describe the product. */
const SHORT_PARAGRAPH = 160;
