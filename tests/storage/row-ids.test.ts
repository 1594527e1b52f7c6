/**
 * Row and conversation ids drawn from a pool of random bytes: every byte is handed out once, the
 * pool refills when spent, and a conversation id (a guest's only key to it) stays 128 random bits.
 */
import { describe, expect, it } from "vitest";
import { newRowId, pooledRandomBytes } from "../../app/chat/transcript-sql.server";
import { mintConversationId } from "../../app/chat/transcript.server";

describe("ids from the pool of random bytes", () => {
  it("never hands out the same bytes twice, across refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(pooledRandomBytes(16).toString("hex"));
    expect(seen.size).toBe(2000);
  });

  it("a copy the caller owns: the pool's refill doesn't change bytes already handed out", () => {
    const first = pooledRandomBytes(16);
    const kept = first.toString("hex");
    for (let i = 0; i < 600; i++) pooledRandomBytes(16);
    expect(first.toString("hex")).toBe(kept);
  });

  it("more than the pool holds comes straight from the source", () => {
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
  });

  it("conversation ids are 16 random bytes in base64url, each different", () => {
    const ids = Array.from({ length: 5000 }, mintConversationId);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("row ids keep their shape and creation order", () => {
    const a = newRowId(1_700_000_000_000);
    const b = newRowId(1_700_000_000_000);
    expect(a).toMatch(/^c[0-9a-z]{24}$/);
    expect(a.slice(0, 13) < b.slice(0, 13) || a.slice(9, 13) === "zzzz").toBe(true);
  });
});
