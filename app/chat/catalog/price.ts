/**
 * Price limits in a shopper's words, read in the shop's currency: "under $100", "moins de 40 €",
 * "menos de 300 pesos", "entre 20 y 50 euros", "around $50", "1,000 MXN or less".
 */
import { ALL_CURRENCY_WORDS, currencyWordsOf } from "./lexicon";

export interface PriceLimits {
  maxPrice: number | null;
  minPrice: number | null;
}

// 1,000 · 1.000 · 1 000 · 1000 · 12,50 · 12.50
const AMOUNT = String.raw`(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const UNDER = String.raw`under|below|less than|cheaper than|no more than|not more than|at most|max(?:imum)?\.?|up to|within|<|menos de|por debajo de|bajo|hasta|como m[aá]ximo|m[aá]ximo|no m[aá]s de|inferior a|que no pase de|moins de|en dessous de|au-dessous de|sous|jusqu'?[aà]|pas plus de|au maximum|maxi|inf[ée]rieur [aà]`;
const OVER = String.raw`over|above|more than|at least|min(?:imum)?\.?|m[aá]s de|por encima de|como m[ií]nimo|m[ií]nimo|al menos|plus de|au-dessus de|au moins|minimum|[aà] partir de|>`;
const AROUND = String.raw`around|about|roughly|approximately|alrededor de|aproximadamente|unos|unas|como|environ|autour de|dans les|vers`;
const OR_LESS = String.raw`or less|or under|max|o menos|como m[aá]ximo|ou moins|maximum|max`;
// An amount followed by these is a size, a weight or a count, not money.
const NOT_MONEY_AFTER =
  /^\s*(?:%|percent|por ?ciento|pour ?cent|ml|cl|l\b|g\b|gr|kg|oz|lbs?|cm|mm|m\b|in\b|inch|ft|people|persons?|personas|personnes|days?|d[ií]as|jours|hours?|horas|heures|pcs|pieces|piezas|pi[eè]ces|x\b|×)/i;

/** The shop's currency marks and words, and those of any currency (a shopper may write "euros" to a shop in dollars). */
function currencyPattern(currency: string): { before: string; after: string } {
  const own = currencyWordsOf(currency);
  const symbols = new Set(["$", "€", "£", ...own.symbols]);
  const words = new Set([...ALL_CURRENCY_WORDS, ...own.words, currency.toLowerCase()]);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A symbol written with letters ("r" for rand, "kr", "chf") is one only as a word of its own: not the
  // "r" of "for 3 rainy days".
  const LETTER = "a-z\u00c0-\u024f";
  const symbolAlt = [...symbols]
    .sort((a, b) => b.length - a.length)
    .map((symbol) => (/\p{L}/u.test(symbol) ? `(?<![${LETTER}])${escape(symbol)}(?![${LETTER}])` : escape(symbol)))
    .join("|");
  const wordAlt = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
  return { before: `(?:${symbolAlt})\\s?`, after: `\\s?(?:${symbolAlt}|(?:${wordAlt})\\b)` };
}

/** "1,000" → 1000, "12,50" → 12.5, "1 000" → 1000, "1.000" → 1000. */
export function parseAmount(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  const thousands = compact.replace(/[.,](?=\d{3}(?:\D|$))/g, "");
  return Number(thousands.replace(",", "."));
}

/** Price limits the message sets, or nulls. A bare number needs a price word or a currency to count. */
export function parsePriceLimits(text: string, currency = "USD"): PriceLimits {
  // Every pattern needs an amount's digits.
  if (!/\d/.test(text)) return { maxPrice: null, minPrice: null };
  const patterns = pricePatterns(currency);
  const amountOf = (re: RegExp): number[] | null => {
    const m = re.exec(text);
    if (!m) return null;
    const rest = text.slice(m.index + m[0].length);
    if (NOT_MONEY_AFTER.test(rest)) return null;
    return m
      .slice(1)
      .filter((g) => g !== undefined)
      .map(parseAmount);
  };
  const first = (res: RegExp[]) => {
    for (const re of res) {
      const found = amountOf(re);
      if (found) return found;
    }
    return null;
  };
  const between = first(patterns.between);
  if (between && between.length === 2) {
    const [a, b] = between;
    return { minPrice: Math.min(a, b), maxPrice: Math.max(a, b) };
  }
  const under = first(patterns.under);
  const over = amountOf(patterns.over);
  if (under || over) return { maxPrice: under?.[0] ?? null, minPrice: over?.[0] ?? null };
  // "a gift for 30 €": a budget, written with its currency.
  const budget = first(patterns.budget);
  if (budget) return { minPrice: Math.round(budget[0] * 0.75), maxPrice: Math.round(budget[0] * 1.25) };
  return { maxPrice: null, minPrice: null };
}

/** The patterns for a shop's currency, compiled once per currency (they were compiled on every message). */
function pricePatterns(currency: string) {
  let patterns = compiledPatterns.get(currency);
  if (patterns) return patterns;
  const { before, after } = currencyPattern(currency);
  const money = `(?:${before})?${AMOUNT}(?:${after})?`;
  const re = (pattern: string) => new RegExp(pattern, "i");
  patterns = {
    between: [
      re(String.raw`\b(?:between|entre|from|de|des?)\s+${money}\s*(?:and|y|et|to|a|à|-|–)\s*${money}`),
      re(String.raw`${before}${AMOUNT}\s*(?:-|–|to|a|à)\s*(?:${before})?${AMOUNT}(?:${after})?`),
      re(String.raw`${AMOUNT}\s*(?:-|–)\s*${AMOUNT}${after}`),
    ],
    under: [
      re(String.raw`(?:^|[\s¿(])(?:${UNDER})\s*(?:de\s+)?${money}`),
      re(String.raw`${before}${AMOUNT}(?:${after})?\s*(?:${OR_LESS})\b`),
      re(String.raw`${AMOUNT}${after}\s*(?:${OR_LESS})\b`),
    ],
    over: re(String.raw`(?:^|[\s¿(])(?:${OVER})\s*${money}`),
    budget: [
      re(String.raw`(?:^|[\s¿(])(?:${AROUND})\s*(?:de\s+)?(?:${before}${AMOUNT}(?:${after})?|${AMOUNT}${after})`),
      re(String.raw`(?:^|\s)(?:for|pour|por|para)\s+(?:${before}${AMOUNT}(?:${after})?|${AMOUNT}${after})`),
    ],
  };
  if (compiledPatterns.size >= 64) compiledPatterns.clear();
  compiledPatterns.set(currency, patterns);
  return patterns;
}
const compiledPatterns = new Map<string, { between: RegExp[]; under: RegExp[]; over: RegExp; budget: RegExp[] }>();
