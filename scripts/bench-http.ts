/**
 * HTTP part of `npm run bench`: the production server (server.mjs, bench-server.ts) under autocannon,
 * the chat route beside the app's floor route in the same run, at 1, 10 and 50 connections, on
 * SQLite and on PostgreSQL.
 *
 *   floor: an unsigned proxy request, refused (401) before any work: what any Remix route of this
 *          app costs (HTTP, Express, Remix routing, a JSON response)
 *   chat:  signed shopper messages (a signature per request, as Shopify sends them), half starting a
 *          conversation and half continuing one, on the local engine and the demo store; each one
 *          stored, answered and its reply stored
 *
 * At each connection count the two run back to back, so they share the machine's state: quote the
 * ratio. RSS is sampled from every serving process during the chat runs.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { percentile } from "../app/eval/intents";
import { freePort } from "../tests/helpers/demo-process";
import { QUESTIONS, startBenchServer, type BenchEngine, type BenchServer } from "./bench-server";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = [1, 10, 50];

export interface RouteFigures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Responses with another status than the route's expected one (200 chat, 401 floor). */
  unexpected: number;
  /** Server CPU time (every serving process, user + system) per response: less noisy than rps on a shared machine. */
  cpuMsPerRequest: number;
}

export interface HttpFigures {
  engine: BenchEngine;
  workers: number;
  connections: number;
  floor: RouteFigures;
  chat: RouteFigures;
  /** chat rps / floor rps */
  ratio: number;
  /** Largest RSS of any one serving process during the chat run, MB. */
  rssMb: number;
  /** Peak RSS of each serving process during the chat run, MB: the primary first, then each worker (one process with 1 worker). */
  rssByProcessMb: number[];
}

/** autocannon's run plus every response time and status, so p95 is exact (autocannon reports p90 and p97.5). */
function run(server: BenchServer, options: autocannon.Options, expectedStatus: number): Promise<RouteFigures> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let unexpected = 0;
    const cpuBefore = server.cpuMs();
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const cpu = server.cpuMs() - cpuBefore;
      times.sort((a, b) => a - b);
      resolve({
        cpuMsPerRequest: times.length ? cpu / times.length : 0,
        rps: result.requests.average,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        errors: result.errors + result.timeouts,
        unexpected,
      });
    });
    instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (status !== expectedStatus) unexpected++;
    });
  });
}

/** Conversations the load continues: started before the runs, one per address. */
export async function startConversations(server: BenchServer, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(server.url + server.signedPath("messages"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length] }),
    });
    if (!response.ok) throw new Error(`warm-up message failed: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { conversationId: string }).conversationId);
  }
  return ids;
}

/** Odd requests continue a conversation, even ones start one; the questions cycle. */
export function chatRequests(server: BenchServer, conversations: string[]): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request: autocannon.Request) => {
        n++;
        const conversationId = n % 2 === 1 ? conversations[n % conversations.length] : undefined;
        return {
          ...request,
          path: server.signedPath("messages"),
          body: JSON.stringify({
            text: QUESTIONS[n % QUESTIONS.length],
            ...(conversationId ? { conversationId } : {}),
          }),
        };
      },
    },
  ];
}

const floorRequest = {
  method: "POST" as const,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ text: "hi" }),
};

export async function benchEngine(engine: BenchEngine, workers = 1): Promise<HttpFigures[]> {
  const server = await startBenchServer({ engine, env: { WEB_CONCURRENCY: String(workers) } });
  const figures: HttpFigures[] = [];
  try {
    const conversations = await startConversations(server, 50);
    // Warm the JIT, the caches and the database's pages before measuring.
    await run(
      server,
      { url: server.url, connections: 10, amount: 1000, requests: chatRequests(server, conversations) },
      200,
    );
    await run(server, { url: `${server.url}/proxy/messages`, connections: 10, amount: 1000, ...floorRequest }, 401);
    for (const connections of CONNECTIONS) {
      const floor = await run(
        server,
        { url: `${server.url}/proxy/messages`, connections, duration: DURATION_SECONDS, ...floorRequest },
        401,
      );
      // Per process, by position: the primary first, then its workers in the order they were forked.
      let peaks: number[] = [];
      const sample = () => (peaks = server.rssMb().map((mb, i) => Math.max(mb, peaks[i] ?? 0)));
      const sampler = setInterval(sample, 250);
      const chat = await run(
        server,
        { url: server.url, connections, duration: DURATION_SECONDS, requests: chatRequests(server, conversations) },
        200,
      );
      clearInterval(sampler);
      sample();
      const rssByProcessMb = peaks.map((mb) => Math.round(mb));
      figures.push({
        engine,
        workers,
        connections,
        floor,
        chat,
        ratio: chat.rps / floor.rps,
        rssMb: Math.max(0, ...peaks),
        rssByProcessMb,
      });
    }
  } finally {
    await server.stop();
  }
  return figures;
}

export async function benchHttp(engines: BenchEngine[], workers = 1): Promise<HttpFigures[]> {
  const all: HttpFigures[] = [];
  for (const engine of engines) all.push(...(await benchEngine(engine, workers)));
  return all;
}

/** The demo server as a child process in production mode, with limits out of the way of the load. */
export async function startBenchDemo(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "support-chat-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "demo/server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dir, "bench.sqlite")}`,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
      RATE_LIMIT_SHOPPER_PER_MINUTE: "100000000",
      RATE_LIMIT_ADDRESS_PER_MINUTE: "100000000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Demo storefront:")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`demo exited ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
