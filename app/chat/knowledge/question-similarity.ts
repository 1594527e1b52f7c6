/**
 * How close two shopper questions are in meaning, for approved answers and for grouping the
 * questions the bot could not answer. Both go through the retrieval's own normalisation (stop
 * words, per-language stemming, the support lexicon's pivots), a word counts by how rare it is
 * in shoppers' messages (IDF over the shipped intent corpus, counted once by
 * npm run build:term-frequencies), and a word is met by the same term,
 * a WordNet synonym, the retrieval's widening of support words, a near spelling, or a word close
 * in meaning by the word-vector table ("reserve" for "hold", "big" for "large"). The score is
 * the geometric mean of the two ways' weighted coverage (a cosine of sorts): a paraphrase that
 * adds or drops a common word still scores high; a question that shares one word with another
 * but is about something else does not. (F1 and the minimum of the two were tried on the
 * validation pairs: both matched fewer paraphrases with no wrong match.) Two questions that each
 * ask about a support aspect the other lacks (refund / certificate, returns / loyalty) are apart
 * whatever else they share; one side alone is not enough ("is it safe in the microwave" / "can
 * it go in the microwave": rejecting those cost more paraphrases than it saved). So are two that
 * each have a word nothing on the other side comes near.
 */
import { expansionsOf, languageOf, terms, textWords } from "./text";
import { pivotOf, SUBJECT_ONLY } from "./lexicon";
import { stemIn } from "./stemming";
import { editDistance, typoAllowance } from "../preprocess";
import frequencies from "./shopper-term-frequencies.json";
import { synonymsOf } from "./synonyms";
import { LINK_FLOOR, areSisterTerms, termCloseness, wordNetLink } from "./word-vectors";

export interface QuestionProfile {
  terms: string[];
  /** Order numbers, SKUs and other codes ("1042", "#A-77", "sku12"): two questions with different codes are different questions. */
  codes: string[];
  /** What the question asks about, in the support lexicon's words (weight, refund, wash, size…). */
  aspects: string[];
}

/** A synonym or a near spelling meets a word, but counts less than the word itself. */
const SYNONYM_CREDIT = 0.8;
const SPELLING_CREDIT = 0.8;

const CODE = /^(?=.*\d)[a-z0-9-]*$/;

/**
 * Words that frame a request without saying what it is about ("do you offer…", "is it possible
 * to…", "can someone…"): retrieval keeps them (a policy sentence may hinge on "available"), a
 * comparison of two questions must not let them decide.
 */
const FRAMING_WORDS =
  "offer offered provide possible possibly available allowed able way someone anyone somebody anybody consider would could will shall might also option options service services anymore " +
  // English function words the retrieval's stop list leaves in (NLTK's list has them all)
  "through after before during above below up down out off over under again further once own same such only few more most both each all nor other";
let framing: Set<string> | null = null;
const isFraming = (term: string) => (framing ??= new Set(terms(FRAMING_WORDS, "en"))).has(term);

export function questionProfile(text: string): QuestionProfile {
  const all = [...new Set(terms(text))].filter((t) => !isFraming(t));
  const codes = all.filter((t) => CODE.test(t) && (/[a-z]/.test(t) || t.replace(/\D/g, "").length >= 3));
  const language = languageOf(text);
  const pivots = textWords(text)
    .map((w) => pivotOf(w, language))
    .filter((p): p is string => p !== null && !SUBJECT_ONLY.has(p));
  const aspects = [...new Set(pivots.map((p) => stemIn(p, "en")))].filter((t) => all.includes(t));
  return { terms: all.filter((t) => !codes.includes(t)), codes, aspects };
}

export interface TermFrequencies {
  documents: number;
  /** How many of the documents each term occurs in. */
  df: Record<string, number>;
}

/** Document frequencies of terms over texts: what scripts/build-term-frequencies.ts writes for the shipped corpus. */
export function countTermFrequencies(texts: string[]): TermFrequencies {
  const df: Record<string, number> = {};
  for (const text of texts) for (const term of new Set(terms(text))) df[term] = (df[term] ?? 0) + 1;
  return { documents: texts.length, df };
}

const shipped = frequencies as TermFrequencies;

/** A term's weight: rare words ("embroider", "deposit") say more about a question than common ones ("order"), by IDF over the shipped shopper messages. */
export function termWeight(term: string): number {
  return Math.log((shipped.documents + 1) / ((shipped.df[term] ?? 0) + 1)) + 1;
}

/** The two sides of one exchange: the shop sells what the shopper buys ("do you sell…?" / "can I buy…?"). */
const CONVERSES = [
  ["sell", "buy"],
  ["send", "receive"],
  ["give", "get"],
  ["teach", "learn"],
  ["lend", "borrow"],
  ["rent", "hire"],
];
let converse: Map<string, string> | null = null;
function converseOf(term: string): string | undefined {
  if (!converse) {
    converse = new Map();
    for (const [a, b] of CONVERSES) {
      const [ta, tb] = [terms(a, "en")[0] ?? a, terms(b, "en")[0] ?? b];
      converse.set(ta, tb).set(tb, ta);
    }
  }
  return converse.get(term);
}

/** WordNet synonyms, the retrieval's own widening of support words ("arrive" → delivery), or the other side of an exchange. */
function areSynonyms(a: string, b: string): boolean {
  return (
    synonymsOf(a).includes(b) ||
    synonymsOf(b).includes(a) ||
    expansionsOf(a).includes(b) ||
    expansionsOf(b).includes(a) ||
    converseOf(a) === b
  );
}

function nearSpelling(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  // "zip"/"zipper", "clean"/"cleanup": one term starts with the whole of the other.
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const allowance = Math.min(typoAllowance(a), typoAllowance(b));
  return allowance > 0 && editDistance(a, b, allowance) <= allowance;
}

/** How well one term meets another by its words: 1 the same, less a synonym or a near spelling, else 0. */
function wordCredit(a: string, b: string): number {
  if (a === b) return 1;
  if (areSynonyms(a, b)) return SYNONYM_CREDIT;
  if (nearSpelling(a, b)) return SPELLING_CREDIT;
  return 0;
}

/**
 * Words that mean the same without being WordNet synonyms of the shipped table or near
 * spellings ("big"/"large", "hold"/"reserve", "coat"/"jacket", "translate"/"interpret") are met
 * through the word-vector table (knowledge/word-vectors.ts). GloVe puts related words close,
 * not only synonyms ("Sunday"/"Monday" 0.91, "hold"/"reserve" 0.55), so: two kinds of one thing
 * never meet; a WordNet link in any sense counts when the vectors agree the words are related
 * (rare senses link unrelated words: "order"/"club"); the vectors alone count only from
 * MEANING_FLOOR up, rising to the synonym credit at MEANING_FULL. These figures, and 0.65 for an
 * approved answer, were chosen on tests/fixtures/learning/validation.jsonl (scripts/approved-threshold.ts).
 */
const WORDNET_SYNONYM_CREDIT = 0.8;
/** One word a kind of the other ("teacher"/"educator"): close, but a question about books is not one about notebooks. */
const WORDNET_KIND_CREDIT = 0.5;
const MEANING_FLOOR = 0.5;
const MEANING_FULL = 0.9;

function meaningCredit(a: string, b: string): number {
  const closeness = termCloseness(a, b);
  if (closeness === null || closeness < LINK_FLOOR || areSisterTerms(a, b)) return 0;
  const link = wordNetLink(a, b);
  let best = link === "synonym" ? WORDNET_SYNONYM_CREDIT : link === "kind" ? WORDNET_KIND_CREDIT : 0;
  if (closeness >= MEANING_FLOOR)
    best = Math.max(best, SYNONYM_CREDIT * Math.min(1, (closeness - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR)));
  return best;
}

/** Pair credits, kept across calls: the same few hundred words come back in every comparison. */
const pairCredits = new Map<string, number>();
const PAIR_CACHE_SIZE = 100_000;

/** How well two terms meet, by their words or their meaning (the same both ways). */
function pairCredit(a: string, b: string): number {
  if (a === b) return 1;
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  let value = pairCredits.get(key);
  if (value === undefined) {
    value = Math.max(wordCredit(a, b), meaningCredit(a, b));
    if (pairCredits.size >= PAIR_CACHE_SIZE) pairCredits.clear();
    pairCredits.set(key, value);
  }
  return value;
}

/** How well `term` is met among `others`. */
function credit(term: string, others: string[]): number {
  let best = 0;
  for (const other of others) if ((best = Math.max(best, pairCredit(term, other))) === 1) break;
  return best;
}

/** An aspect is asked about on the other side when a word there comes close to a synonym of it. */
const ASPECT_MET = 0.5;

/** Share of `from`'s weight that `to` covers. */
function coverage(from: string[], to: string[]): number {
  let total = 0;
  let met = 0;
  for (const term of from) {
    const weight = termWeight(term);
    total += weight;
    met += weight * credit(term, to);
  }
  return total === 0 ? 0 : met / total;
}

/**
 * 0–1: how likely two questions ask the same thing. Different codes (order numbers, SKUs) score 0.
 * (Weighting one side's coverage more, 0.6–0.8 of the exponent, matched no more validation
 * paraphrases without a wrong match than the even mean.)
 */
export function questionSimilarity(left: QuestionProfile, right: QuestionProfile): number {
  const sameCodes = left.codes.length === right.codes.length && left.codes.every((c) => right.codes.includes(c));
  if (!sameCodes) return 0;
  // Each asks about something the other never mentions ("is it microwave safe" / "is it dishwasher safe"): different questions.
  const unmetAspect = (from: QuestionProfile, to: QuestionProfile) =>
    from.aspects.some((a) => credit(a, to.terms) < ASPECT_MET);
  if (unmetAspect(left, right) && unmetAspect(right, left)) return 0;
  // Likewise for any word that nothing on the other side comes near ("book" / "cancel" a fitting).
  const unmetTerm = (from: QuestionProfile, to: QuestionProfile) => from.terms.some((t) => credit(t, to.terms) === 0);
  if (unmetTerm(left, right) && unmetTerm(right, left)) return 0;
  const forward = coverage(left.terms, right.terms);
  const backward = coverage(right.terms, left.terms);
  return Math.sqrt(forward * backward);
}
