/**
 * HTTP part of `npm run bench`: autocannon against the app proxy chat route (local engine, demo
 * store, real signature checks and database writes) beside a bare Node http server answering a
 * fixed JSON, on this machine, in the same run, at 1, 10 and 50 connections.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { percentile } from "../app/eval/intents";
import { freePort } from "../tests/helpers/demo-process";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = [1, 10, 50];

export interface HttpFigures {
  connections: number;
  bareRps: number;
  chatRps: number;
  ratio: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
}

async function startBareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const body = JSON.stringify({ reply: { text: "ok" } });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
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
    stop: () => new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

/** autocannon's run plus every response time, so p95 is exact (autocannon reports p90 and p97.5). */
function run(options: autocannon.Options): Promise<{ result: autocannon.Result; times: number[] }> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, times: times.sort((a, b) => a - b) })));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

const QUESTIONS = ["hi", "what is your return policy?", "Is the Alpine shell jacket waterproof?", "any hiking boots under $150?", "do you ship to Canada?"];

/**
 * What any route of this app can reach at 50 connections, measured beside the same bare server:
 * the Remix request path alone (an unsigned proxy request, refused before any database work) and
 * with one database round trip (/healthz, a `SELECT 1` through Prisma). The chat route does that
 * and more, so these bound what its ratio to the bare server can be on this stack.
 */
export interface CeilingFigures {
  route: string;
  rps: number;
  ratio: number;
  p95: number;
}

export async function benchHttp(): Promise<{ chat: HttpFigures[]; ceilings: CeilingFigures[] }> {
  const [bare, demo] = await Promise.all([startBareServer(), startBenchDemo()]);
  const figures: HttpFigures[] = [];
  const ceilings: CeilingFigures[] = [];
  try {
    let counter = 0;
    // Warm up: the first replies load the schema, train the intent model and fill caches.
    for (const text of QUESTIONS) {
      await fetch(`${demo.url}/apps/support/messages?r=warm-${++counter}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
    }
    for (const connections of CONNECTIONS) {
      const { result: bareResult } = await run({ url: bare.url, connections, duration: DURATION_SECONDS });
      const { result: chatResult, times } = await run({
        url: `${demo.url}/apps/support/messages`,
        connections,
        duration: DURATION_SECONDS,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            // A fresh query parameter per request makes each proxy signature unique, as the bubble does.
            setupRequest: (request: autocannon.Request) => ({ ...request, path: `/apps/support/messages?r=${++counter}`, body: JSON.stringify({ text: QUESTIONS[counter % QUESTIONS.length] }) }),
          },
        ],
      });
      figures.push({
        connections,
        bareRps: bareResult.requests.average,
        chatRps: chatResult.requests.average,
        ratio: chatResult.requests.average / bareResult.requests.average,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        errors: chatResult.errors + chatResult.timeouts,
        non2xx: chatResult.non2xx,
        rssMb: rssMb(demo.pid),
      });
    }
    // Beside the bare server's figure at the same connection count, measured just above.
    const connections = CONNECTIONS[CONNECTIONS.length - 1];
    const { bareRps } = figures[figures.length - 1];
    for (const [route, url] of [
      ["Remix route, no database (unsigned → 401)", `${demo.url}/proxy/messages`],
      ["Remix route + one SELECT 1 (/healthz)", `${demo.url}/healthz`],
    ]) {
      const { result, times } = await run({ url, connections, duration: DURATION_SECONDS });
      ceilings.push({ route, rps: result.requests.average, ratio: result.requests.average / bareRps, p95: percentile(times, 0.95) });
    }
  } finally {
    await Promise.all([bare.close(), demo.stop()]);
  }
  return { chat: figures, ceilings };
}
