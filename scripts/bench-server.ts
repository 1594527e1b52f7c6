/**
 * The production server (`node server.mjs`) as `npm run bench` and `npm run profile:chat` load it:
 * a fresh database (SQLite file or a throwaway PostgreSQL cluster) with the demo shop installed
 * (offline session and the demo merchant's settings), the demo store answering its Admin API, the
 * rate limits out of the way of the load, and requests signed here as Shopify's app proxy signs them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build as bundle } from "esbuild";
import { signProxyQuery } from "../demo/shopify-surrogate";
import { loadDemoSnapshot } from "../demo/demo-store";
import { applyPostgresMigrations } from "./postgres-migrate";
import { freePort } from "../tests/helpers/demo-process";
import { startPostgres } from "../tests/helpers/postgres";
import { migratedDatabaseUrl } from "../tests/helpers/test-db";

export type BenchEngine = "sqlite" | "postgresql";

export const SNAPSHOT = path.resolve("demo", "demo-store.json");
const SECRET = "bench-secret";

export interface BenchServer {
  url: string;
  shop: string;
  engine: BenchEngine;
  /** The primary process; with WEB_CONCURRENCY > 1 its workers are its children. */
  child: ChildProcess;
  /** `/proxy/<endpoint>?…` signed for a guest, unique per call (each signature is single-use). */
  signedPath(endpoint: string): string;
  /** Resident memory of every process serving (the primary and its workers), MB. */
  rssMb(): number[];
  /** CPU time (user + system) the serving processes have used so far, ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  engine: BenchEngine;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** The checkout whose server.mjs and build/ to run; this one by default. */
  appDir?: string;
}

/** A migrated database with the demo shop installed: what OAuth and the merchant's settings leave. */
export async function benchDatabase(engine: BenchEngine): Promise<{ url: string; stop(): Promise<void> }> {
  let url: string;
  let stopCluster = async () => {};
  if (engine === "postgresql") {
    const postgres = await startPostgres("bench");
    await applyPostgresMigrations(postgres.url);
    url = postgres.url;
    stopCluster = postgres.stop;
  } else {
    url = migratedDatabaseUrl("bench");
  }
  const { createDb } = await import("../app/db.server");
  const { storeOfflineSession } = await import("../demo/offline-session");
  const { DEFAULT_SETTINGS } = await import("../app/settings.server");
  const { demoShopSettings } = await import("../demo/demo-settings");
  const snapshot = loadDemoSnapshot(SNAPSHOT);
  const db = createDb(url);
  try {
    await storeOfflineSession(db, snapshot.shop.myshopifyDomain, "bench-offline-token", "installed");
    await db.shopSettings.create({
      data: { shop: snapshot.shop.myshopifyDomain, ...DEFAULT_SETTINGS, ...demoShopSettings(snapshot) },
    });
  } finally {
    await db.$disconnect();
  }
  return { url, stop: stopCluster };
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const database = await benchDatabase(options.engine);
  const shop = loadDemoSnapshot(SNAPSHOT).shop.myshopifyDomain;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_APP_DIR: another checkout's build (e.g. the base of a change), loaded the same way.
  const appDir = options.appDir ?? process.env.BENCH_APP_DIR ?? process.cwd();
  const demoWiring = await bundleDemoWiring(appDir);
  // Started as production starts it: with the V8 flags that checkout's server.mjs asks for.
  const serverScript = path.join(appDir, "server.mjs");
  const { NODE_FLAGS = [] } = (await import(pathToFileURL(serverScript).href)) as { NODE_FLAGS?: string[] };
  const child = spawn(process.execPath, [...NODE_FLAGS, ...(options.nodeArgs ?? []), serverScript], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      SHOPIFY_API_KEY: "bench-key",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_APP_URL: url,
      APP_ENCRYPTION_KEY: "bench-encryption-key-0123456789abcdef",
      DEMO_STORE_SNAPSHOT: SNAPSHOT,
      DEMO_WIRING_MODULE: demoWiring,
      LOG_LEVEL: "warn",
      RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
      RATE_LIMIT_SHOPPER_PER_MINUTE: "100000000",
      RATE_LIMIT_ADDRESS_PER_MINUTE: "100000000",
      OPENAI_API_KEY: "",
      SMTP_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilServing(url, child, () => output);
  let counter = 0;
  return {
    url,
    shop,
    engine: options.engine,
    child,
    signedPath(endpoint) {
      const params = signProxyQuery(new URLSearchParams({ r: String(++counter) }), {
        shop,
        loggedInCustomerId: null,
        pathPrefix: "/apps/support",
        secret: SECRET,
      });
      return `/proxy/${endpoint}?${params}`;
    },
    rssMb: () => [child.pid!, ...childPids(child.pid!)].map(rssMb),
    cpuMs: () => [child.pid!, ...childPids(child.pid!)].reduce((sum, pid) => sum + cpuMs(pid), 0),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await database.stop();
      fs.rmSync(path.dirname(fileURLToPath(demoWiring)), { recursive: true, force: true });
    },
  };
}

/**
 * demo/wiring.ts bundled to one JavaScript module (packages stay imports), fresh for each server:
 * the measured process then loads the demo without tsx, as production loads no TypeScript.
 */
async function bundleDemoWiring(appDir: string): Promise<string> {
  // Inside the checkout, so the bundle's package imports resolve from its node_modules.
  fs.mkdirSync(path.join(appDir, "build"), { recursive: true });
  const outfile = path.join(fs.mkdtempSync(path.join(appDir, "build", "demo-wiring-")), "wiring.mjs");
  await bundle({
    entryPoints: [path.join(appDir, "demo", "wiring.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return pathToFileURL(outfile).href;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server.mjs exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server.mjs not serving within 120 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * What shoppers ask in the load: a greeting, policies, a product question, a search, shipping, and
 * an order lookup (verified by number and email, read from the store through the Admin API).
 */
export const QUESTIONS = [
  "hi",
  "what is your return policy?",
  "Is the Alpine shell jacket waterproof?",
  "any hiking boots under $150?",
  "do you ship to Canada?",
  "where is my order #1006? my email is hannah.brooks@example.com",
];

export const tmpDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `support-chat-${name}-`));
