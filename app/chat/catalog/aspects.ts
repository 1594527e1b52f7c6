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
        // "410 g", "45 heures", "-25°f": a number with the aspect's unit.
        units: unitPattern ? new RegExp(`\\d(?:[\\d.,]*\\d)?\\s?(?:${unitPattern})(?![\\p{L}])`, "u") : null,
      },
    ];
  }),
);

const QUESTIONS = new Map<OfferQuestion, PerLanguage>(
  (["price", "amount", "sale", "stock", "compare"] as const).map((q) => [q, perLanguage(lexicon.questions[q])]),
);

export const ALL_ASPECTS = [...ASPECTS.keys()];

/** Positions of the entries among the tokens (and their stems), longest phrases first, each token used once. */
function findEntries(tokens: string[], stems: string[], list: Entry[], used: boolean[]): number[] {
  const hits: number[] = [];
  for (const entry of [...list].sort((a, b) => b.length - a.length)) {
    for (let i = 0; i + entry.length <= stems.length; i++) {
      if (entry.every((w, k) => (w.exact ? tokens[i + k] : stems[i + k]) === w.form && !used[i + k])) {
        for (let k = 0; k < entry.length; k++) used[i + k] = true;
        hits.push(i);
      }
    }
  }
  return hits;
}

export interface AskedFacts {
  aspects: Set<Aspect>;
  price: boolean;
  sale: boolean;
  stock: boolean;
  /** "What's the difference between…": the products are described side by side. */
  compare: boolean;
  /** The question's tokens that named an aspect or an offer question: they ask *what*, not *about what*. */
  aspectTokens: Set<string>;
}

/**
 * What the question asks: aspects of the product, and its price, sale or stock. Words are read in
 * the question's language and in English (shoppers borrow "waterproof" or "stock" in any language);
 * a phrase wins over its words ("how long does it last" is a duration, not a length).
 */
export function askedFacts(text: string, language: Language): AskedFacts {
  const tokens = tokenize(normalize(text));
  const asked: AskedFacts = {
    aspects: new Set(),
    price: false,
    sale: false,
    stock: false,
    compare: false,
    aspectTokens: new Set(),
  };
  const languages = language === "en" ? (["en"] as Language[]) : [language, "en" as Language];
  let amount = false;
  // Phrases of every list first, so their words aren't read again on their own.
  const lists: { list: Entry[]; language: Language; mark: () => void }[] = [];
  for (const l of languages) {
    for (const [name, words] of ASPECTS)
      lists.push({ list: words.asked[l], language: l, mark: () => asked.aspects.add(name) });
    for (const [name, words] of QUESTIONS)
      lists.push({
        list: words[l],
        language: l,
        mark: () => {
          if (name === "amount") amount = true;
          else asked[name] = true;
        },
      });
  }
  const stemsIn = new Map(languages.map((l) => [l, tokens.map((w) => stemIn(w, l))]));
  const used = new Map(languages.map((l) => [l, tokens.map(() => false)]));
  for (const multiWord of [true, false]) {
    for (const { list, language: l, mark } of lists) {
      const wanted = list.filter((e) => e.length > 1 === multiWord);
      const hits = findEntries(tokens, stemsIn.get(l)!, wanted, used.get(l)!);
      if (hits.length > 0) mark();
    }
  }
  for (const l of languages) used.get(l)!.forEach((u, i) => u && asked.aspectTokens.add(tokens[i]));
  // "How much does it weigh?" asks a weight; "how much is it?" a price.
  if (amount && asked.aspects.size === 0) asked.price = true;
  if (asked.sale) asked.price = true;
  return asked;
}

/** Whether `sentence` (of a description, or an option's name) states the aspect, in any of the languages. */
export function statesAspect(sentence: string, aspect: Aspect): boolean {
  const words = ASPECTS.get(aspect)!;
  if (words.units?.test(normalize(sentence))) return true;
  const tokens = tokenize(normalize(sentence));
  return LANGUAGES.some((l) => {
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
}
