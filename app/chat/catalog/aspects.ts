/**
 * Which fact about a product a question asks for, and whether a sentence of the product's own text
 * states that fact. The words are language data (aspect-lexicon.json), matched after the Snowball
 * stemming of each language, so "washable", "lavable" and "lavage" meet their aspect.
 */
import type { Language } from "../preprocess";
import { normalize, tokenize } from "../preprocess";
import { stemIn } from "../knowledge/stemming";
import lexicon from "./aspect-lexicon.json";

export type Aspect = keyof typeof lexicon.aspects;
type OfferQuestion = "price" | "amount" | "sale" | "stock" | "compare";

const LANGUAGES: Language[] = ["en", "es", "fr"];

/**
 * A lexicon entry as the stems of its words in its language ("come with" → ["come", "with"]); a
 * word written "=tienen" is matched as written, not by its stem (which "tiene" shares).
 */
type Entry = { form: string; exact: boolean }[];

function entries(list: string, language: Language): Entry[] {
  return list
    .split(",")
    .map((phrase) =>
      phrase
        .trim()
        .split(/\s+/)
        .flatMap((word) => {
          const exact = word.startsWith("=");
          return tokenize(normalize(word.replace(/^=/, ""))).map((w) => ({
            form: exact ? w : stemIn(w, language),
            exact,
          }));
        }),
    )
    .filter((e) => e.length > 0);
}

type PerLanguage = Record<Language, Entry[]>;
const perLanguage = (lists: Record<Language, string>): PerLanguage =>
  Object.fromEntries(LANGUAGES.map((l) => [l, entries(lists[l], l)])) as PerLanguage;

interface AspectWords {
  asked: PerLanguage;
  answered: PerLanguage;
  units: RegExp | null;
}

const ASPECTS = new Map<Aspect, AspectWords>(
  (Object.entries(lexicon.aspects) as [Aspect, (typeof lexicon.aspects)[Aspect]][]).map(([name, data]) => {
    const units = "units" in data ? data.units.split(",").map((u) => normalize(u.trim())) : [];
    const unitPattern = units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    return [
      name,
      {
        asked: perLanguage(data.asked),
        answered: perLanguage(data.answered),
        // "410 g", "45 heures", "-25°f", "400-lumen": a number with the aspect's unit.
        units: unitPattern ? new RegExp(`\\d(?:[\\d.,]*\\d)?[\\s-]?(?:${unitPattern})(?![\\p{L}])`, "u") : null,
      },
    ];
  }),
);

const QUESTIONS = new Map<OfferQuestion, PerLanguage>(
  (["price", "amount", "sale", "stock", "compare"] as const).map((q) => [q, perLanguage(lexicon.questions[q])]),
);

export const ALL_ASPECTS = [...ASPECTS.keys()];

/** A lexicon list longest phrase first (a stable sort, done once per list: the lists never change). */
function longestFirst(list: Entry[]): Entry[] {
  let sorted = sortedLists.get(list);
  if (!sorted) sortedLists.set(list, (sorted = [...list].sort((a, b) => b.length - a.length)));
  return sorted;
}
const sortedLists = new WeakMap<Entry[], Entry[]>();

/** Where the entries are among the tokens (and their stems), longest phrases first, each token used once. */
function findEntries(
  tokens: string[],
  stems: string[],
  list: Entry[],
  used: boolean[],
): { at: number; length: number }[] {
  const hits: { at: number; length: number }[] = [];
  for (const entry of longestFirst(list)) {
    for (let i = 0; i + entry.length <= stems.length; i++) {
      if (entry.every((w, k) => (w.exact ? tokens[i + k] : stems[i + k]) === w.form && !used[i + k])) {
        for (let k = 0; k < entry.length; k++) used[i + k] = true;
        hits.push({ at: i, length: entry.length });
      }
    }
  }
  return hits;
}

export interface AskedFacts {
  aspects: Set<Aspect>;
  /**
   * The aspects in groups of alternatives: one word may name several ("taille" is a size or the
   * dimensions), and the product's text says which; a group is answered when one of them is.
   */
  groups: Aspect[][];
  price: boolean;
  sale: boolean;
  stock: boolean;
  /** "What's the difference between…": the products are described side by side. */
  compare: boolean;
  /** The question's tokens that named an aspect or an offer question: they ask *what*, not *about what*. */
  aspectTokens: Set<string>;
}

type Asking = Aspect | OfferQuestion;

/**
 * What the question asks: aspects of the product, and its price, sale or stock. Words are read in
 * the question's language and in English (shoppers borrow "waterproof" or "stock" in any language).
 * A phrase wins over its words ("how long does it last" is a duration, not a length); a single word
 * may ask for more than one aspect.
 */
export function askedFacts(text: string, language: Language): AskedFacts {
  const key = `${language}\u0000${text}`;
  let facts = recentlyAsked.get(key);
  if (!facts) {
    facts = readAskedFacts(text, language);
    if (recentlyAsked.size >= RECENTLY_ASKED) recentlyAsked.clear();
    recentlyAsked.set(key, facts);
  }
  // A copy: callers add the product's own aspects to theirs.
  return {
    ...facts,
    aspects: new Set(facts.aspects),
    groups: facts.groups.map((group) => [...group]),
    aspectTokens: new Set(facts.aspectTokens),
  };
}

/** A message's question is read by several answers (and the pipeline): the last few readings are kept. */
const RECENTLY_ASKED = 16;
const recentlyAsked = new Map<string, AskedFacts>();

/** One list of askedFacts's lexicon, split once: its phrases longest first, its single words as sets. */
interface AskingList {
  name: Asking;
  language: Language;
  phrases: Entry[];
  exactWords: Set<string>;
  stemWords: Set<string>;
}

function askingList(name: Asking, language: Language, list: Entry[]): AskingList {
  const words = list.filter((e) => e.length === 1).map(([w]) => w);
  return {
    name,
    language,
    phrases: list.filter((e) => e.length > 1).sort((a, b) => b.length - a.length),
    exactWords: new Set(words.filter((w) => w.exact).map((w) => w.form)),
    stemWords: new Set(words.filter((w) => !w.exact).map((w) => w.form)),
  };
}

/** The lists a question in each language is read with: its own language's, then English's. */
const ASKING_LISTS = new Map<Language, AskingList[]>(
  LANGUAGES.map((language) => {
    const languages = language === "en" ? (["en"] as Language[]) : [language, "en" as Language];
    const lists: AskingList[] = [];
    for (const l of languages) {
      for (const [name, words] of ASPECTS) lists.push(askingList(name, l, words.asked[l]));
      for (const [name, words] of QUESTIONS) lists.push(askingList(name, l, words[l]));
    }
    return [language, lists];
  }),
);

function readAskedFacts(text: string, language: Language): AskedFacts {
  const tokens = tokenize(normalize(text));
  const languages = language === "en" ? (["en"] as Language[]) : [language, "en" as Language];
  const lists = ASKING_LISTS.get(language)!;
  const stemsIn = new Map(languages.map((l) => [l, tokens.map((w) => stemIn(w, l))]));
  const inPhrase = tokens.map(() => false);
  /** Which aspects and questions each token asks for. */
  const askedAt = tokens.map(() => new Set<Asking>());
  const note = (name: Asking, at: number, length: number) => {
    for (let k = 0; k < length; k++) askedAt[at + k].add(name);
  };
  // Phrases first; then single words outside phrases, in every list that has them.
  for (const { phrases, language: l, name } of lists) {
    if (phrases.length === 0) continue;
    // A phrase may ask for several aspects ("what size": the fit or the dimensions).
    for (const { at, length } of findEntries(
      tokens,
      stemsIn.get(l)!,
      phrases,
      tokens.map(() => false),
    )) {
      for (let k = 0; k < length; k++) inPhrase[at + k] = true;
      note(name, at, length);
    }
  }
  for (const { exactWords, stemWords, language: l, name } of lists) {
    const stems = stemsIn.get(l)!;
    for (let i = 0; i < tokens.length; i++)
      if (!inPhrase[i] && (stemWords.has(stems[i]) || exactWords.has(tokens[i]))) note(name, i, 1);
  }
  const named = new Set(askedAt.flatMap((set) => [...set]));
  const isAspect = (name: Asking): name is Aspect => ASPECTS.has(name as Aspect);
  const groups: Aspect[][] = [];
  for (const set of askedAt) {
    const aspects = [...set].filter(isAspect);
    if (aspects.length === 0) continue;
    const joined = groups.find((g) => aspects.some((a) => g.includes(a)));
    if (!joined) groups.push(aspects);
    else for (const a of aspects) if (!joined.includes(a)) joined.push(a);
  }
  const aspects = new Set(groups.flat());
  return {
    aspects,
    groups,
    // "How much does it weigh?" asks a weight; "how much is it?" a price.
    price: named.has("price") || named.has("sale") || (named.has("amount") && aspects.size === 0),
    sale: named.has("sale"),
    stock: named.has("stock"),
    compare: named.has("compare"),
    aspectTokens: new Set(tokens.filter((_, i) => askedAt[i].size > 0)),
  };
}

/**
 * How clearly `sentence` (of a description, or an option with its values) states the aspect, in
 * any of the languages: 0 not at all, 1 by a word ("insulation") or a number with its unit
 * ("200 g"), 2 by both ("Comfort-rated to -25°F").
 */
export function statesAspect(sentence: string, aspect: Aspect): number {
  // The shop's sentences come back on every product question: each one read once per aspect.
  let stated = statedAspects.get(aspect);
  if (!stated) statedAspects.set(aspect, (stated = new Map()));
  let found = stated.get(sentence);
  if (found === undefined) {
    if (stated.size >= STATED_ASPECTS) stated.clear();
    stated.set(sentence, (found = readStatedAspect(sentence, aspect)));
  }
  return found;
}

/** Sentences remembered per aspect (a product question reads every sentence of the product's text). */
const STATED_ASPECTS = 20_000;
const statedAspects = new Map<Aspect, Map<string, number>>();

function readStatedAspect(sentence: string, aspect: Aspect): number {
  const words = ASPECTS.get(aspect)!;
  const byUnit = words.units?.test(normalize(sentence)) ? 1 : 0;
  const tokens = tokenize(normalize(sentence));
  const byWord = LANGUAGES.some((l) => {
    const stems = tokens.map((w) => stemIn(w, l));
    return (
      findEntries(
        tokens,
        stems,
        words.answered[l],
        stems.map(() => false),
      ).length > 0
    );
  });
  return byUnit + (byWord ? 1 : 0);
}

const SOLD_SEPARATELY = perLanguage(lexicon.soldSeparately);

/** Whether the sentence says something is sold separately or not included ("Footprint sold separately."). */
export function saysSoldSeparately(sentence: string): boolean {
  const tokens = tokenize(normalize(sentence));
  return LANGUAGES.some((l) => {
    const stems = tokens.map((w) => stemIn(w, l));
    return (
      findEntries(
        tokens,
        stems,
        SOLD_SEPARATELY[l],
        stems.map(() => false),
      ).length > 0
    );
  });
}
