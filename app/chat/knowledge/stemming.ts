/**
 * Snowball stemmers for the shop's languages (snowball-stemmers: the Snowball project's English,
 * Spanish and French algorithms), so "washable"/"washing", "devoluciones"/"devolver" and
 * "remboursement"/"rembourser" meet. Stems are cached: the same few thousand words recur.
 */
import snowball from "snowball-stemmers";
import type { Language } from "../preprocess";

const ALGORITHM: Record<Language, string> = { en: "english", es: "spanish", fr: "french" };
const stemmers = new Map<Language, { stem(word: string): string }>();
const cache = new Map<string, string>();

/**
 * Text reaches the stemmer accent-folded (preprocess.normalize), but Snowball reads accented
 * endings: French "livrée" loses "-ée" while folded "livree" only loses its last "e", and Spanish
 * "devolución" meets "devoluciones" while "devolucion" is kept whole. So the few endings whose
 * accent is certain are written back before stemming.
 */
const ACCENTED_ENDINGS: Partial<Record<Language, [RegExp, string][]>> = {
  fr: [[/ee(s?)$/, "ée$1"]],
  es: [[/([cs])ion$/, "$1ión"]],
};

function withAccentedEnding(word: string, language: Language): string {
  for (const [ending, accented] of ACCENTED_ENDINGS[language] ?? []) {
    if (ending.test(word)) return word.replace(ending, accented);
  }
  return word;
}

/** The word's stem in `language` (words with digits and very short words are kept whole). */
export function stemIn(word: string, language: Language): string {
  return cachedStem(word, language, true);
}

/**
 * Snowball's stem of the folded word as it is, without its accented ending written back: for
 * comparisons that must not merge a participle with its noun ("parfumée",
 * scented, in a product's name, and "parfum", the scent a shopper asks about).
 */
export function foldedStemIn(word: string, language: Language): string {
  return cachedStem(word, language, false);
}

function cachedStem(word: string, language: Language, accented: boolean): string {
  if (word.length <= 2 || /\d/.test(word)) return word;
  const key = `${accented ? "" : "~"}${language}:${word}`;
  let stem = cache.get(key);
  if (stem === undefined) {
    let stemmer = stemmers.get(language);
    if (!stemmer) stemmers.set(language, (stemmer = snowball.newStemmer(ALGORITHM[language])));
    stem = stemmer.stem(accented ? withAccentedEnding(word, language) : word);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, stem);
  }
  return stem;
}
