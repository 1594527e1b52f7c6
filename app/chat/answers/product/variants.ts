/** The variant a shopper asks for ("M in black", "the long one"): its stock and price, or what we have instead. */
import type { Product, Variant } from "../../../commerce/types";
import { t } from "../../i18n";
import { formatMoney, joinList } from "../../format";
import { escapeRegExp, normalize } from "../../preprocess";
import type { Turn } from "../../types";
import { colorAliases } from "../../catalog/vocabulary";
import { SIZE_WORDS } from "../../catalog/lexicon";
import { M } from "./messages";
import { priceOf, stockLine, variantName } from "./render";
import type { Resolved } from "./resolve";
import { splitSentences } from "../../knowledge";

const SINGLE_DIGIT_LEAD = "\\b(?:in an?|in|en|a|un|una|une|size|talla|taille|pointure|numero|number|the)\\s+";

/** Option values of this product written out in the message ("long", "right zip", "S/M"), beyond size and colour. */
export function namedOptionValues(product: Product, text: string, already: Resolved["wanted"]): Record<string, string> {
  const found: Record<string, string> = {};
  const message = measures(normalize(text));
  const taken = Object.values(already)
    .filter(Boolean)
    .map((v) => normalize(v!));
  for (const option of product.options) {
    const values = [...option.values]
      .filter((v) => v !== "Default Title" && (v.length >= 2 || /^\d$/.test(v)))
      .sort((a, b) => b.length - a.length);
    for (const value of values) {
      const v = normalize(value);
      if (taken.some((x) => x === v || v.includes(x) || x.includes(v))) continue;
      if (namesValue(message, value)) {
        found[option.name] = value;
        break;
      }
    }
  }
  return found;
}

/** Every value of each option the message names ("de 350 ml por la de 1 L" → Tamaño: 350 ml, 1 L). */
export function optionValuesNamed(product: Product, text: string): Record<string, string[]> {
  const message = measures(normalize(text));
  const found: Record<string, string[]> = {};
  for (const option of product.options) {
    let rest = message;
    // The longest first, so "M/L" isn't also read as "M" and "L".
    for (const value of [...option.values].sort((a, b) => b.length - a.length)) {
      if (value === "Default Title" || (value.length < 2 && !/^\d$/.test(value)) || !namesValue(rest, value)) continue;
      (found[option.name] ??= []).push(value);
      for (const form of valueForms(value)) rest = rest.split(form).join(" ");
    }
  }
  return found;
}

/** The ways a value is written: whole, and for "Grand (28 cm)" its word and its measure apart. */
function valueForms(value: string): string[] {
  const whole = measures(normalize(value));
  const parts = value.match(/^(.+?)\s*\((.+)\)\s*$/);
  const forms = parts
    ? [whole, measures(normalize(parts[1])), measures(normalize(parts[2]))].filter((f) => f.length >= 2)
    : [whole];
  // "160 × 200 cm" is also asked as "160 x 200": dimensions without their unit.
  const bare = whole.match(/^(\d+(?:[.,]\d+)? × \d+(?:[.,]\d+)?)\s*[a-z]{1,2}$/);
  return bare ? [...forms, bare[1]] : forms;
}

/** Measures written one way: "160x200" and "160 * 200" as "160 × 200", "1kg" as "1 kg" (text normalised). */
function measures(text: string): string {
  return text.replace(/(\d)\s*[x×*]\s*(?=\d)/g, "$1 × ").replace(/(\d)(kg|g|ml|cl|l|cm|mm|m|oz|lb)\b/g, "$1 $2");
}

function namesValue(message: string, value: string): boolean {
  return valueForms(value).some((v) => {
    // A one-digit size ("come in a 9?", "en 7") only after a word that asks for it, not as a count.
    const lead = v.length === 1 ? SINGLE_DIGIT_LEAD : "";
    const after = v.length === 1 ? "(?![\\w/]|[.,]\\d)" : "(?![\\w/])";
    return new RegExp(`${lead}(?<![\\w/])${escapeRegExp(v)}${after}`).test(message);
  });
}

/**
 * "What's the difference between the S/M and the M/L?", "la planche 30 cm ou 40 cm ?": two or more
 * values of one option named together, with what sets them apart: each one's price and stock, and
 * the description's sentences that name them.
 */
export function optionComparison(product: Product, text: string, turn: Turn): string[] | null {
  const message = measures(normalize(text));
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  for (const option of product.options) {
    const values = option.values.filter((v) => v !== "Default Title" && v.length >= 2);
    // The longest first, so "M/L" isn't also read as "M" and "L".
    const named: string[] = [];
    let rest = message;
    for (const value of [...values].sort((a, b) => b.length - a.length)) {
      if (!namesValue(rest, value)) continue;
      named.push(value);
      for (const form of valueForms(value)) rest = rest.split(form).join(" ");
    }
    if (named.length < 2) continue;
    named.sort((a, b) => values.indexOf(a) - values.indexOf(b));
    const lines = named.map((value) => {
      const variants = product.variants.filter((v) =>
        v.selectedOptions.some((o) => o.name === option.name && o.value === value),
      );
      const stock = variants.some((v) => v.availableForSale) ? "" : ` (${t(L, M.sold_out)})`;
      return `${value}: ${priceOf(variants, currency, L)}${stock}`;
    });
    const sentences = splitSentences(product.description).filter(
      (sentence) => named.filter((value) => namesValue(measures(normalize(sentence)), value)).length >= 1,
    );
    return [...sentences, `${lines.join("; ")}.`];
  }
  return null;
}

/** The option values of `product` that `asked` names ("medium" → M, "black" → Black, "negro" → Black, "blue" → Fjord Blue). */
function matchOption(product: Product, asked: string): { option: string; values: string[] } | null {
  const wanted = measures(normalize(asked));
  // "medium" → M, "negro" → Black or Noir: the lexicon's size and colour words in en/es/fr.
  const aliases = [...new Set([wanted, ...(SIZE_WORDS[wanted] ?? []).map(normalize), ...colorAliases(wanted)])];
  for (const option of product.options) {
    const exact = option.values.filter((v) => aliases.includes(measures(normalize(v))));
    if (exact.length > 0) return { option: option.name, values: exact };
  }
  for (const option of product.options) {
    const partial = option.values.filter((v) =>
      aliases.some((a) => a.length > 2 && new RegExp(`\\b${escapeRegExp(a)}\\b`).test(measures(normalize(v)))),
    );
    if (partial.length > 0) return { option: option.name, values: partial };
  }
  return null;
}

/** The product's option each asked value belongs to ("black" → Color, "M" → Size), by option name. */
export function optionsAsked(product: Product, wanted: Resolved["wanted"]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!value) continue;
    const named = product.options.find((o) => o.name === key && o.values.includes(value));
    const option = named?.name ?? matchOption(product, value)?.option;
    if (option) found[option] = value;
  }
  return found;
}

/** Stock and price of the exact variant asked for, with in-stock alternatives when it's sold out. */
type Constraint = { option: string; values: string[] };

const fitsAll = (v: Variant, list: Constraint[]) =>
  list.every((c) => v.selectedOptions.some((o) => o.name === c.option && c.values.includes(o.value)));

/** The variants the values asked for name ("200 × 200 cm" and "Terracotta"); none when a value isn't offered. */
export function wantedVariants(product: Product, wanted: Resolved["wanted"]): Variant[] {
  const constraints: Constraint[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (!value) continue;
    const named = product.options.find((o) => o.name === key && o.values.includes(value));
    const match = named ? { option: named.name, values: [value] } : matchOption(product, value);
    if (!match) return [];
    constraints.push(match);
  }
  return product.variants.filter((v) => fitsAll(v, constraints));
}

export function variantLines(product: Product, wanted: Resolved["wanted"], turn: Turn): string[] {
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  const constraints: { option: string; values: string[] }[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (!value) continue;
    const named = product.options.find((o) => o.name === key && o.values.includes(value));
    const match = named ? { option: named.name, values: [value] } : matchOption(product, value);
    if (!match) {
      const option =
        product.options.find((o) => (key === "color" ? /colou?r/i : /size|length|talla|taille/i).test(o.name)) ??
        product.options[0];
      const values = option && option.values[0] !== "Default Title" ? option.values : [];
      return values.length > 0
        ? [t(L, M.option_not_offered, { product: product.title, value, values: joinList(values, L, "or") })]
        : [stockLine(product, L)];
    }
    constraints.push(match);
  }
  const fits = (v: Variant, list = constraints) => fitsAll(v, list);
  const matching = product.variants.filter((v) => fits(v));
  if (matching.length === 0) return [stockLine(product, L)];
  const money = (v: Variant) => formatMoney(v.price, currency, L);
  const inStock = matching.filter((v) => v.availableForSale);
  const soldOut = matching.filter((v) => !v.availableForSale);

  if (soldOut.length === 0) {
    return inStock.length === 1
      ? [t(L, M.variant_in_stock, { variant: variantName(inStock[0]) || product.title, price: money(inStock[0]) })]
      : [
          t(L, M.variant_in_stock, {
            variant: joinList(
              constraints.flatMap((c) => c.values),
              L,
            ),
            price: priceOf(inStock, currency, L),
          }),
        ];
  }
  if (inStock.length > 0) {
    // Only part of it: "M: in stock in Fjord Blue; out of stock in Black."
    const differing = (list: Variant[]) =>
      list.map((v) =>
        v.selectedOptions
          .filter((o) => !constraints.some((c) => c.option === o.name))
          .map((o) => o.value)
          .join(" / "),
      );
    return [
      t(L, M.variant_mixed, {
        wanted: joinList(
          constraints.flatMap((c) => c.values),
          L,
        ),
        inStock: `${joinList(differing(inStock), L)} (${priceOf(inStock, currency, L)})`,
        soldOut: joinList(differing(soldOut), L),
      }),
    ];
  }
  const lines = [
    t(L, M.variant_sold_out, {
      variant:
        soldOut.length === 1
          ? variantName(soldOut[0])
          : joinList(
              constraints.flatMap((c) => c.values),
              L,
            ),
    }),
  ];
  // Alternatives keeping as much of the request as possible: same size in another colour, or the reverse.
  const alternatives: Variant[] = [];
  for (const keep of constraints.length > 1 ? constraints.map((c) => [c]) : [[]]) {
    for (const v of product.variants) {
      if (v.availableForSale && fits(v, keep) && !alternatives.includes(v)) alternatives.push(v);
    }
    if (alternatives.length > 0) break;
  }
  if (alternatives.length > 0) {
    const shown = alternatives.slice(0, 4);
    const samePrice = new Set(shown.map((v) => v.price)).size === 1;
    const variants = samePrice
      ? `${joinList(shown.map(variantName), L)} (${money(shown[0])})`
      : joinList(
          shown.map((v) => `${variantName(v)} (${money(v)})`),
          L,
        );
    lines.push(t(L, M.variant_alternatives, { variants }));
  }
  return lines;
}
