/**
 * Durations and counts as shops write them, in English, Spanish and French: "5–10 business days",
 * "within 1 business day", "24-48 h", "thirty days", "de 3 a 5 días hábiles", "sous 14 jours".
 * Read from normalised text (lower case, accents folded; see preprocess.normalize).
 */
import { NUMBER_WORDS as SMALL_NUMBER_WORDS } from "../catalog/lexicon";

export type DurationUnit = "hours" | "days" | "business_days" | "weeks" | "months" | "years";

export interface DurationRange {
  min: number;
  max: number;
  unit: DurationUnit;
}

// Durations in a shop's text run past ten ("quatorze jours", "30 días", "ninety days").
const NUMBER_WORDS: Record<string, number> = {
  ...SMALL_NUMBER_WORDS,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  catorce: 14,
  quatorze: 14,
  quince: 15,
  quinze: 15,
  veinte: 20,
  vingt: 20,
  treinta: 30,
  trente: 30,
  sesenta: 60,
  soixante: 60,
  noventa: 90,
  "quatre-vingt-dix": 90,
};

const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
// "business days", "working days", "días hábiles/laborables", "jours ouvrés/ouvrables".
const UNIT =
  "(business\\s+days?|working\\s+days?|calendar\\s+days?|days?|hours?|hrs?|h|weeks?|months?|years?|" +
  "dias\\s+(?:habiles|laborables)|dias?|horas?|semanas?|mes(?:es)?|anos?|" +
  "jours?\\s+(?:ouvres|ouvrables)|jours?|heures?|semaines?|mois|ans?|annees?)";
const RANGE_JOIN = "\\s*(?:[–—-]|to|a|al|y|et|ou|or)\\s*";

/** "5–10 business days", "1 business day", "24-48h", "3 à 5 jours ouvrés" (text normalised). */
export const DURATION_PATTERN = new RegExp(
  `\\b(?:de\\s+|entre\\s+|between\\s+)?${NUMBER}(?:${RANGE_JOIN}${NUMBER})?\\s*[- ]?${UNIT}(?![a-z])`,
  "g",
);

export function toNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

export function toUnit(word: string): DurationUnit {
  const w = word.replace(/\s+/g, " ");
  if (/^(business|working) day|^dias? (habiles|laborables)|^jours? (ouvres|ouvrables)/.test(w)) return "business_days";
  if (/^(hours?|hrs?|h|horas?|heures?)$/.test(w)) return "hours";
  if (/^(weeks?|semanas?|semaines?)$/.test(w)) return "weeks";
  if (/^(months?|mes(es)?|mois)$/.test(w)) return "months";
  if (/^(years?|anos?|ans?|annees?)$/.test(w)) return "years";
  return "days";
}

/** Every duration in the (normalised) text, in order, with where it was found. */
export function findDurations(normalized: string): (DurationRange & { index: number; text: string })[] {
  const found: (DurationRange & { index: number; text: string })[] = [];
  for (const match of normalized.matchAll(DURATION_PATTERN)) {
    const first = toNumber(match[1]);
    const second = match[2] ? toNumber(match[2]) : first;
    if (first === null || second === null) continue;
    found.push({
      min: Math.min(first, second),
      max: Math.max(first, second),
      unit: toUnit(match[3]),
      index: match.index ?? 0,
      text: match[0],
    });
  }
  return found;
}

/** Calendar days a range's upper bound spans at most (business days count as calendar days ÷ 5 × 7). */
export function upperBoundInDays(range: DurationRange): number {
  const perUnit: Record<DurationUnit, number> = {
    hours: 1 / 24,
    days: 1,
    business_days: 7 / 5,
    weeks: 7,
    months: 31,
    years: 366,
  };
  return range.max * perUnit[range.unit];
}
