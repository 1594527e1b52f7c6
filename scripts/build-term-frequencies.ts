/**
 * npm run build:term-frequencies — writes app/chat/knowledge/shopper-term-frequencies.json: in how
 * many of the shipped corpus's shopper messages each index term occurs, the IDF that weighs the
 * words of two questions compared (knowledge/question-similarity.ts), without the dev stores'
 * names (scripts/shopper-terms.ts says why). Counting takes seconds, too long for the first chat
 * message that needs it, so it is done here. Rerun after changing the corpus, the lexicon or the
 * stemming (tests/chat/approved-answers.test.ts says when).
 */
import fs from "node:fs";
import path from "node:path";
import { shopperTermFrequencies } from "./shopper-terms";

const OUT = path.resolve("app/chat/knowledge/shopper-term-frequencies.json");
const frequencies = shopperTermFrequencies();
fs.writeFileSync(OUT, JSON.stringify(frequencies) + "\n");
console.log(`${OUT}: ${Object.keys(frequencies.df).length} terms over ${frequencies.documents} messages`);
