/**
 * A function's results remembered per text argument, within a bound on the entries and the
 * characters kept; past either bound the memory is forgotten all at once (cheaper than tracking
 * recency, and texts that matter come back on the next message). For pure functions only: a
 * result must never depend on what was asked before.
 */
export interface BoundedMemo {
  (text: string): string;
  /** How many texts are remembered now. */
  readonly size: number;
}

/** What one remembered entry costs beyond its characters (the map's slot and two string headers), in characters. */
const ENTRY_OVERHEAD_CHARACTERS = 48;

export function boundedMemo(
  compute: (text: string) => string,
  bounds: { maxEntries: number; maxCharacters: number },
): BoundedMemo {
  const remembered = new Map<string, string>();
  let characters = 0;
  const memo = (text: string) => {
    let result = remembered.get(text);
    if (result === undefined) {
      result = compute(text);
      const cost = text.length + result.length + ENTRY_OVERHEAD_CHARACTERS;
      if (remembered.size >= bounds.maxEntries || characters + cost > bounds.maxCharacters) {
        remembered.clear();
        characters = 0;
      }
      if (cost <= bounds.maxCharacters) {
        remembered.set(text, result);
        characters += cost;
      }
    }
    return result;
  };
  Object.defineProperty(memo, "size", { get: () => remembered.size });
  return memo as BoundedMemo;
}
