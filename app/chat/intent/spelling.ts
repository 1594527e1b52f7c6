/**
 * Maps a misspelt word onto a word the intent model was trained on ("cancle" → "cancel",
 * "refnud" → "refund"), so that its word and bigram features count, not only its character
 * n-grams. Symmetric-delete lookup: every known word is indexed under itself and each one-letter
 * deletion, so a query needs only its own deletions — no scan of the vocabulary.
 */
const MIN_LENGTH = 4;
/** A form training saw this few times may be a typo kept on purpose… */
const RARE_FORM = 3;
/** …when a word one edit away was seen this many times as often. */
const MORE_OFTEN = 10;

export class SpellingCorrector {
  /** A word, or a word minus one letter → the known words it can come from. */
  private readonly byDeletion = new Map<string, string[]>();

  /** From the training words, repeats included: a word's count breaks ties between corrections. */
  static fromWords(words: Iterable<string>): SpellingCorrector {
    const frequency = new Map<string, number>();
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    return new SpellingCorrector(frequency);
  }

  /** `frequency`: each known word and how often training saw it (what a saved model stores). */
  constructor(readonly frequency: ReadonlyMap<string, number>) {
    for (const word of this.frequency.keys()) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      for (const key of new Set([word, ...deletions(word)])) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** The most frequent known word within one edit (insert, delete, replace, swap), else the word. */
  correct(word: string): string {
    if (word.length < MIN_LENGTH || this.frequency.has(word) || /\d/.test(word)) return word;
    return this.nearest(word, 0);
  }

  /**
   * `correct`, but a word training saw only a few times (a typo some examples keep on purpose:
   * "retrun") also gives way to a word one edit away that it saw far more often.
   */
  meant(word: string): string {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return word;
    const seen = this.frequency.get(word) ?? 0;
    if (seen === 0) return this.nearest(word, 0);
    return seen <= RARE_FORM ? this.nearest(word, seen * MORE_OFTEN) : word;
  }

  /** The most frequent known word within one edit seen more than `floor` times, else the word. */
  private nearest(word: string, floor: number): string {
    let best = word;
    let bestFrequency = floor;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        const frequency = this.frequency.get(candidate)!;
        if (frequency > bestFrequency && withinOneEdit(word, candidate)) {
          best = candidate;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Sharing a deletion also matches two replacements apart ("abcd"/"xbcy" don't, "form"/"from" do): check. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length !== b.length) return true; // one is the other plus a letter: the shared key proves it
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length <= 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
