/**
 * npm run build:term-frequencies — writes app/chat/knowledge/shopper-term-frequencies.json: in how
 * many of the shipped corpus's shopper messages each index term occurs, the IDF that weighs the
 * words of two questions compared (knowledge/question-similarity.ts). Counting takes seconds, too
 * long for the first chat message that needs it, so it is done here. Rerun after changing the
 * corpus, the lexicon or the stemming (tests/chat/approved-answers.test.ts says when).
 */
import fs from "node:fs";
import path from "node:path";
import { readCorpus } from "../app/chat/intent/engine";
import { countTermFrequencies } from "../app/chat/knowledge/question-similarity";

const OUT = path.resolve("app/chat/knowledge/shopper-term-frequencies.json");
const { documents, df } = countTermFrequencies(readCorpus().map((e) => e.text));
const sorted = Object.fromEntries(Object.entries(df).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(OUT, JSON.stringify({ documents, df: sorted }) + "\n");
console.log(`${OUT}: ${Object.keys(sorted).length} terms over ${documents} messages`);
