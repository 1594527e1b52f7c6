/**
 * Shoppers often tell a story before they ask: "So I ordered the poles and a headlamp yesterday for
 * my dad. Turns out my brother already got him one. Could I just take the headlamp off?" The story's
 * words (ordered, dad, headlamp) pull the whole message's reading; the question sentence is the ask.
 * Here: the asking sentence of a message of several sentences, when there is a story before it.
 */
import { normalize } from "../preprocess";
import { asksAQuestion } from "./asks";

/** A story is at least this many words before the ask ("Hi. Where is it?" is no story). */
const MIN_STORY_WORDS = 8;
/** An ask shorter than this ("What's going on?", "¿Qué pasó?") says too little to be read alone. */
const MIN_ASK_WORDS = 4;

/** The last sentence that asks something, when a story of several words comes before it; else null. */
export function askAfterStory(text: string): string | null {
  const sentences = text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  if (sentences.length < 2) return null;
  for (let i = sentences.length - 1; i >= 1; i--) {
    const sentence = sentences[i];
    if (!asksAQuestion(normalize(sentence))) continue;
    const told = sentences.slice(0, i);
    // "How many days do I have? Is it from delivery?": questions in a row, the first one the ask; no story.
    if (told.some((s) => asksAQuestion(normalize(s)))) return null;
    const story = told.join(" ");
    if (words(story) < MIN_STORY_WORDS || words(sentence) < MIN_ASK_WORDS) return null;
    return sentence;
  }
  return null;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
