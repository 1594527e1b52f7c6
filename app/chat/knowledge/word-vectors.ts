/**
 * How close two English index terms are in meaning, from the compact table
 * scripts/build-word-vectors.ts writes (GloVe vectors, one byte a dimension, and each term's
 * WordNet noun senses and the kinds they belong to). Read from disk once, on first use: the
 * processes that never compare two questions never load it.
 */
import fs from "node:fs";
import { projectPath } from "../../paths";

export interface TermEntry {
  term: string;
  vector: number[];
  /** WordNet synsets of the term's words, all senses and parts of speech. */
  senses: number[];
  /** Their direct hypernyms ("educator" for "teacher"). */
  parents: number[];
  /** What its common noun senses are kinds of, one and two levels up. */
  kinds: number[];
}

const MAGIC = "WVT1";

interface Table {
  index: Map<string, number>;
  dimensions: number;
  scales: Float32Array;
  vectors: Int8Array;
  /** Per term i: its senses, parents and kinds are ids[starts[3i]..starts[3i+1]), […3i+2), […3i+3). */
  starts: Uint32Array;
  ids: Uint32Array;
}

/** The table as bytes: header, terms, per-term scale, int8 unit vectors, WordNet relations. */
export function encodeWordVectors(entries: TermEntry[], dimensions: number): Buffer {
  const words = Buffer.from(entries.map((e) => e.term).join("\n"), "utf8");
  const scales = new Float32Array(entries.length);
  const vectors = new Int8Array(entries.length * dimensions);
  const starts = new Uint32Array(entries.length * 3 + 1);
  const ids: number[] = [];
  entries.forEach((entry, i) => {
    const norm = Math.hypot(...entry.vector) || 1;
    const largest = Math.max(...entry.vector.map((x) => Math.abs(x / norm))) || 1;
    scales[i] = largest / 127;
    for (let d = 0; d < dimensions; d++)
      vectors[i * dimensions + d] = Math.round((entry.vector[d] / norm / largest) * 127);
    [entry.senses, entry.parents, entry.kinds].forEach((list, k) => {
      starts[3 * i + k] = ids.length;
      ids.push(...list);
    });
  });
  starts[entries.length * 3] = ids.length;
  const header = Buffer.alloc(16);
  header.write(MAGIC, 0, "ascii");
  header.writeUInt32LE(entries.length, 4);
  header.writeUInt32LE(dimensions, 8);
  header.writeUInt32LE(words.length, 12);
  return Buffer.concat([
    header,
    words,
    Buffer.from(scales.buffer),
    Buffer.from(vectors.buffer),
    Buffer.from(starts.buffer),
    Buffer.from(Uint32Array.from(ids).buffer),
  ]);
}

export function decodeWordVectors(bytes: Buffer): Table {
  if (bytes.toString("ascii", 0, 4) !== MAGIC) throw new Error("not a word-vector table");
  const count = bytes.readUInt32LE(4);
  const dimensions = bytes.readUInt32LE(8);
  let at = 16;
  const words = bytes.toString("utf8", at, (at += bytes.readUInt32LE(12))).split("\n");
  // Copies: the typed arrays need aligned buffers of their own.
  const take = (length: number) => new Uint8Array(bytes.subarray(at, (at += length))).buffer;
  const scales = new Float32Array(take(count * 4));
  const vectors = new Int8Array(take(count * dimensions));
  const starts = new Uint32Array(take((count * 3 + 1) * 4));
  const ids = new Uint32Array(take(starts[count * 3] * 4));
  return { index: new Map(words.map((w, i) => [w, i])), dimensions, scales, vectors, starts, ids };
}

const TABLE_PATH = projectPath("app", "chat", "knowledge", "word-vectors.bin");
let table: Table | null = null;

function loaded(): Table {
  return (table ??= decodeWordVectors(fs.readFileSync(TABLE_PATH)));
}

/**
 * How close two words' vectors must be for a WordNet link between them to be the sense meant: rare
 * senses link unrelated words ("order"/"club", "wrap"/"wind"). Chosen on
 * tests/fixtures/learning/validation.jsonl; question matching and retrieval both use it.
 */
export const LINK_FLOOR = 0.3;

/** Cosine of two terms' vectors (−1–1), or null when the table lacks either. */
export function termCloseness(a: string, b: string): number | null {
  const t = loaded();
  const i = t.index.get(a);
  const j = t.index.get(b);
  if (i === undefined || j === undefined) return null;
  let dot = 0;
  for (let d = 0, x = i * t.dimensions, y = j * t.dimensions; d < t.dimensions; d++)
    dot += t.vectors[x + d] * t.vectors[y + d];
  return dot * t.scales[i] * t.scales[j];
}

function relations(t: Table, i: number) {
  return {
    senses: t.ids.subarray(t.starts[3 * i], t.starts[3 * i + 1]),
    parents: t.ids.subarray(t.starts[3 * i + 1], t.starts[3 * i + 2]),
    kinds: t.ids.subarray(t.starts[3 * i + 2], t.starts[3 * i + 3]),
  };
}

const meets = (x: Uint32Array, y: Uint32Array) => x.some((id) => y.includes(id));

/**
 * Two terms WordNet links in some sense: one synset ("hold"/"reserve"), or one a direct kind of
 * the other ("teacher"/"educator"). Rare senses link unrelated words too ("order"/"club"), so
 * callers ask the vectors as well.
 */
export function wordNetLink(a: string, b: string): "synonym" | "kind" | null {
  const t = loaded();
  const i = t.index.get(a);
  const j = t.index.get(b);
  if (i === undefined || j === undefined) return null;
  const [left, right] = [relations(t, i), relations(t, j)];
  if (meets(left.senses, right.senses)) return "synonym";
  return meets(left.senses, right.parents) || meets(right.senses, left.parents) ? "kind" : null;
}

/**
 * Two kinds of one thing ("Sunday"/"Monday", "wine"/"beer"): they share what they are a kind of,
 * and neither is the other nor a kind of it. Such words sit close in GloVe, but a question about
 * one is not a question about the other.
 */
export function areSisterTerms(a: string, b: string): boolean {
  const t = loaded();
  const i = t.index.get(a);
  const j = t.index.get(b);
  if (i === undefined || j === undefined || i === j) return false;
  const [left, right] = [relations(t, i), relations(t, j)];
  if (meets(left.senses, right.senses) || meets(left.senses, right.kinds) || meets(right.senses, left.kinds))
    return false;
  return meets(left.kinds, right.kinds);
}

/** Whether the table has a vector for the term. */
export function hasVector(term: string): boolean {
  return loaded().index.has(term);
}
