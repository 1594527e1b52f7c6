/**
 * npm run bench — reported figures, not timed tests.
 *   replies: the chat pipeline (local engine + demo store) answering every dev scenario turn
 *   intent:  classification + entities per message
 *   bubble:  gzipped size of the storefront script and stylesheet; in headless Chromium, time from
 *            its first byte to interactive, layout shift and render-blocking assets
 *   http:    the proxy chat route under autocannon beside the app's floor route, same run, on SQLite
 *            and PostgreSQL, at 1, 10 and 50 connections, with RSS (bench-http.ts)
 * BENCH_ONLY=http measures the HTTP part alone; BENCH_HTTP=0, BENCH_BROWSER=0 skip parts;
 * BENCH_ENGINES=sqlite,postgresql; BENCH_WORKERS=1,2 runs the server with that many workers.
 * Every figure is written as JSON to bench-results/ (gitignored).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildCatalog, extractEntities } from "../app/chat/entities";
import { readCorpus, shippedClassifier, train } from "../app/chat/intent/engine";
import { preprocess } from "../app/chat/preprocess";
import { respond } from "../app/chat/pipeline";
import type { DialogueState } from "../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../demo/demo-store";
import { percentile, readIntentsFile } from "../app/eval/intents";
import { readScenariosFile } from "../app/eval/scenarios";
import { demoChatContext } from "../tests/helpers/chat-context";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const snapshot = loadDemoSnapshot(path.resolve("demo", "demo-store.json"));
const figures: Record<string, number> = {};
const http: import("./bench-http").HttpFigures[] = [];

function report(name: string, value: number, unit: string, target?: string) {
  figures[name] = Math.round(value * 1000) / 1000;
  console.log(
    `${name.padEnd(34)} ${value.toFixed(unit === "B" ? 0 : 3).padStart(10)} ${unit.padEnd(4)} ${target ? `(target ${target})` : ""}`,
  );
}

async function benchReplies() {
  const scenarios = readScenariosFile(path.resolve("tests", "fixtures", "eval", "dev-scenarios.jsonl"));
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      const store = createDemoStore(snapshot);
      const ctx = await demoChatContext(store);
      let state: DialogueState = {};
      for (const turn of scenario.turns) {
        const started = performance.now();
        const out = await respond(
          { text: turn.user, state, shopper: { customerId: scenario.shopper?.customerId ?? null } },
          ctx,
        );
        if (round > 0) times.push(performance.now() - started); // round 0 warms caches and the JIT
        state = out.state;
      }
    }
  }
  times.sort((a, b) => a - b);
  report("reply median (local + demo store)", percentile(times, 0.5), "ms");
  report("reply p95", percentile(times, 0.95), "ms", "≤ 20 ms");
}

function benchIntent() {
  const rows = readIntentsFile(path.resolve("tests", "fixtures", "eval", "dev-intents.jsonl"));
  const classifier = shippedClassifier();
  const catalog = buildCatalog(snapshot.products);
  const intentTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const row of rows) {
      const started = performance.now();
      classifier.classify(row.text);
      const classified = performance.now();
      extractEntities(preprocess(row.text), catalog);
      if (round > 0) {
        intentTimes.push(classified - started);
        fullTimes.push(performance.now() - started);
      }
    }
  }
  intentTimes.sort((a, b) => a - b);
  fullTimes.sort((a, b) => a - b);
  report("intent median", percentile(intentTimes, 0.5), "ms", "≤ 0.2 ms");
  report("intent p95", percentile(intentTimes, 0.95), "ms", "≤ 1 ms");
  report("intent + entities median", percentile(fullTimes, 0.5), "ms");
  report("intent + entities p95", percentile(fullTimes, 0.95), "ms");
}

function benchBubble() {
  const assets = path.resolve("extensions", "support-chat", "assets");
  report("bubble JS gzipped", gzipSync(fs.readFileSync(path.join(assets, "chat-bubble.js"))).length, "B", "≤ 6144 B");
  report("bubble CSS gzipped", gzipSync(fs.readFileSync(path.join(assets, "chat-bubble.css"))).length, "B", "≤ 2048 B");
}

// BENCH_ONLY=http: the HTTP figures alone (no training, replies, bubble or browser).
if (process.env.BENCH_ONLY !== "http") {
  const loadStarted = performance.now();
  shippedClassifier();
  report("intent model load (prebuilt file)", performance.now() - loadStarted, "ms");
  const trainStarted = performance.now();
  train(readCorpus(), "bench");
  report("intent model training", (performance.now() - trainStarted) / 1000, "s", "≤ 3 s");
  benchIntent();
  await benchReplies();
  benchBubble();
  if (process.env.BENCH_BROWSER !== "0") {
    const { benchPage } = await import("./bench-page");
    const page = await benchPage();
    report("bubble first byte → interactive", page.firstByteToInteractiveMs, "ms");
    report("bubble layout shift (CLS)", page.layoutShift, "", "0");
    report("bubble render-blocking assets", page.blockingAssets.length, "", "0");
    if (page.blockingAssets.length) console.log(`  blocking: ${page.blockingAssets.join(", ")}`);
  }
}
if (process.env.BENCH_HTTP !== "0") {
  const { benchHttp } = await import("./bench-http");
  const { postgresUnavailable } = await import("../tests/helpers/postgres");
  const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",").filter((engine) => {
    if (engine !== "postgresql" || !postgresUnavailable()) return true;
    console.log(`\nPostgreSQL skipped: ${postgresUnavailable()}`);
    return false;
  }) as ("sqlite" | "postgresql")[];
  for (const workers of (process.env.BENCH_WORKERS ?? "1").split(",").map(Number)) {
    console.log(
      `\nchat route vs the floor route (unsigned → 401), server.mjs with ${workers} worker${workers > 1 ? "s" : ""}, autocannon, same run:`,
    );
    console.log(
      "engine      conn  floor rps  chat rps   ratio   p50 ms   p95 ms   p99 ms  errors  unexpected  RSS MB  CPU ms/req floor chat",
    );
    const perProcess: string[] = [];
    for (const f of await benchHttp(engines, workers)) {
      http.push(f);
      if (f.rssByProcessMb.length > 1)
        perProcess.push(
          `${f.engine} ${f.connections} conn: primary ${f.rssByProcessMb[0]} MB, workers ${f.rssByProcessMb.slice(1).join(" / ")} MB`,
        );
      console.log(
        `${f.engine.padEnd(10)} ${String(f.connections).padStart(5)} ${f.floor.rps.toFixed(0).padStart(10)} ${f.chat.rps.toFixed(0).padStart(9)} ${(f.ratio * 100).toFixed(1).padStart(6)}% ${f.chat.p50.toFixed(1).padStart(8)} ${f.chat.p95.toFixed(1).padStart(8)} ${f.chat.p99.toFixed(1).padStart(8)} ${String(f.chat.errors).padStart(7)} ${String(f.chat.unexpected + f.floor.unexpected).padStart(11)} ${f.rssMb.toFixed(0).padStart(7)} ${f.floor.cpuMsPerRequest.toFixed(2).padStart(16)} ${f.chat.cpuMsPerRequest.toFixed(2).padStart(5)}`,
      );
    }
    if (perProcess.length) console.log(`RSS per process during the chat run:\n  ${perProcess.join("\n  ")}`);
  }
  console.log(
    `targets: chat ≥ 25 % of the floor on SQLite and ≥ 20 % on PostgreSQL at 50 connections, p95 ≤ 150 ms at 50, median ≤ 4 ms at 1, 0 errors, RSS ≤ 300 MB per process`,
  );
}
const results = { at: new Date().toISOString(), host: { cpus: os.cpus().length, load: os.loadavg() }, figures, http };
fs.mkdirSync("bench-results", { recursive: true });
const file = path.join("bench-results", `bench-${results.at.replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify(results, null, 1));
fs.writeFileSync(path.join("bench-results", "latest.json"), JSON.stringify(results, null, 1));
console.log(`\nwritten: ${file} (and bench-results/latest.json)`);
