/**
 * Whether a word is a real English, French or Spanish word, in any inflection ("entregó", "payant",
 * "arrives"): so that only a word nobody writes is taken for a typo. The lists (the
 * an-array-of-*-words packages, 1.2 million forms) are far too large to hold as strings in each
 * server process; scripts/build-known-words.ts stores them, accents folded, as a Bloom filter of
 * about 1.5 MB (app/chat/knowledge/known-words.bin) that answers "known" for 1 % of non-words — a typo
 * then left as typed, the safe side. Read from disk once, on first use.
 */
import fs from "node:fs";
import { projectPath } from "../../paths";

const MAGIC = "KWB1";
const FILTER_PATH = projectPath("app", "chat", "knowledge", "known-words.bin");

export interface BloomFilter {
  bits: Uint8Array;
  /** How many bit positions each word sets. */
  hashes: number;
}

/** Two independent 32-bit hashes of the word (FNV-1a and a multiply-shift variant), for double hashing. */
function hashPair(word: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return [a, b | 1];
}

function positions(filter: { bits: Uint8Array; hashes: number }, word: string): number[] {
  const size = filter.bits.length * 8;
  const [a, b] = hashPair(word);
  return Array.from({ length: filter.hashes }, (_, i) => ((a + Math.imul(i, b)) >>> 0) % size);
}

export function buildBloomFilter(words: Iterable<string>, count: number, bitsPerWord = 10, hashes = 7): BloomFilter {
  const filter = { bits: new Uint8Array(Math.ceil((count * bitsPerWord) / 8)), hashes };
  for (const word of words) for (const p of positions(filter, word)) filter.bits[p >>> 3] |= 1 << (p & 7);
  return filter;
}

export function bloomHas(filter: BloomFilter, word: string): boolean {
  return positions(filter, word).every((p) => (filter.bits[p >>> 3] & (1 << (p & 7))) !== 0);
}

export function encodeBloomFilter(filter: BloomFilter): Buffer {
  const header = Buffer.alloc(12);
  header.write(MAGIC, 0, "ascii");
  header.writeUInt32LE(filter.hashes, 4);
  header.writeUInt32LE(filter.bits.length, 8);
  return Buffer.concat([header, Buffer.from(filter.bits)]);
}

export function decodeBloomFilter(bytes: Buffer): BloomFilter {
  if (bytes.toString("ascii", 0, 4) !== MAGIC) throw new Error("not a known-words filter");
  const hashes = bytes.readUInt32LE(4);
  const length = bytes.readUInt32LE(8);
  return { hashes, bits: new Uint8Array(bytes.subarray(12, 12 + length)) };
}

let shipped: BloomFilter | null = null;

/** A lower-case, accent-folded word is a real English, French or Spanish word (1 % of non-words too). */
export function isKnownWord(word: string): boolean {
  shipped ??= decodeBloomFilter(fs.readFileSync(FILTER_PATH));
  return bloomHas(shipped, word);
}
