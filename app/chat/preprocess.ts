/**
 * Stage 1 of the pipeline: turn what the shopper typed into something the later stages can
 * compare — normalised text, word tokens, content tokens without stop words, and the language.
 */
import { boundedMemo } from "./bounded-memo";

export type Language = "en" | "es" | "fr";
export const LANGUAGES: Language[] = ["en", "es", "fr"];

export interface Preprocessed {
  /** Exactly what the shopper typed (trimmed). */
  original: string;
  /** NFKC, lower case, accents folded, whitespace collapsed. */
  normalized: string;
  tokens: string[];
  /** tokens minus the language's stop words (falls back to tokens if nothing is left). */
  contentTokens: string[];
  language: Language;
  /** The cues for each language behind `language`, to judge whether a conversation switched. */
  languageScores: Record<Language, number>;
}

// Function words only: question words, negations and verbs that carry intent ("where", "not",
// "cancel", "return") stay in, because they are what tells intents apart.
const STOP_WORDS: Record<Language, Set<string>> = {
  en: new Set(
    (
      "a an the and or but so of to in on at for from with by about as into than then this that these those " +
      "i me my mine we us our you your yours he him his she her it its they them their " +
      "am is are was were be been being do does did have has had will would shall should could may might must " +
      "just really very also too please pls plz thanks hey hello oh ok okay um uh like well there here some any"
    ).split(" "),
  ),
  es: new Set(
    (
      "el la los las un una unos unas y o pero de del al a en con por para sobre como que se mi mis tu tus su sus " +
      "yo me te le les lo nos es son fue ser estar esta este esto estos estas ha he hay muy tambien ya por favor " +
      "gracias hola pues bueno"
    ).split(" "),
  ),
  fr: new Set(
    (
      "le la les l un une des du de d et ou mais a au aux en dans sur pour par avec que qu qui se s ce c cet cette ces " +
      "je j me m moi tu te t toi il elle on nous vous ils elles mon ma mes ton ta tes son sa ses notre votre leur " +
      "est sont etait etre avoir ai as ont suis y tres aussi deja svp merci bonjour salut bon alors"
    ).split(" "),
  ),
};

// Words that say which language a message is in (function words, question words, greetings,
// common verbs). A word cued for several languages ("un", "que", "la") counts as a share for each,
// so it never decides between them on its own.
const LANGUAGE_CUES: Record<Language, string[]> = {
  en: (
    "the my is are where what when how can you order please i have it to do does not and with " +
    "hi hello thanks want need get your was why which long much many"
  ).split(" "),
  // Not "no": it is English too, and a bare "no" is no reason to answer in Spanish.
  es: (
    "el la los las mi mis es esta donde cuando como puedo quiero pedido hola gracias por para que " +
    "tengo mi devolver envio necesito un una del con ayuda cuanto cuanta cuantos cuantas cual cuales porque " +
    "tiene tienen hay puede pueden en dos vez veces ya todavia pero muy nos"
  ).split(" "),
  fr: (
    "le la les mon ma mes est ou quand comment puis je veux commande bonjour merci pour que pas " +
    "ne j ai suis une des du avec aide votre vous combien quel quelle quels quelles pourquoi dans au aux " +
    "il elle c qu peux peut sont un en ce cette avez avons"
  ).split(" "),
};
const CUE_SETS = Object.fromEntries(LANGUAGES.map((l) => [l, new Set(LANGUAGE_CUES[l])])) as Record<
  Language,
  Set<string>
>;
const CUE_SHARERS = new Map<string, number>();
for (const lang of LANGUAGES) for (const cue of CUE_SETS[lang]) CUE_SHARERS.set(cue, (CUE_SHARERS.get(cue) ?? 0) + 1);

/**
 * NFKC, lower case, strip accents, straighten quotes, collapse whitespace. The shop's texts
 * (descriptions, rates, region names) come back on every message, so results are remembered,
 * within bounds on entries and characters (`rememberedNormalizations`).
 */
export function normalize(text: string): string {
  return rememberedNormalizations(text);
}

export const rememberedNormalizations = boundedMemo((text) => normalizeNow(text), {
  maxEntries: 20_000,
  maxCharacters: 1_000_000,
});

function normalizeNow(text: string): string {
  return foldAccents(text.normalize("NFKC").toLowerCase())
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d«»]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * Word tokens of normalised text. French elisions ("l'ordre", "qu'il") split off the article;
 * other apostrophes are dropped so "where's" and "wheres" become the same token.
 */
export function tokenize(normalized: string): string[] {
  const split = normalized.replace(/\b(l|d|j|n|s|c|m|t|qu)'(?=[a-z])/g, "$1 ").replace(/'/g, "");
  return split.match(/[a-z0-9]+/g) ?? [];
}

/** Cue words and letters of each language in the text. */
export function languageScores(original: string, tokens: string[]): Record<Language, number> {
  const scores: Record<Language, number> = { en: 0, es: 0, fr: 0 };
  for (const token of tokens) {
    const share = 1 / (CUE_SHARERS.get(token) ?? 1);
    for (const lang of LANGUAGES) if (CUE_SETS[lang].has(token)) scores[lang] += share;
  }
  if (/[ñ¿¡]/i.test(original)) scores.es += 2;
  if (/[çèêëàâîïôûœ]/i.test(original)) scores.fr += 2;
  if (/[áíóú]/i.test(original)) scores.es += 1;
  return scores;
}

export function detectLanguage(original: string, tokens: string[]): Language {
  return bestLanguage(languageScores(original, tokens));
}

function bestLanguage(scores: Record<Language, number>): Language {
  const best = LANGUAGES.reduce((a, b) => (scores[b] > scores[a] ? b : a), "en" as Language);
  // English wins ties: most shoppers write English and short fragments carry little signal.
  return scores[best] > scores.en ? best : "en";
}

/** `text` with email addresses and links blanked out: they are neither words nor codes of the message. */
export function withoutAddressesOrLinks(text: string): string {
  return text.replace(/\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/gi, " ");
}

export function removeStopWords(tokens: string[], language: Language): string[] {
  const stop = STOP_WORDS[language];
  const kept = tokens.filter((t) => !stop.has(t) && !STOP_WORDS.en.has(t));
  return kept.length > 0 ? kept : tokens;
}

export function preprocess(text: string): Preprocessed {
  const original = text.trim();
  const normalized = normalize(original);
  const tokens = tokenize(normalized);
  // An email address or a link says nothing about the language ("j.dubois@…" is not French).
  const prose = withoutAddressesOrLinks(original);
  const scores = languageScores(prose, prose === original ? tokens : tokenize(normalize(prose)));
  const language = bestLanguage(scores);
  return {
    original,
    normalized,
    tokens,
    contentTokens: removeStopWords(tokens, language),
    language,
    languageScores: scores,
  };
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once it exceeds `max`: how misspelled product names and keywords are matched.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many typos we forgive in a word of this length. */
export function typoAllowance(word: string): number {
  if (word.length <= 4) return 0;
  if (word.length <= 7) return 1;
  return 2;
}

export function fuzzyEquals(a: string, b: string): boolean {
  if (a === b) return true;
  const allowance = Math.min(typoAllowance(a), typoAllowance(b));
  return allowance > 0 && editDistance(a, b, allowance) <= allowance;
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
