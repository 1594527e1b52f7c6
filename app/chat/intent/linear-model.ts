/**
 * A multinomial logistic regression over hashed word, word-bigram and character n-gram features,
 * trained in-process. Character n-grams make it forgiving of typos ("refnud", "shiping") and of
 * unseen inflections; word features carry the meaning. Small, dependency-free and fast enough to
 * train at start-up (about 1.5 s for eight thousand examples) and to score in microseconds.
 */
import os from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import { preprocess, type Preprocessed } from "../preprocess";
import { SpellingCorrector } from "./spelling";

export interface TrainingExample {
  text: string;
  intent: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Share of examples held out to fit the softmax temperature (confidence calibration). */
  calibrationShare?: number;
}

export interface Prediction {
  label: string;
  confidence: number;
  /** Probability per label, same order as model.labels. */
  probabilities: Float64Array;
}

const HASH_BITS = 18;
/** Gradients smaller than this are skipped: they would not change a prediction, only cost time. */
const MIN_GRADIENT = 1e-3;
const DIMENSION = 1 << HASH_BITS;
/** −log(1e-12): one hopeless example must not decide the temperature. */
const MAX_LOG_LOSS = -Math.log(1e-12);

export class LinearIntentModel {
  constructor(
    readonly labels: string[],
    /** Hashed feature → row of `weights`, or -1 for a feature never seen in training (weight 0). */
    private readonly rowOf: Int32Array,
    // rows × labels.length: a feature's weights for every label sit together in memory.
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
    readonly temperature: number,
    private readonly spelling: SpellingCorrector,
  ) {}

  /** The word a misspelt one most likely meant, for the typo fixing before the rules read a message. */
  correctSpelling(word: string): string {
    return this.spelling.meant(word);
  }

  predict(text: string): Prediction {
    const features = featurize(preprocess(text), (word) => this.spelling.correct(word));
    const logits = computeLogits(this.weights, this.bias, toRows(features, this.rowOf));
    for (let c = 0; c < logits.length; c++) logits[c] /= this.temperature;
    const probabilities = softmax(logits);
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
    return { label: this.labels[best], confidence: probabilities[best], probabilities };
  }

  /**
   * The trained model as bytes, to ship it instead of training at start-up: gzip of a JSON header
   * (labels, bias, temperature, vocabulary, `meta`) and two arrays, the hashed feature of each
   * weight row (uint32) and the weights (float32), both little-endian.
   */
  toBytes(meta: Record<string, string>): Buffer {
    const rows = this.weights.length / this.labels.length;
    const featureOfRow = new Uint32Array(rows);
    for (let feature = 0; feature < this.rowOf.length; feature++)
      if (this.rowOf[feature] >= 0) featureOfRow[this.rowOf[feature]] = feature;
    const header = Buffer.from(
      JSON.stringify({
        format: MODEL_FORMAT,
        hashBits: HASH_BITS,
        rows,
        labels: this.labels,
        bias: [...this.bias],
        temperature: this.temperature,
        vocabulary: [...this.spelling.frequency],
        meta,
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    return gzipSync(Buffer.concat([length, header, littleEndian(featureOfRow), littleEndian(this.weights)]), {
      level: 9,
    });
  }

  static fromBytes(bytes: Buffer): { model: LinearIntentModel; meta: Record<string, string> } {
    const raw = gunzipSync(bytes);
    const headerLength = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString("utf8"));
    if (header.format !== MODEL_FORMAT || header.hashBits !== HASH_BITS)
      throw new Error("intent model file: unsupported format");
    const rows: number = header.rows;
    const classes = header.labels.length;
    const offset = 4 + headerLength;
    if (raw.length !== offset + rows * 4 + rows * classes * 4)
      throw new Error("intent model file: truncated or corrupt");
    const featureOfRow = readLittleEndian(raw, offset, rows, Uint32Array);
    const weights = readLittleEndian(raw, offset + rows * 4, rows * classes, Float32Array);
    const rowOf = new Int32Array(DIMENSION).fill(-1);
    featureOfRow.forEach((feature, row) => (rowOf[feature] = row));
    const spelling = new SpellingCorrector(new Map(header.vocabulary));
    return {
      model: new LinearIntentModel(
        header.labels,
        rowOf,
        weights,
        Float64Array.from(header.bias),
        header.temperature,
        spelling,
      ),
      meta: header.meta,
    };
  }
}

const MODEL_FORMAT = 1;

/**
 * `count` 32-bit values stored little-endian from `offset`. On a little-endian machine (every one
 * Node ships for in practice) one copy into an aligned buffer: start-up reads 1.6 M weights, and
 * reading them one by one took about 30 ms of the model's load.
 */
function readLittleEndian<T extends Uint32Array | Float32Array>(
  raw: Buffer,
  offset: number,
  count: number,
  Type: { new (length: number): T; new (buffer: ArrayBuffer): T },
): T {
  if (os.endianness() === "LE") {
    const aligned = new ArrayBuffer(count * 4);
    new Uint8Array(aligned).set(raw.subarray(offset, offset + count * 4));
    return new Type(aligned);
  }
  const out = new Type(count);
  for (let i = 0; i < count; i++)
    out[i] = Type === (Float32Array as unknown) ? raw.readFloatLE(offset + i * 4) : raw.readUInt32LE(offset + i * 4);
  return out;
}

function littleEndian(values: Uint32Array | Float32Array): Buffer {
  const out = Buffer.alloc(values.length * 4);
  if (values instanceof Float32Array) values.forEach((v, i) => out.writeFloatLE(v, i * 4));
  else values.forEach((v, i) => out.writeUInt32LE(v, i * 4));
  return out;
}

/** Rewrites hashed feature indices as rows of the compact weight matrix, dropping unseen ones. */
function toRows(features: SparseVector, rowOf: Int32Array): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < features.indices.length; i++) {
    const row = rowOf[features.indices[i]];
    if (row < 0) continue;
    indices.push(row);
    values.push(features.values[i]);
  }
  return { indices: Uint32Array.from(indices), values: Float32Array.from(values) };
}

function computeLogits(weights: Float32Array, bias: Float64Array, features: SparseVector): Float64Array {
  const out = new Float64Array(bias.length);
  writeLogits(weights, bias, features, out);
  return out;
}

/** bias + weights·features, written into `out` (one slot per class). */
function writeLogits(weights: Float32Array, bias: Float64Array, features: SparseVector, out: Float64Array): void {
  const classes = bias.length;
  out.set(bias);
  for (let i = 0; i < features.indices.length; i++) {
    const base = features.indices[i] * classes;
    const value = features.values[i];
    for (let c = 0; c < classes; c++) out[c] += weights[base + c] * value;
  }
}

export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

/** Hashed, L2-normalised binary features of a message. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 1, contentBigram: 0.7, charGram: 0.5 };

/**
 * `correct` maps a word onto one the model knows (see SpellingCorrector): word and bigram features
 * use the corrected words, character n-grams both the typed and the corrected words, so that a
 * wrong correction costs little.
 */
const ORDER_NAME = /^[a-z]{0,4}(\d{3,})[a-z]{0,2}$/;

export function featurize(typed: Preprocessed, correct: (word: string) => string = (word) => word): SparseVector {
  const W = FEATURE_WEIGHTS;
  const text = typed.original;
  const tokens = typed.tokens.map(correct);
  const contentTokens = typed.contentTokens.map(correct);
  const counts = new Map<number, number>();
  const addHash = (hash: number, weight: number) => {
    const index = hash & (DIMENSION - 1);
    counts.set(index, Math.max(counts.get(index) ?? 0, weight));
  };
  const add = (feature: string, weight = 1) => addHash(fnv1a(FNV_OFFSET, feature), weight);
  // The features "w:<word>", "b:<word>_<word>", "c3:<gram>"… hashed piecewise, without building the strings.
  for (const token of tokens) addHash(fnv1a(PREFIX.word, token), W.word);
  const bigram = (prefix: number, a: string, b: string) => fnv1a(fnv1a(fnv1a(prefix, a), "_"), b);
  for (let i = 0; i + 1 < tokens.length; i++) addHash(bigram(PREFIX.bigram, tokens[i], tokens[i + 1]), W.bigram);
  for (let i = 0; i + 1 < contentTokens.length; i++)
    addHash(bigram(PREFIX.contentBigram, contentTokens[i], contentTokens[i + 1]), W.contentBigram);
  for (const token of new Set([...typed.contentTokens, ...contentTokens])) {
    // An order name with letters around its digits (AB1234, 1234x) reads as the number it carries.
    const digits = /^\d+$/.test(token) ? token : ORDER_NAME.exec(token)?.[1];
    if (digits) {
      add(`num:${Math.min(digits.length, 6)}`);
      continue;
    }
    const padded = `<${token}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) addHash(fnv1a(PREFIX.charGram[n], padded, i, i + n), W.charGram);
    }
  }
  // Shape of the original text: a CODE-LIKE word (SUMMER25, FREESHIP) is a strong discount cue.
  if (
    /\b(?=[A-Z0-9]*[A-Z]{3})[A-Z0-9]{5,}\b/.test(text) &&
    !/\b(?:ASAP|HELLO|PLEASE|ORDER|THANKS|WHERE|WHY|WHAT)\b/.test(text)
  )
    add("shape:code");
  if (tokens.length <= 2) add("len:short");
  if (tokens.length === 0) add("len:empty");
  // Filled in one pass over the map (TypedArray.from of an iterator steps through it generically).
  const indices = new Uint32Array(counts.size);
  const values = new Float32Array(counts.size);
  let at = 0;
  for (const [index, weight] of counts) {
    indices[at] = index;
    values[at++] = weight;
  }
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { indices, values };
}

export function trainLinearModel(examples: TrainingExample[], options: TrainOptions = {}): LinearIntentModel {
  const steps = trainingSteps(examples, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same training, handing the event loop back every few milliseconds, so that a server
 * retraining a shop's model keeps answering chats meanwhile. Same examples, same model.
 */
export async function trainLinearModelInBackground(
  examples: TrainingExample[],
  options: TrainOptions = {},
): Promise<LinearIntentModel> {
  const steps = trainingSteps(examples, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Examples preprocessed, or SGD updates made, between two pauses (a few milliseconds of work). */
const EXAMPLES_PER_PAUSE = 256;

/** Training as a sequence of steps: each `yield` is a pause where other work may run. */
function* trainingSteps(examples: TrainingExample[], options: TrainOptions): Generator<void, LinearIntentModel> {
  if (examples.length === 0) throw new Error("Cannot train an intent model on no examples");
  const labels = [...new Set(examples.map((e) => e.intent))].sort();
  const typed: Preprocessed[] = [];
  const hashed: { x: SparseVector; y: number }[] = [];
  for (let i = 0; i < examples.length; i++) {
    const pre = preprocess(examples[i].text);
    typed.push(pre);
    hashed.push({ x: featurize(pre), y: labels.indexOf(examples[i].intent) });
    if (i % EXAMPLES_PER_PAUSE === EXAMPLES_PER_PAUSE - 1) yield;
  }
  // Only features seen in training can get a weight, so the weights are stored for those alone:
  // a matrix small enough to stay in the CPU cache, which is what makes training fast.
  const rowOf = new Int32Array(DIMENSION).fill(-1);
  let rows = 0;
  for (const { x } of hashed) for (const index of x.indices) if (rowOf[index] < 0) rowOf[index] = rows++;
  const featurized = hashed.map(({ x, y }) => ({ x: toRows(x, rowOf), y }));
  const random = mulberry32(options.seed ?? 7);
  shuffle(featurized, random);

  const epochs = options.epochs ?? 6;
  const state = newState(rows, labels.length);
  const calibrationSize = Math.floor(featurized.length * (options.calibrationShare ?? 0.15));
  let temperature = 1;
  if (calibrationSize >= labels.length) {
    // The temperature is fitted on examples that a probe model, trained like the real one, has not seen.
    const probe = newState(rows, labels.length);
    yield* fit(featurized.slice(calibrationSize), probe, epochs, options, random);
    temperature = fitTemperature(probe, featurized.slice(0, calibrationSize));
  }
  yield* fit(featurized, state, epochs, options, random);
  const spelling = SpellingCorrector.fromWords(typed.flatMap((pre) => pre.tokens));
  return new LinearIntentModel(labels, rowOf, state.weights, state.bias, temperature, spelling);
}

interface FitState {
  weights: Float32Array;
  bias: Float64Array;
  /** Updates made so far; the learning rate decays with it. */
  step: number;
}

function newState(rows: number, classes: number): FitState {
  return { weights: new Float32Array(rows * classes), bias: new Float64Array(classes), step: 0 };
}

/** Stochastic gradient descent on the cross-entropy loss, continuing from `state`, pausing between batches. */
function* fit(
  data: { x: SparseVector; y: number }[],
  state: FitState,
  epochs: number,
  options: TrainOptions,
  random: () => number,
): Generator<void> {
  const update = sgdUpdate(state, options);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += EXAMPLES_PER_PAUSE) {
      const end = Math.min(order.length, start + EXAMPLES_PER_PAUSE);
      for (let k = start; k < end; k++) update(data[order[k]]);
      yield;
    }
  }
}

/** One SGD update per example, with buffers reused for every example: no garbage in the inner loop. */
function sgdUpdate(state: FitState, options: TrainOptions): (example: { x: SparseVector; y: number }) => void {
  // Chosen by 5-fold cross-validation on the shipped corpus (npm run cv:intent).
  const baseRate = options.learningRate ?? 8;
  const l2 = options.l2 ?? 1e-5;
  const { weights, bias } = state;
  const classes = bias.length;
  const gradient = new Float64Array(classes);
  const activeClasses = new Int32Array(classes);
  const step = new Float64Array(classes);
  return ({ x, y }) => {
    const rate = baseRate / (1 + 0.0005 * state.step++);
    const decay = rate * l2;
    writeLogits(weights, bias, x, gradient);
    softmaxInPlace(gradient);
    gradient[y] -= 1; // the softmax minus the one-hot label: the loss's gradient for each class
    // Once an example is learnt most classes' gradients are ~0: update only the ones that move.
    let active = 0;
    for (let c = 0; c < classes; c++) {
      if (Math.abs(gradient[c]) < MIN_GRADIENT) continue;
      activeClasses[active] = c;
      step[active++] = rate * gradient[c];
    }
    for (let k = 0; k < x.indices.length; k++) {
      const base = x.indices[k] * classes;
      const value = x.values[k];
      for (let a = 0; a < active; a++) {
        const index = base + activeClasses[a];
        weights[index] -= step[a] * value + decay * weights[index];
      }
    }
    for (let a = 0; a < active; a++) bias[activeClasses[a]] -= step[a] * 0.1;
  };
}

function fitTemperature(
  probe: { weights: Float32Array; bias: Float64Array },
  held: { x: SparseVector; y: number }[],
): number {
  const logits = held.map((h) => ({ z: computeLogits(probe.weights, probe.bias, h.x), y: h.y }));
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 3.001; t += 0.05) {
    let loss = 0;
    for (const { z, y } of logits) {
      // −log softmax(z / t)[y], computed without building the distribution.
      let max = -Infinity;
      for (const v of z) if (v / t > max) max = v / t;
      let sum = 0;
      for (const v of z) sum += Math.exp(v / t - max);
      loss += Math.min(max + Math.log(sum) - z[y] / t, MAX_LOG_LOSS);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

function softmax(logits: Float64Array): Float64Array {
  const out = Float64Array.from(logits);
  softmaxInPlace(out);
  return out;
}

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] = Math.exp(values[i] - max);
  for (let i = 0; i < values.length; i++) values[i] /= sum;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of text[start, end), continuing from `hash` (FNV_OFFSET to start afresh). */
function fnv1a(hash: number, text: string, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const PREFIX = {
  word: fnv1a(FNV_OFFSET, "w:"),
  bigram: fnv1a(FNV_OFFSET, "b:"),
  contentBigram: fnv1a(FNV_OFFSET, "cb:"),
  charGram: { 3: fnv1a(FNV_OFFSET, "c3:"), 4: fnv1a(FNV_OFFSET, "c4:"), 5: fnv1a(FNV_OFFSET, "c5:") } as Record<
    number,
    number
  >,
};

/** A small seeded pseudo-random generator: training (and its cross-validation) is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
