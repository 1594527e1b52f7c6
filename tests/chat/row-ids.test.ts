/** Row ids written by the chat's own statements: unique, in creation order within a process, base 36. */
import { describe, expect, it } from "vitest";
import { newRowId } from "../../app/chat/transcript-sql.server";

describe("newRowId", () => {
  it("is 25 base-36 characters, never repeats, and sorts in creation order within a millisecond", () => {
    const now = Date.UTC(2026, 11, 6);
    // More than one pool of random bytes, so the pool's refill is crossed.
    const ids = Array.from({ length: 2000 }, () => newRowId(now));
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The counter wraps once in 36^4 ids; within a run that short, creation order is sort order.
    const wrapped = ids.findIndex((id, i) => i > 0 && id < ids[i - 1]);
    expect(wrapped === -1 || ids.slice(wrapped).every((id, i, rest) => i === 0 || id > rest[i - 1])).toBe(true);
    // The random tail is spread over the alphabet, not a constant.
    const tails = new Set(ids.map((id) => id.slice(13)));
    expect(tails.size).toBe(ids.length);
    const letters = new Set(ids.join("").slice(0, 5000));
    expect(letters.size).toBeGreaterThan(30);
  });
});
