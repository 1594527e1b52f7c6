/**
 * npm run profile:chat -- [--engine sqlite|postgresql] [--connections 10] [--seconds 10] [--label name]
 *
 * Where one chat message's time goes in the production server: server.mjs on a fresh database,
 * loaded with signed chat messages by autocannon (half start a conversation, half continue one),
 * with a CPU profile and a count of every SQL statement taken over the measured window only.
 * Prints CPU ms per message by component, inclusive time of the steps that matter, and the SQL
 * statements per message; writes bench-results/profile-<engine>-<label>.{json,cpuprofile}.
 * Build with `npx remix vite:build --sourcemapServer` first to see app code by source file.
 */
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startBenchServer, type BenchEngine, type BenchServer } from "./bench-server";
import { chatRequests, startConversations } from "./bench-http";

function waitForLine(server: BenchServer, text: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes(text)) {
        clearTimeout(timer);
        server.child.stderr!.off("data", onData);
        resolve();
      }
    };
    server.child.stderr!.on("data", onData);
  });
}

// ---------------------------------------------------------------------------------------------
// CPU profile analysis

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const bundle = path.resolve("build", "server", "index.js");
const bundleMap = fs.existsSync(`${bundle}.map`)
  ? new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, "utf8")))
  : null;

/** Where a frame's code lives: a package, an app source file (through the build's source map), or node itself. */
function component(frame: ProfileNode["callFrame"]): string | null {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith("(")) return functionName; // (garbage collector), (idle), (program)
    return null; // a builtin or native function: charged to its caller
  }
  if (url.startsWith("wasm://")) return "prisma query compiler (wasm)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] === "@prisma/client" ? "@prisma/client runtime" : pkg[1];
  if (url.includes("/app/generated/")) return "@prisma/client runtime";
  if (url.endsWith("build/server/index.js")) {
    const entry = bundleMap?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    const source = entry?.originalSource;
    if (!source) return "app (bundle)";
    const rel = source.replace(/^.*?\/(app|node_modules)\//, "$1/");
    const pkgInBundle = rel.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
    return pkgInBundle ? pkgInBundle[1] : rel;
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

/** Components grouped as the README's breakdown reports them; the first match wins. */
const GROUPS: [string, RegExp][] = [
  ["profiler (not in production)", /^(node:inspector|scripts\/profile)/],
  ["Prisma: query compiler, client runtime, adapter", /^(prisma query compiler|@prisma\/)/],
  ["database driver (better-sqlite3, pg)", /^(better-sqlite3|pg|pg-[a-z]+|postgres-[a-z-]+)$/],
  ["garbage collector", /^\(garbage collector\)$/],
  [
    "signature check, session (Shopify libraries)",
    /^@shopify\/(shopify-api|shopify-app-remix|shopify-app-session-storage-prisma)$/,
  ],
  ["rate limits", /^(rate-limiter-flexible|app\/proxy\/rate-limit)/],
  [
    "demo store: Admin GraphQL (graphql-js, demo store, commerce layer)",
    /^(graphql|@shopify\/(graphql-client|admin-api-client)|app\/commerce\/)/,
  ],
  [
    "transcript and settings (app code around the database)",
    /^app\/(chat\/(transcript|verification-store)|settings|admin\/)/,
  ],
  ["chat pipeline (intent, entities, answers, context)", /^(app\/chat\/|app\/llm\/|minisearch)/],
  ["proxy route (read, validate, redact, respond)", /^(app\/proxy\/|app\/privacy\/|zod)/],
  [
    "HTTP, Express, Remix, Node internals",
    /^(node:|@remix-run\/|express|pino|qs|body-parser|cookie|send|serve-static|finalhandler|on-finished|isbot|react)/,
  ],
];

function grouped(selfMs: Record<string, number>): Record<string, number> {
  const out = new Map<string, number>();
  for (const [where, ms] of Object.entries(selfMs)) {
    const group = GROUPS.find(([, pattern]) => pattern.test(where))?.[0] ?? "other";
    out.set(group, (out.get(group) ?? 0) + ms);
  }
  return Object.fromEntries(
    [...out.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
  );
}

/** Steps whose inclusive time the breakdown names (frame labels as analyseProfile makes them). */
const STEPS: [string, RegExp][] = [
  ["signature HMAC (Web Crypto, through the Shopify library)", /^createSHA256HMAC \(/],
  ["rate limits (checkLimits)", /^checkLimits \(/],
  ["shop context (buildChatContext)", /^buildChatContext \(/],
  ["pipeline (respondWithEngine: intent, entities, answer)", /^respondWithEngine \(/],
  ["demo store answering a document (handleHttp)", /^handleHttp \(demo\/demo-store/],
  ["Prisma compiling queries (wasm)", /^(compile|compileBatch) \(@prisma/],
  ["Prisma interpreting plans", /^interpretNode \(@prisma/],
  ["Remix request handling (requestHandler)", /^requestHandler \(@remix-run\/server-runtime\)/],
  ["response body to the socket (writeReadableStreamToWritable)", /^writeReadableStreamToWritable \(/],
];

export function analyseProfile(profile: CpuProfile, messages: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const own = component(node.callFrame);
    const up = parent.get(id);
    const result = own ?? (up !== undefined ? chargeOf(up) : "(root)");
    charged.set(id, result);
    return result;
  };
  // A frame as "function (where)": inclusive time is summed per label, once per sample.
  const label = (id: number) => `${byId.get(id)!.callFrame.functionName || "(anonymous)"} (${chargeOf(id)})`;
  const self = new Map<string, number>();
  // Self time per function: a builtin (no script) keeps its own name, charged to its caller's component.
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const where = chargeOf(id);
    if (where === "(idle)") {
      idle += ms;
      return;
    }
    total += ms;
    self.set(where, (self.get(where) ?? 0) + ms);
    const fn = label(id);
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  });
  const perMessage = (ms: number) => Math.round((ms / messages) * 1000) / 1000;
  const sorted = (m: Map<string, number>, limit: number) =>
    Object.fromEntries(
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([k, v]) => [k, perMessage(v)]),
    );
  const selfMsPerMessage = sorted(self, 400);
  const selfMsPerFunction = sorted(selfByFunction, 400);
  const inclusiveMsPerMessage = sorted(inclusive, 2000);
  const steps = Object.fromEntries(
    STEPS.map(([name, pattern]) => [
      name,
      Math.round(
        Object.entries(inclusiveMsPerMessage)
          .filter(([k]) => pattern.test(k))
          .reduce((max, [, v]) => Math.max(max, v), 0) * 1000,
      ) / 1000,
    ]),
  );
  return {
    messages,
    busyMsPerMessage: perMessage(total),
    idleMs: Math.round(idle),
    groups: grouped(selfMsPerMessage),
    steps,
    selfMsPerMessage,
    selfMsPerFunction,
    inclusiveMsPerMessage,
  };
}

// ---------------------------------------------------------------------------------------------

interface Report extends ReturnType<typeof analyseProfile> {
  engine: string;
  connections: number;
  rps: number;
  errors: number;
  non2xx: number;
  sqlStatementsPerMessage: number;
  sqlMsPerMessage: number;
  statements: { perMessage: number; msEach: number; sql: string }[];
}

function printReport(report: Report) {
  console.log(
    `${report.engine}, ${report.connections} connections: ${report.messages} messages, ${report.rps.toFixed(0)} rps, ${report.errors} errors, ${report.non2xx} non-2xx`,
  );
  console.log(
    `CPU per message (busy): ${report.busyMsPerMessage} ms; SQL statements per message: ${report.sqlStatementsPerMessage} (${report.sqlMsPerMessage} ms in the driver)`,
  );
  console.log("\nself time by group, ms per message:");
  for (const [k, v] of Object.entries(report.groups)) console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
  console.log("\nsteps (inclusive, synchronous parts), ms per message:");
  for (const [k, v] of Object.entries(report.steps)) console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
  console.log("\nself time by component, ms per message:");
  for (const [k, v] of Object.entries(report.selfMsPerMessage).slice(0, 40))
    console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
  console.log("\nself time by function (a builtin under its caller's component), ms per message:");
  for (const [k, v] of Object.entries(report.selfMsPerFunction).slice(0, Number(process.env.PROFILE_TOP ?? 60)))
    console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
  console.log("\ninclusive time of app and library frames (synchronous parts, every resumption), ms per message:");
  const shown = Object.entries(report.inclusiveMsPerMessage).filter(
    ([k]) => !/\((node:|\(|scripts\/)/.test(k) && !k.startsWith("("),
  );
  for (const [k, v] of shown.slice(0, Number(process.env.PROFILE_TOP ?? 60)))
    console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
  console.log("\nSQL statements per message:");
  for (const s of report.statements)
    console.log(`  ${s.perMessage.toFixed(2).padStart(6)} × ${s.msEach.toFixed(3)} ms  ${s.sql.slice(0, 150)}`);
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      engine: { type: "string", default: "sqlite" },
      connections: { type: "string", default: "10" },
      seconds: { type: "string", default: "10" },
      label: { type: "string", default: "now" },
      analyse: { type: "string" },
      env: { type: "string", multiple: true, default: [] },
    },
  });
  const engine = args.engine as BenchEngine;
  const outDir = path.resolve("bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `profile-${engine}-${args.label}`);
  if (args.analyse) {
    // Re-read a saved run (its .json and .cpuprofile) with the current grouping.
    const saved = JSON.parse(fs.readFileSync(`${args.analyse}.json`, "utf8"));
    printReport({
      ...saved,
      ...analyseProfile(JSON.parse(fs.readFileSync(`${args.analyse}.cpuprofile`, "utf8")), saved.messages),
    });
    return;
  }
  const hook = path.resolve("scripts", "profile", "sql-hook.mjs");
  const sqlOut = `${base}.sql.json`;
  const cpuOut = `${base}.cpuprofile`;
  for (const file of [sqlOut, cpuOut]) fs.rmSync(file, { force: true });
  const extraEnv = Object.fromEntries((args.env as string[]).map((pair) => pair.split("=", 2) as [string, string]));
  const server = await startBenchServer({
    engine,
    nodeArgs: ["--import", hook],
    env: { PROFILE_SQL_OUT: sqlOut, PROFILE_CPU_OUT: cpuOut, ...extraEnv },
  });
  try {
    const conversations = await startConversations(server, 50);
    // Warm the JIT and caches before the window.
    await new Promise((resolve, reject) =>
      autocannon(
        { url: server.url, connections: 5, amount: 500, requests: chatRequests(server, conversations) },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
    server.child.kill("SIGUSR2");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: server.url,
          connections: Number(args.connections),
          duration: Number(args.seconds),
          requests: chatRequests(server, conversations),
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
    const written = waitForLine(server, "profile written");
    server.child.kill("SIGUSR2");
    await written;
    const messages = result["2xx"];
    const sql = JSON.parse(fs.readFileSync(sqlOut, "utf8")) as { sql: string; count: number; ms: number }[];
    const statements = sql.map((s) => ({
      perMessage: Math.round((s.count / messages) * 100) / 100,
      msEach: Math.round((s.ms / s.count) * 1000) / 1000,
      sql: s.sql,
    }));
    const analysis = analyseProfile(JSON.parse(fs.readFileSync(cpuOut, "utf8")), messages);
    const report = {
      engine,
      label: args.label,
      connections: Number(args.connections),
      rps: result.requests.average,
      p50: result.latency.p50,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      sqlStatementsPerMessage: Math.round((sql.reduce((n, s) => n + s.count, 0) / messages) * 100) / 100,
      sqlMsPerMessage: Math.round((sql.reduce((n, s) => n + s.ms, 0) / messages) * 1000) / 1000,
      statements,
      ...analysis,
    };
    fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 1));
    printReport(report);
    console.log(`\nwritten: ${base}.json, ${cpuOut}`);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("profile-chat.ts")) await main();
