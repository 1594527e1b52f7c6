/**
 * The same conversations as shoppers also write them, to measure how much understanding rests on
 * the way a message is typed.
 *
 * Typos, made on purpose: each shopper message of a conversation set gets
 * one typo in one of its longer words, of the four kinds people make (two letters swapped, one left
 * out, one doubled, one replaced by a key next to it), from a fixed seed so a run is repeatable.
 * The same conversations with and without typos tell how much of the bot's understanding rests on
 * words being spelt right. Messages that are codes, numbers, emails or addresses stay as typed.
 */
import type { Scenario } from "./scenarios";

// Keys next to each other on a QWERTY/AZERTY-agnostic row view: enough for plausible substitutions.
const NEIGHBOURS: Record<string, string> = {
  a: "sqwz",
  b: "vghn",
  c: "xdfv",
  d: "serfcx",
  e: "wrsd",
  f: "drtgvc",
  g: "ftyhbv",
  h: "gyujnb",
  i: "ujko",
  j: "huikmn",
  k: "jiolm",
  l: "kop",
  m: "njk",
  n: "bhjm",
  o: "iklp",
  p: "ol",
  q: "wa",
  r: "edft",
  s: "awedxz",
  t: "rfgy",
  u: "yhji",
  v: "cfgb",
  w: "qase",
  x: "zsdc",
  y: "tghu",
  z: "asx",
};
const KINDS = ["swap", "drop", "double", "neighbour"] as const;
/** Words shorter than this are left alone: a typo there often makes another real word. */
const MIN_TYPO_WORD = 6;
const TYPO_WORD = new RegExp(`(?<![\\p{L}'’-])[a-z]{${MIN_TYPO_WORD},}(?![\\p{L}'’-])`, "gu");

/** A small seeded generator (LCG): the same seed, the same typos. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function typo(word: string, kind: (typeof KINDS)[number], random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (kind) {
    case "swap":
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case "drop":
      return word.slice(0, at) + word.slice(at + 1);
    case "double":
      return word.slice(0, at + 1) + word[at] + word.slice(at + 1);
    case "neighbour": {
      const near = NEIGHBOURS[word[at]];
      return near ? word.slice(0, at) + near[Math.floor(random() * near.length)] + word.slice(at + 1) : word;
    }
  }
}

/** A message that is an email, a number, a code or a word or two, which the variants leave as typed. */
function leftAsTyped(message: string): boolean {
  return /@|\d{3,}/.test(message) || message.split(/\s+/).length < 3;
}

/** The message with one typo in one of its lower-case words of six letters or more (the message itself when it has none). */
export function withOneTypo(message: string, random: () => number): string {
  if (leftAsTyped(message)) return message;
  const words = [...message.matchAll(TYPO_WORD)];
  if (words.length === 0) return message;
  const chosen = words[Math.floor(random() * words.length)];
  const kind = KINDS[Math.floor(random() * KINDS.length)];
  const changed = typo(chosen[0], kind, random);
  return message.slice(0, chosen.index) + changed + message.slice(chosen.index! + chosen[0].length);
}

/** The conversations with one typo in each shopper message that has a word long enough for one. */
export function withTypos(scenarios: Scenario[], seed: number): Scenario[] {
  const random = generator(seed);
  return scenarios.map((s) => ({ ...s, turns: s.turns.map((t) => ({ ...t, user: withOneTypo(t.user, random) })) }));
}

/**
 * Phone style: each shopper message in lower case without its closing "?", "." or "!" ("was it
 * actually sent", "pourquoi mon retour a été refusé"). Codes, emails and order names are lower-cased too.
 */
export function inPhoneStyle(scenarios: Scenario[]): Scenario[] {
  const plain = (text: string) => text.toLowerCase().replace(/[\s?!.]+$/u, "");
  return scenarios.map((s) => ({ ...s, turns: s.turns.map((t) => ({ ...t, user: plain(t.user) })) }));
}

const COURTESIES: Record<string, { hello: string; thanks: string }> = {
  en: { hello: "Hi there,", thanks: "Thanks!" },
  fr: { hello: "Bonjour,", thanks: "Merci !" },
  es: { hello: "Hola,", thanks: "¡Gracias!" },
};

/**
 * Courteous: a conversation's first message opens with a greeting and every message closes with a
 * thanks, in the message's own language ("Bonjour, vous faites l'alignement de prix ? Merci !").
 * Messages that are codes, numbers, emails or addresses stay as typed.
 */
export function courteously(scenarios: Scenario[], languageOf: (text: string) => string): Scenario[] {
  return scenarios.map((s) => ({
    ...s,
    turns: s.turns.map((t, i) => {
      if (leftAsTyped(t.user)) return t;
      const { hello, thanks } = COURTESIES[languageOf(t.user)] ?? COURTESIES.en;
      const body = i === 0 ? `${hello} ${t.user.charAt(0).toLowerCase()}${t.user.slice(1)}` : t.user;
      return { ...t, user: `${body} ${thanks}` };
    }),
  }));
}
