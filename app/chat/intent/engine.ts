/**
 * Stage 3 of the pipeline: what the shopper wants. The local engine is a linear model trained
 * in-process on the shipped corpus (plus, per shop, the merchant's corrections).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectPath } from "../../paths";
import { isIntent, type Intent } from "./labels";
import { CUE_OVERRIDE_BELOW, strongCue } from "./cues";
import { deedIntent } from "./deeds";
import { askAfterStory } from "./story-ask";
import { withIdiomsPlain } from "./idioms";
import {
  LinearIntentModel,
  trainLinearModel,
  trainLinearModelInBackground,
  type TrainingExample,
} from "./linear-model";

export interface IntentResult {
  intent: Intent;
  /** Calibrated probability of `intent` (after the low-confidence fallback, of the model's guess). */
  confidence: number;
  /** The model's own best guess, even when it fell back. */
  predicted: Intent;
  lowConfidence: boolean;
  alternatives: { intent: Intent; confidence: number }[];
  /** Set when a complaint was read as the request for a person it also makes: the hand-off is still a complaint's. */
  grievance?: boolean;
}

export interface IntentClassifier {
  readonly version: string;
  classify(text: string): IntentResult;
  /** The word the model would read for a misspelt one ("retrun" → "return"), or the word itself. */
  correctSpelling?(word: string): string;
}

/** Below this calibrated confidence the bot says it isn't sure rather than guess. */
export const LOW_CONFIDENCE = 0.3;
/** A whole message read below this, and its asking sentence read at or above ASK_SURE, is what the sentence asks. */
const STORY_UNSURE = 0.65;
const ASK_SURE = 0.85;

export const CORPUS_PATH = projectPath("app", "chat", "training", "corpus.jsonl");

export function readCorpus(file: string = CORPUS_PATH): TrainingExample[] {
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  return lines.map((line, i) => {
    const row = JSON.parse(line) as { text?: unknown; intent?: unknown };
    if (typeof row.text !== "string" || !isIntent(row.intent)) {
      throw new Error(`${file}:${i + 1}: expected {"text": string, "intent": one of the 21 labels}`);
    }
    return { text: row.text, intent: row.intent };
  });
}

/** `train(examples)`: a classifier for these examples (the shipped corpus plus a shop's corrections). */
export function train(examples: TrainingExample[], version = "custom"): IntentClassifier {
  const model = trainLinearModel(examples);
  return new LinearIntentClassifier(model, version);
}

/** The same as train(), for a running server: it pauses every few milliseconds so chats keep being answered. */
export async function trainInBackground(examples: TrainingExample[], version = "custom"): Promise<IntentClassifier> {
  return new LinearIntentClassifier(await trainLinearModelInBackground(examples), version);
}

class LinearIntentClassifier implements IntentClassifier {
  constructor(
    private readonly model: LinearIntentModel,
    readonly version: string,
  ) {}

  correctSpelling(word: string): string {
    return this.model.correctSpelling(word);
  }

  classify(text: string): IntentResult {
    const prediction = this.model.predict(withIdiomsPlain(text));
    const ranked = this.model.labels
      .map((label, i) => ({ intent: label as Intent, confidence: prediction.probabilities[i] }))
      .sort((a, b) => b.confidence - a.confidence);
    const predicted = ranked[0].intent;
    // A rare phrasing settles an unsure reading; a deed done and the question asked about it settle any.
    // Too unsure to name, the reading is out_of_scope: a deed may still settle it.
    const reading = ranked[0].confidence < LOW_CONFIDENCE ? "out_of_scope" : predicted;
    const cue = strongCue(text, predicted, ranked[0].confidence) ?? deedIntent(reading, text);
    if (cue) {
      const cued = ranked.find((r) => r.intent === cue)!;
      return {
        intent: cue,
        confidence: Math.max(cued.confidence, CUE_OVERRIDE_BELOW),
        predicted,
        lowConfidence: false,
        alternatives: ranked.filter((r) => r.intent !== cue).slice(0, 3),
      };
    }
    // A story before the ask pulls an unsure reading; the question sentence, read surely alone, is the ask.
    const ask = ranked[0].confidence < STORY_UNSURE ? askAfterStory(text) : null;
    if (ask) {
      const asked = this.classify(ask);
      if (!asked.lowConfidence && asked.confidence >= ASK_SURE && asked.intent !== predicted) return asked;
    }
    const lowConfidence = ranked[0].confidence < LOW_CONFIDENCE;
    return {
      intent: lowConfidence ? "out_of_scope" : predicted,
      confidence: ranked[0].confidence,
      predicted,
      lowConfidence,
      alternatives: ranked.slice(1, 4),
    };
  }
}

/** The shipped corpus's model, trained ahead (`npm run train:intent`) so start-up only loads it. */
export const SHIPPED_MODEL_PATH = projectPath("app", "chat", "training", "intent-model.bin");

let shipped: IntentClassifier | null = null;

/** The classifier of the shipped corpus, loaded (or, failing that, trained) once per process. */
export function shippedClassifier(): IntentClassifier {
  shipped ??= loadShippedClassifier();
  return shipped;
}

/**
 * The prebuilt model when it was trained on exactly this corpus; otherwise (an edited corpus, a
 * missing or unreadable file) trains one, as before there was a file, and says so.
 */
export function loadShippedClassifier(corpusPath = CORPUS_PATH, modelPath = SHIPPED_MODEL_PATH): IntentClassifier {
  const corpusSha256 = fingerprint(corpusPath);
  try {
    const { model, meta } = LinearIntentModel.fromBytes(fs.readFileSync(modelPath));
    if (meta.corpusSha256 === corpusSha256) return new LinearIntentClassifier(model, "shipped");
    console.warn(
      `${path.basename(modelPath)} was trained on another corpus; training now (npm run train:intent rebuilds it)`,
    );
  } catch (error) {
    console.warn(
      `${path.basename(modelPath)} not loaded (${error instanceof Error ? error.message : error}); training now`,
    );
  }
  return train(readCorpus(corpusPath), "shipped");
}

/** Train on the corpus and write the model file shippedClassifier() loads. */
export function buildShippedModel(
  corpusPath = CORPUS_PATH,
  modelPath = SHIPPED_MODEL_PATH,
): { examples: number; bytes: number } {
  const examples = readCorpus(corpusPath);
  const bytes = trainLinearModel(examples).toBytes({ corpusSha256: fingerprint(corpusPath) });
  fs.writeFileSync(modelPath, bytes);
  return { examples: examples.length, bytes: bytes.length };
}

function fingerprint(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
