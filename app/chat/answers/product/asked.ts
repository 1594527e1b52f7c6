/**
 * What a product question asks about: the aspects and offer questions of aspect-lexicon.json
 * (catalog/aspects.ts), and the product's own options ("which grinds?", "quelles couleurs ?").
 */
import type { Product } from "../../../commerce/types";
import { askedFacts, type AskedFacts } from "../../catalog/aspects";
import { stemIn } from "../../knowledge/stemming";
import { escapeRegExp, normalize, tokenize, type Language } from "../../preprocess";
import { FUNCTION_WORDS } from "../../catalog/lexicon";
import lexicon from "../../catalog/aspect-lexicon.json";

export type Asked = AskedFacts & {
  /** The question asks which options there are ("what colours…", "quelles tailles…"). */
  options: boolean;
  /** Options the question names, by name or by a word of their values ("¿en qué moliendas…?", "¿viene molido?"). */
  optionNames: string[];
};

/** What the question asks about `product`. */
export function askedAbout(text: string, product: Product, language: Language): Asked {
  return {
    ...askedFacts(text, language),
    options: ASKS_OPTIONS.test(text),
    optionNames: namedOptions(text, product, language),
  };
}

const FUNCTION = new Set(Object.values(FUNCTION_WORDS).flat());

/** The product's options whose name, or a word of whose values, the question uses. */
function namedOptions(text: string, product: Product, language: Language): string[] {
  const stems = new Set(tokenize(normalize(text)).map((w) => stemIn(w, language)));
  const uses = (words: string) =>
    tokenize(normalize(words)).some(
      (w) => w.length > 3 && !FUNCTION.has(w) && !QUESTION_FILLER.has(w) && stems.has(stemIn(w, language)),
    );
  return realOptions(product)
    .filter((o) => uses(o.name) || o.values.some(uses))
    .map((o) => o.name);
}

/** The product's options, without Shopify's placeholder for a product that has none. */
export function realOptions(product: Product): Product["options"] {
  return product.options.filter((o) => !(o.values.length === 1 && o.values[0] === "Default Title"));
}

export const ASKS_OPTIONS =
  /\b(?:what|which|other|more|qu[eé]|cu[aá]les|quels?|quelles?)\s+(?:colou?rs?|sizes?|lengths?|options?|versions?|colores|tallas|couleurs|tailles)\b|\b(?:colou?rs?|sizes?|options?|colores|tallas|couleurs|tailles)\s+(?:does|do|is|are|it|they|come|available|disponibles?|hay|existe)|\bcome in\b(?!\s+(?:a|an|size|\w+\s*\/))/i;
export const GENERIC_QUESTION =
  /^(?:tell me (?:more )?about|what (?:is|about)|info(?:rmation)? (?:on|about)|details (?:on|about)|describe|h[aá]blame de|parle[-\s]moi de)\b/i;

// Words that say nothing about which fact is wanted (aspect-lexicon.json, "filler").
export const QUESTION_FILLER = new Set(
  [lexicon.filler.en, lexicon.filler.es, lexicon.filler.fr].flatMap((list) => list.split(/[\s,]+/).filter(Boolean)),
);

export function standsAlone(text: string, value: string): boolean {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\p{L}\\d])`, "iu").test(text);
}

export function withoutValues(text: string, values: (string | undefined)[]): string {
  return values
    .filter(Boolean)
    .reduce(
      (rest, value) => rest!.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value!)}(?![\\p{L}\\d])`, "giu"), " "),
      text,
    )!;
}

/**
 * The question without the product's name: the words that named it ("the Tern rain jacket"),
 * or, when the product was found by the words of its title ("my down jacket"), those words.
 */
export function withoutName(
  text: string,
  product: Product,
  mention: string | undefined,
  byTitleWords: boolean,
): string {
  let result = text;
  if (mention) result = result.replace(new RegExp(escapeRegExp(mention), "i"), " ");
  const title = product.title.replace(/^(?:wo)?men'?s\s+/i, "");
  result = result.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(title)}(?![\\p{L}\\d])`, "iu"), " ");
  if (byTitleWords) {
    for (const word of title.split(/\s+/)) {
      if (word.length > 1)
        result = result.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(word)}s?(?![\\p{L}\\d])`, "giu"), " ");
    }
  }
  return result;
}
