/**
 * npm run cv:intent [-- --folds 5] [--typos 0.15]
 * Stratified k-fold cross-validation of the local intent model on the shipped corpus only: how
 * model settings are chosen without ever looking at the evaluation files. `--typos P` misspells
 * each longer word of the held-out messages with probability P, as shoppers do on phones.
 */
import { readCorpus, train } from "../app/chat/intent/engine";
import { scoreIntents } from "../app/eval/intents";
import { mulberry32, type TrainingExample } from "../app/chat/intent/linear-model";

const foldsArg = process.argv.indexOf("--folds");
const folds = foldsArg > 0 ? Number(process.argv[foldsArg + 1]) : 5;
const typosArg = process.argv.indexOf("--typos");
const typoRate = typosArg > 0 ? Number(process.argv[typosArg + 1]) : 0;

// Seeded, so every run misspells the same way.
const random = mulberry32(42);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One random edit (drop, double, swap or replace a letter) in some words of four letters or more. */
function misspell(text: string): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (random() >= typoRate) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    switch (Math.floor(random() * 4)) {
      case 0:
        return word.slice(0, i) + word.slice(i + 1);
      case 1:
        return word.slice(0, i) + word[i] + word.slice(i);
      case 2:
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      default:
        return word.slice(0, i) + LETTERS[Math.floor(random() * 26)] + word.slice(i + 1);
    }
  });
}

function stratifiedFolds(examples: TrainingExample[], k: number): number[] {
  const fold = new Array<number>(examples.length);
  const seen = new Map<string, number>();
  examples.forEach((example, i) => {
    const n = seen.get(example.intent) ?? 0;
    seen.set(example.intent, n + 1);
    fold[i] = n % k;
  });
  return fold;
}

const corpus = readCorpus();
const assignment = stratifiedFolds(corpus, folds);
const expected: string[] = [];
const predicted: string[] = [];
let trainMs = 0;
for (let f = 0; f < folds; f++) {
  const started = performance.now();
  const classifier = train(
    corpus.filter((_, i) => assignment[i] !== f),
    `cv-${f}`,
  );
  trainMs += performance.now() - started;
  corpus.forEach((example, i) => {
    if (assignment[i] !== f) return;
    expected.push(example.intent);
    predicted.push(classifier.classify(typoRate > 0 ? misspell(example.text) : example.text).intent);
  });
}
const { accuracy, macroF1 } = scoreIntents(expected, predicted);
console.log(
  JSON.stringify({
    folds,
    typoRate,
    n: expected.length,
    accuracy: Number(accuracy.toFixed(4)),
    macroF1: Number(macroF1.toFixed(4)),
    meanTrainMs: Math.round(trainMs / folds),
  }),
);
