/**
 * English synonyms from WordNet 3.1, as index terms: the compact table scripts/build-synonyms.ts
 * writes (only the words shoppers and shops use, their most common senses), read once.
 */
import { termOf } from "./text";
import table from "./wordnet-synonyms.json";

let byTerm: Map<string, string[]> | null = null;

/** The index terms of the synonyms of an English index term ("guarante" → "warranti", …). */
export function synonymsOf(term: string): string[] {
  if (!byTerm) {
    byTerm = new Map();
    for (const [word, synonyms] of Object.entries(table as Record<string, string[]>)) {
      const key = termOf(word, "en");
      const known = byTerm.get(key) ?? [];
      byTerm.set(
        key,
        [...new Set([...known, ...synonyms.map((s) => termOf(s, "en"))])].filter((s) => s !== key),
      );
    }
  }
  return byTerm.get(term) ?? [];
}
