/**
 * npm run bench — reported figures, not timed tests.
 *   replies: the chat pipeline (local engine + demo store) answering every dev scenario turn
 *   intent:  classification + entities per message
 *   bubble:  gzipped size of the storefront script and stylesheet; in headless Chromium, time from
 *            its first byte to interactive, layout shift and render-blocking assets
 *   http:    the proxy chat route under autocannon beside a bare server, and the ceilings any
 *            route of the app meets on the same run (bench-http.ts)
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildCatalog, extractEntities } from "../app/chat/entities";
import { readCorpus, shippedClassifier, train } from "../app/chat/intent/engine";
import { preprocess } from "../app/chat/preprocess";
import { respond } from "../app/chat/pipeline";
import type { DialogueState } from "../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../app/commerce/demo-store";
import { percentile, readIntentsFile } from "../app/eval/intents";
import { readScenariosFile } from "../app/eval/scenarios";
import { demoChatContext } from "../tests/helpers/chat-context";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const snapshot = loadDemoSnapshot(path.resolve("demo", "demo-store.json"));
const figures: Record<string, number> = {};

function report(name: string, value: number, unit: string, target?: string) {
  figures[name] = Math.round(value * 1000) / 1000;
  console.log(`${name.padEnd(34)} ${value.toFixed(unit === "B" ? 0 : 3).padStart(10)} ${unit.padEnd(4)} ${target ? `(target ${target})` : ""}`);
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
        const out = await respond({ text: turn.user, state, shopper: { customerId: scenario.shopper?.customerId ?? null } }, ctx);
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
if (process.env.BENCH_HTTP !== "0") {
  const { benchHttp } = await import("./bench-http");
  console.log("\nproxy chat route vs a bare Node http server (autocannon, same machine, same run):");
  console.log("conn   bare rps   chat rps   ratio    p50 ms   p95 ms   p99 ms   errors  non-2xx   RSS MB");
  const { chat, ceilings } = await benchHttp();
  for (const f of chat) {
    console.log(
      `${String(f.connections).padStart(4)} ${f.bareRps.toFixed(0).padStart(10)} ${f.chatRps.toFixed(0).padStart(10)} ${(f.ratio * 100).toFixed(1).padStart(6)}% ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)} ${f.rssMb.toFixed(0).padStart(8)}`,
    );
    figures[`chat rps @${f.connections}`] = Math.round(f.chatRps);
    figures[`chat/bare @${f.connections}`] = Math.round(f.ratio * 1000) / 1000;
    figures[`chat p95 ms @${f.connections}`] = f.p95;
  }
  console.log("targets at 50 connections: ≥ 50 % of the bare server's throughput, p95 ≤ 25 ms");
  console.log("\nceilings for any route of this app at 50 connections (same bare server):");
  for (const c of ceilings) {
    console.log(`  ${c.route.padEnd(44)} ${c.rps.toFixed(0).padStart(6)} rps ${(c.ratio * 100).toFixed(1).padStart(6)}%  p95 ${c.p95.toFixed(1)} ms`);
    figures[`ceiling rps: ${c.route}`] = Math.round(c.rps);
    figures[`ceiling ratio: ${c.route}`] = Math.round(c.ratio * 1000) / 1000;
  }
}
console.log(JSON.stringify(figures));
