/**
 * Scores the local language engine on an intents file (tests/fixtures/eval/FORMAT.md):
 * intent accuracy, macro-F1, per-intent precision/recall, confusions, entity exact-match, speed.
 */
import type { Catalog, Entities } from "../chat/entities";
import type { OrderNameFormat } from "../commerce/types";
import { extractEntities } from "../chat/entities";
import type { IntentClassifier } from "../chat/intent/engine";
import { INTENTS, isIntent, type Intent } from "../chat/intent/labels";
import { preprocess } from "../chat/preprocess";
import { readJsonl } from "./jsonl";
import { calibration, confusionMatrix, type Calibration } from "./calibration";

export const ENTITY_KEYS = ["order_number", "email", "product", "quantity", "size", "color"] as const;
type EntityKey = (typeof ENTITY_KEYS)[number];

export interface IntentRow {
  text: string;
  intent: Intent;
  entities: Entities;
  /** The dev store the message is about (held-out files name it), for its catalog. */
  store?: string;
}

export function readIntentsFile(file: string): IntentRow[] {
  return readJsonl(file, (row, line) => {
    const r = row as { text?: unknown; intent?: unknown; entities?: unknown };
    if (typeof r.text !== "string" || !isIntent(r.intent)) {
      throw new Error(`${file}:${line}: expected {"text": string, "intent": one of the 21 labels, "entities": {...}}`);
    }
    const store =
      typeof (row as { store?: unknown }).store === "string" ? { store: (row as { store: string }).store } : {};
    return { text: r.text, intent: r.intent, entities: (r.entities ?? {}) as Entities, ...store };
  });
}

export interface IntentReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusions: { expected: string; predicted: string; count: number }[];
  entities: Record<EntityKey, { accuracy: number; n: number }>;
  medianMs: number;
  p95Ms: number;
  /** How well confidence tracks accuracy (see calibration.ts). */
  calibration: Calibration;
  /** counts[true][predicted] over INTENTS. */
  confusionMatrix: number[][];
  failures: { text: string; expected: string; predicted: string; confidence: number }[];
}

export interface Label {
  intent: string;
  confidence: number;
  entities: Entities;
}

/** How a message gets its intent and entities: the local engine, or a model (see scripts/eval.ts). */
export type Labeler = (text: string, row?: IntentRow) => Label | Promise<Label>;

/** The shop a message is read for: its catalog and order-name format. */
export interface ShopVocabulary {
  catalog: Catalog | null;
  orderNameFormat?: OrderNameFormat;
}

export function localLabeler(
  classifier: IntentClassifier,
  shop: ShopVocabulary,
  shopFor?: (store: string) => ShopVocabulary,
): Labeler {
  return (text, row) => {
    const result = classifier.classify(text);
    const { catalog, orderNameFormat } = row?.store && shopFor ? shopFor(row.store) : shop;
    return {
      intent: result.intent,
      confidence: result.confidence,
      entities: extractEntities(preprocess(text), catalog, orderNameFormat).entities,
    };
  };
}

export async function evaluateIntents(rows: IntentRow[], label: Labeler): Promise<IntentReport> {
  const times: number[] = [];
  const predictions: Label[] = [];
  for (const row of rows) {
    const started = performance.now();
    predictions.push(await label(row.text, row));
    times.push(performance.now() - started);
  }

  const { accuracy, macroF1, perIntent } = scoreIntents(
    rows.map((r) => r.intent),
    predictions.map((p) => p.intent),
  );
  const confusionCounts = new Map<string, number>();
  rows.forEach((r, i) => {
    if (predictions[i].intent !== r.intent) {
      const key = `${r.intent}\u0000${predictions[i].intent}`;
      confusionCounts.set(key, (confusionCounts.get(key) ?? 0) + 1);
    }
  });

  const entities = Object.fromEntries(
    ENTITY_KEYS.map((key) => {
      let n = 0;
      let correct = 0;
      rows.forEach((r, i) => {
        const expected = r.entities[key];
        const actual = predictions[i].entities[key];
        if (expected === undefined && actual === undefined) return;
        n += 1;
        if (expected !== undefined && actual !== undefined && sameEntity(key, expected, actual)) correct += 1;
      });
      return [key, { accuracy: n ? correct / n : 1, n }];
    }),
  ) as IntentReport["entities"];

  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: rows.length,
    accuracy,
    macroF1,
    perIntent,
    confusions: [...confusionCounts]
      .map(([key, count]) => {
        const [expected, predicted] = key.split("\u0000");
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count),
    entities,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    calibration: calibration(
      predictions.map((p) => p.confidence),
      rows.map((r, i) => predictions[i].intent === r.intent),
    ),
    confusionMatrix: confusionMatrix(
      rows.map((r) => r.intent),
      predictions.map((p) => p.intent),
      INTENTS,
    ),
    failures: rows
      .map((r, i) => ({
        text: r.text,
        expected: r.intent,
        predicted: predictions[i].intent,
        confidence: predictions[i].confidence,
      }))
      .filter((f) => f.expected !== f.predicted),
  };
}

/**
 * Accuracy, per-intent precision/recall/F1 (for every label expected or predicted) and macro-F1
 * (the mean F1 over the labels that occur in `expected`), for predictions aligned with `expected`.
 */
export function scoreIntents(
  expected: readonly string[],
  predicted: readonly string[],
): Pick<IntentReport, "accuracy" | "macroF1" | "perIntent"> {
  const perIntent: IntentReport["perIntent"] = {};
  for (const label of INTENTS) {
    const tp = expected.filter((e, i) => e === label && predicted[i] === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const support = expected.filter((e) => e === label).length;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    if (support > 0 || predictedCount > 0) perIntent[label] = { precision, recall, f1, support };
  }
  const scored = Object.values(perIntent).filter((s) => s.support > 0);
  return {
    accuracy: expected.length ? expected.filter((e, i) => predicted[i] === e).length / expected.length : 0,
    macroF1: scored.length ? scored.reduce((sum, s) => sum + s.f1, 0) / scored.length : 0,
    perIntent,
  };
}

function sameEntity(key: EntityKey, expected: string, actual: string): boolean {
  if (key === "order_number" || key === "quantity") return expected.replace(/^#/, "") === actual.replace(/^#/, "");
  return expected.trim().toLowerCase() === actual.trim().toLowerCase();
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
