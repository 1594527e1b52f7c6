/**
 * `npm run eval` as a merchant or CI runs it: a real child process, its --json summary line and
 * its exit code. The dev intents file is measured here, never trained on.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const DEV_INTENTS = "tests/fixtures/eval/dev-intents.jsonl";

async function evalCli(args: string[]): Promise<{ code: number; stdout: string; summary: any }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/eval.ts", ...args], {
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, summary: JSON.parse(stdout.trim().split("\n").pop()!) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    const last = e.stdout.trim().split("\n").pop() ?? "";
    return { code: e.code, stdout: e.stdout, summary: last.startsWith("{") ? JSON.parse(last) : null };
  }
}

describe("npm run eval -- intents", () => {
  it("scores the dev file above the bar CI holds the engine to", async () => {
    const { code, summary, stdout } = await evalCli(["intents", DEV_INTENTS, "--json", "--min-accuracy", "0.94"]);
    expect(code).toBe(0);
    expect(summary.n).toBe(525);
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.94);
    expect(summary.macroF1).toBeGreaterThanOrEqual(0.94);
    expect(summary.entities.order_number).toBeGreaterThanOrEqual(0.95);
    expect(summary.entities.email).toBeGreaterThanOrEqual(0.95);
    expect(summary.entities.product).toBeGreaterThanOrEqual(0.85);
    expect(stdout).toMatch(/most confused/);
  }, 60_000);

  it("exits 1 when the accuracy threshold is missed", async () => {
    const { code, summary } = await evalCli(["intents", DEV_INTENTS, "--json", "--min-accuracy", "0.999"]);
    expect(code).toBe(1);
    expect(summary.accuracy).toBeLessThan(0.999);
  }, 60_000);

  it("names the bad line of a malformed file", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eval-")), "bad.jsonl");
    fs.writeFileSync(file, '{"text":"hi","intent":"greeting","entities":{}}\n{"text":"x","intent":"not_a_label"}\n');
    const { code } = await evalCli(["intents", file]);
    expect(code).toBe(2);
  }, 60_000);
});

describe("npm run eval -- scenarios", () => {
  it("plays the dev scenarios through the chat pipeline above the bar CI holds it to, never saying a forbidden thing", async () => {
    const { code, summary } = await evalCli([
      "scenarios",
      "tests/fixtures/eval/dev-scenarios.jsonl",
      "--store",
      "demo/demo-store.json",
      "--json",
      "--min-pass",
      "0.95",
    ]);
    expect(code).toBe(0);
    expect(summary.turns).toBe(51);
    expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(0.95);
    expect(summary.forbidden).toBe(0);
  }, 120_000);

  // The two other dev stores, held just under what the bot reaches today (issue #13 aims at 95 %),
  // so a change that loses a store's turns fails here.
  it.each([
    ["maison-coquelicot", 79, 0.92],
    ["cafe-colibri", 75, 0.88],
  ])(
    "plays %s's own scenarios above its floor, never saying a forbidden thing",
    async (store, turns, floor) => {
      const file = `tests/fixtures/stores/${store}/scenarios.jsonl`;
      const { summary } = await evalCli(["scenarios", file, "--store", `demo/stores/${store}.json`, "--json"]);
      expect(summary.turns).toBe(turns);
      expect(summary.passed / summary.turns).toBeGreaterThanOrEqual(floor);
      expect(summary.forbidden).toBe(0);
    },
    120_000,
  );
});
