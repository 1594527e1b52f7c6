/**
 * "Which size fits a 34 inch bust?", "what size duvet cover for a 160x200 bed?": a measurement
 * asked against the shop's size chart. The answer is the sentence that holds it (a range it falls
 * in, or the same dimensions), from the product's description or else from the shop's FAQs and
 * pages, ranked by the question's own words ("bust", "women's"); and, when the range is labelled
 * with one of the product's sizes, that size.
 */
import type { Product } from "../../../commerce/types";
import { searchKnowledge, splitSentences, withinRange } from "../../knowledge";
import { normalize } from "../../preprocess";
import type { Lookup, Turn } from "../../types";

// A length with its unit: "34 inch", "34in", "34\"", "86 cm", "34 pulgadas", "86 centimètres".
const LENGTH = /(\d{1,3}(?:[.,]\d)?)\s*(?:-?\s*)(?:in\b|inch(?:es)?\b|"|''|cm\b|centim\w*|pulgadas?\b|pouces?\b)/g;
// Two dimensions: "160x200", "160 × 200 cm", "160 por 200".
const DIMENSIONS = /(\d{2,3})\s*(?:x|×|\*|por|sur)\s*(\d{2,3})/g;
// A size question: "which size", "what size", "quelle taille", "qué talla", "size should I get", "fit".
const ASKS_SIZE = /\b(?:size|sizes|sizing|fit|fits|talla|tallas|tama[nñ]o|medida|taille|tailles|pointure|format)\b/i;
// A labelled range in a chart: "S 33–35 in", "M 38-40", "L: 41 to 43".
const LABELLED_RANGE = /(\S+?):?\s+(\d{1,3}(?:[.,]\d)?)\s*(?:–|-|to|a|à)\s*(\d{1,3}(?:[.,]\d)?)/g;
const RANGE = /(\d{1,3}(?:[.,]\d)?)\s*(?:–|-|to|a|à)\s*(\d{1,3}(?:[.,]\d)?)/g;

export interface MeasuredSize {
  /** The chart's sentence that holds the measurement. */
  quote: string;
  /** Where it comes from: the product's own description, or the shop's FAQs and pages. */
  fromDescription: boolean;
  inEnglish: boolean;
  /** The product's size whose range holds the measurement, when the chart labels it. */
  size: string | null;
  /** The option that size is a value of. */
  option: string | null;
  measurement: string;
  lookups: Lookup[];
}

interface Measurement {
  text: string;
  /** A single length, or two dimensions. */
  values: number[];
}

/** The question asks which size goes with a measurement it gives. */
export function asksMeasuredSize(question: string): boolean {
  return ASKS_SIZE.test(question) && !!measurementIn(question);
}

/** The measurement's value as written, reduced to its numbers ("160x200" and "160 × 200 cm" alike). */
export function sameMeasurement(value: string, measurement: string): boolean {
  const digits = (s: string) => (s.match(/\d+/g) ?? []).join(" ");
  return digits(value) !== "" && digits(value) === digits(measurement);
}

/** The size the shop's chart gives for the measurement in the question, or null when it asks none. */
export function measuredSize(turn: Turn, product: Product, question: string): MeasuredSize | null {
  if (!ASKS_SIZE.test(question)) return null;
  const measurement = measurementIn(question);
  if (!measurement) return null;
  const own = splitSentences(product.description).find((s) => holds(s, measurement));
  if (own) return { ...labelled(own, measurement, product), fromDescription: true, inEnglish: false, lookups: [] };
  const hits = searchKnowledge(turn.ctx.shop, question, {
    only: ["FAQ", "PAGE"],
    contextTerms: [product.title, product.productType],
    language: turn.language,
    limit: 40,
  }).filter((hit) => holds(hit.passage.text, measurement));
  const best = hits[0];
  if (!best) return null;
  return {
    ...labelled(best.passage.quote, measurement, product),
    fromDescription: false,
    inEnglish: best.passage.language === "en" && turn.language !== "en",
    lookups: [{ kind: "faq", ref: best.passage.sourceKey, outcome: "size chart quoted" }],
  };
}

function measurementIn(question: string): Measurement | null {
  const text = normalize(question);
  const dims = [...text.matchAll(DIMENSIONS)][0];
  if (dims) return { text: dims[0], values: [Number(dims[1]), Number(dims[2])] };
  const length = [...question.toLowerCase().matchAll(LENGTH)][0];
  if (length) return { text: length[0].trim(), values: [Number(length[1].replace(",", "."))] };
  return null;
}

/** The sentence says the same dimensions, or a range the length falls in. */
function holds(sentence: string, measurement: Measurement): boolean {
  if (measurement.values.length === 2) {
    const [a, b] = measurement.values;
    return [...normalize(sentence).matchAll(DIMENSIONS)].some((m) => Number(m[1]) === a && Number(m[2]) === b);
  }
  const [n] = measurement.values;
  return [...sentence.matchAll(RANGE)].some((m) => withinRange(n, m[1], m[2]));
}

/**
 * The sentence, and the product's size its chart gives for the measurement: the label of the range
 * it falls in ("S 33–35 in"), or the size named in the clause with the dimensions ("200 × 200 cm pour
 * un lit de 160 × 200 cm").
 */
function labelled(sentence: string, measurement: Measurement, product: Product) {
  const values = product.options.flatMap((o) => o.values.map((value) => ({ option: o.name, value })));
  const byLabel = new Map(values.map((v) => [normalize(v.value), v]));
  let size: { option: string; value: string } | null = null;
  if (measurement.values.length === 1) {
    for (const m of sentence.matchAll(LABELLED_RANGE)) {
      const label = byLabel.get(normalize(m[1]));
      if (label && withinRange(measurement.values[0], m[2], m[3])) {
        size = label;
        break;
      }
    }
  } else {
    const clause = sentence.split(/[,;]/).find((part) => holds(part, measurement)) ?? "";
    const plain = normalize(clause);
    size =
      values.find(
        (v) =>
          /\d/.test(v.value) &&
          !sameMeasurement(v.value, measurement.text) &&
          plain.includes(normalize(v.value).replace(/\s*cm$/, "")),
      ) ?? null;
  }
  return { quote: sentence, size: size?.value ?? null, option: size?.option ?? null, measurement: measurement.text };
}
