/**
 * HEAP_GROWING_PERCENT: how far server.mjs lets V8's old generation grow past the live heap
 * before collecting (docs/PERFORMANCE.md, "Where a process's memory goes"). 50 unless configured; 0 leaves
 * V8's own choice; anything else is refused at start-up rather than silently ignored.
 */
import { describe, expect, it } from "vitest";
import { heapGrowingPercent } from "../../server.mjs";

describe("HEAP_GROWING_PERCENT", () => {
  it("is 50 by default, a whole number when set (0: V8 decides), and refuses anything else", () => {
    expect(heapGrowingPercent({})).toBe(50);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: " " })).toBe(50);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: "100" })).toBe(100);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: "0" })).toBe(0);
    for (const wrong of ["-1", "1.5", "half", "5000"])
      expect(() => heapGrowingPercent({ HEAP_GROWING_PERCENT: wrong }), wrong).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
