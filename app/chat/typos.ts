/**
 * A shopper's slip of the keyboard fixed before the rules and the shop search read the message
 * ("what's your retrun policy?", "how much is shippnig?"). The intent model already reads past
 * typos (its own spelling corrector); the phrase rules and the search of the shop's text match
 * words as written, so a typo there made a known question unanswerable.
 *
 * Only a word nobody knows is changed: not a real English, French or Spanish word in any form
 * (knowledge/known-words.ts), not one of the shop's own words (its catalog, policies, FAQ), not a
 * name (capitalised inside a sentence), nothing in an email address, a link or a token with digits.
 * The correction is the most frequent word within one edit that the shop writes, else that the
 * model was trained on.
 */
import { normalize, tokenize } from "./preprocess";
import { SpellingCorrector } from "./intent/spelling";

/** Shorter words have too many neighbours one edit away ("form"/"from") to be fixed safely. */
export const MIN_FIXED_LENGTH = 5;

export interface TypoFixer {
  /** The word's correction, or the word itself (a lower-case, accent-folded word). */
  correct(word: string): string;
  /** Whether the word is a real one that must be left as it is. */
  knows(word: string): boolean;
}

// An email address, a link, or a token with digits or inner dots ("#1042", "ava@x.com", "x.com").
const UNTOUCHABLE = /[@\d/]|\w\.\w/;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** `text` with each unknown word replaced by its correction; the text itself when nothing changes. */
export function withTyposFixed(text: string, fixer: TypoFixer): string {
  let sentenceStart = true;
  return text.replace(/\S+/g, (token) => {
    const startsSentence = sentenceStart;
    sentenceStart = /[.!?¿¡]$/.test(token);
    if (UNTOUCHABLE.test(token)) return token;
    let first = startsSentence;
    return token.replace(WORD, (word) => {
      const atStart = first;
      first = false;
      if (word.length < MIN_FIXED_LENGTH || word.includes("'") || word.includes("’")) return word;
      // "Jonh", "Lovejoy": a capital inside a sentence is a name; capitals throughout are a shout or a code.
      const capitalised = word !== word.toLowerCase();
      if (capitalised && (!atStart || word.slice(1) !== word.slice(1).toLowerCase())) return word;
      const plain = normalize(word);
      if (fixer.knows(plain)) return word;
      const fixed = fixer.correct(plain);
      if (fixed === plain) return word;
      return capitalised ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed;
    });
  });
}

/** What a shop's fixer needs: its texts and catalog, and the intent model's corrector. */
export interface TypoSources {
  shop: { policies: { body: string }[]; faqs: { question: string; answer: string }[]; pages?: { body: string }[] };
  products: Iterable<{ title: string; description: string; productType?: string; options?: { values: string[] }[] }>;
  correct?: (word: string) => string;
}

const shopWordsOf = new WeakMap<object, { known: Set<string>; corrector: SpellingCorrector }>();

/**
 * The shop's fixer: a real word (`isRealWord`), or a word of the shop's own texts or catalog, is known;
 * the rest go to the shop's own words first ("safrn" → "safran", an option value no training
 * example has; "bolws" → "bowls", as its description writes), then to the model's corrector. The
 * shop's words are gathered once per texts object, and only when a message first has a word that no
 * language has: most messages never need them.
 */
export function typoFixerFor(sources: TypoSources, isRealWord: (word: string) => boolean): TypoFixer | null {
  const correct = sources.correct;
  if (!correct) return null;
  const shop = () => {
    let words = shopWordsOf.get(sources.shop.policies);
    if (!words) {
      const texts = [
        ...sources.shop.policies.map((p) => p.body),
        ...sources.shop.faqs.flatMap((f) => [f.question, f.answer]),
        ...(sources.shop.pages ?? []).map((p) => p.body),
        ...[...sources.products].flatMap((p) => [
          p.title,
          p.description,
          p.productType ?? "",
          ...(p.options ?? []).flatMap((o) => o.values),
        ]),
      ];
      const all = texts.flatMap((text) => tokenize(normalize(text)));
      words = { known: new Set(all), corrector: SpellingCorrector.fromWords(all) };
      shopWordsOf.set(sources.shop.policies, words);
    }
    return words;
  };
  return {
    correct: (word) => {
      const shops = shop().corrector.correct(word);
      return shops !== word ? shops : correct(word);
    },
    knows: (word) => isRealWord(word) || shop().known.has(word),
  };
}
