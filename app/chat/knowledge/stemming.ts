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

/** The word's stem in `language` (words with digits and very short words are kept whole). */
export function stemIn(word: string, language: Language): string {
  if (word.length <= 2 || /\d/.test(word)) return word;
  const key = `${language}:${word}`;
  let stem = cache.get(key);
  if (stem === undefined) {
    let stemmer = stemmers.get(language);
    if (!stemmer) stemmers.set(language, (stemmer = snowball.newStemmer(ALGORITHM[language])));
    stem = stemmer.stem(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, stem);
  }
  return stem;
}
