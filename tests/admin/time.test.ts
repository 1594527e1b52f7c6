/** The admin's fixed-format dates (app/components/time.ts): the same text on the server and in any browser. */
import { describe, expect, it } from "vitest";
import { formatElapsed, formatTime } from "../../app/components/time";

describe("times in a transcript", () => {
  it("tell apart turns within the same second by the time since the previous one", () => {
    const at = "2026-11-20T14:05:07.120Z";
    expect(formatTime(at)).toBe("2:05:07 PM UTC");
    expect(formatElapsed(at, "2026-11-20T14:05:07.155Z")).toBe("+35 ms");
    expect(formatElapsed(at, "2026-11-20T14:05:07.920Z")).toBe("+800 ms");
    expect(formatElapsed(at, "2026-11-20T14:05:09.570Z")).toBe("+2.5 s");
    expect(formatElapsed(at, "2026-11-20T14:05:52.120Z")).toBe("+45 s");
    expect(formatElapsed(at, "2026-11-20T14:17:07.120Z")).toBe("+12 min");
    expect(formatElapsed(at, "2026-11-20T17:35:07.120Z")).toBe("+3 h 30 min");
    expect(formatElapsed(at, "2026-11-23T14:05:07.120Z")).toBe("+3 days");
    expect(formatElapsed(at, at)).toBe("+0 ms");
  });
});
