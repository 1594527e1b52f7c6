/**
 * npm run build:known-words — writes app/chat/knowledge/known-words.bin, the Bloom filter
 * knowledge/known-words.ts reads to tell a real word from a typo. Source: the an-array-of-english-words,
 * an-array-of-french-words and an-array-of-spanish-words packages (every inflected form), each word
 * lower-cased and accent-folded as the chat's preprocessing does. The app never reads the lists.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { normalize } from "../app/chat/preprocess";
import { bloomHas, buildBloomFilter, encodeBloomFilter } from "../app/chat/knowledge/known-words";

const require = createRequire(import.meta.url);
const OUT = path.resolve("app/chat/knowledge/known-words.bin");
const LISTS = ["an-array-of-english-words", "an-array-of-french-words", "an-array-of-spanish-words"];
/** About 1 % of non-words read as known at 10 bits a word and 7 hashes. */
const BITS_PER_WORD = 10;
const HASHES = 7;

const words = new Set<string>();
for (const list of LISTS) {
  const forms = JSON.parse(fs.readFileSync(require.resolve(`${list}/index.json`), "utf8")) as string[];
  for (const form of forms) if (/^[\p{L}'’-]+$/u.test(form)) words.add(normalize(form));
}
const filter = buildBloomFilter(words, words.size, BITS_PER_WORD, HASHES);
// The share of made-up strings the filter takes for words: what the 1 % above means in practice.
let falsePositives = 0;
const probes = 100_000;
for (let i = 0; i < probes; i++) if (bloomHas(filter, `zq${i.toString(36)}x`)) falsePositives++;
fs.writeFileSync(OUT, encodeBloomFilter(filter));
console.log(
  `${words.size} words → ${OUT} (${(filter.bits.length / 1e6).toFixed(2)} MB); non-words read as known: ${((100 * falsePositives) / probes).toFixed(2)} %`,
);
