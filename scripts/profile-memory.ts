/**
 * npm run profile:memory -- [--engine sqlite|postgresql] [--connections 50] [--messages 2000]
 *   [--floor 6000] [--rounds 2] [--env NAME=value ...] [--node=--flag ...] [--snapshots dir] [--app dir]
 *
 * Server CPU per chat message and the process's memory, without timing anything wall-clock (the
 * machine is shared): server.mjs on a fresh database as the bench loads it; each round sends
 * `--floor` floor requests (unsigned → 401) then `--messages` chat messages at `--connections`,
 * and prints CPU ms per request (user + system of the serving process, /proc), the peak resident
 * size during the round, and the live heap after a full collection (scripts/profile/memory-hook.mjs).
 * `--app` runs another checkout's server.mjs and build (e.g. the base of a change), for A/B runs.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startBenchServer, type BenchEngine, type BenchServer } from "./bench-server";
import { chatRequests, startConversations } from "./bench-http";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "sqlite" },
    connections: { type: "string", default: "50" },
    messages: { type: "string", default: "2000" },
    floor: { type: "string", default: "6000" },
    rounds: { type: "string", default: "2" },
    env: { type: "string", multiple: true, default: [] },
    node: { type: "string", multiple: true, default: [] },
    snapshots: { type: "string" },
    app: { type: "string" },
  },
});

/** The server's memory after two full collections (and a heap snapshot with --snapshots). */
function liveMemory(server: BenchServer): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("MEM "));
      if (!line) return;
      server.child.stderr!.off("data", onData);
      resolve(JSON.parse(line.slice(4)));
    };
    server.child.stderr!.on("data", onData);
    server.child.kill("SIGUSR2");
  });
}

/** One load: CPU ms per request, peak RSS, and what went wrong (autocannon's own errors by message). */
async function load(server: BenchServer, options: autocannon.Options) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, ...server.rssMb())), 100);
  const cpuBefore = server.cpuMs();
  const errors = new Map<string, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("reqError", (error: Error) => errors.set(error.message, (errors.get(error.message) ?? 0) + 1));
  });
  clearInterval(sampler);
  return {
    cpuMsPerRequest: Math.round(((server.cpuMs() - cpuBefore) / Math.max(1, result.requests.total)) * 1000) / 1000,
    peakRssMb: Math.round(Math.max(peak, ...server.rssMb())),
    responses: result.requests.total,
    non2xx: result.non2xx,
    errors: Object.fromEntries(errors),
  };
}

const server = await startBenchServer({
  engine: args.engine as BenchEngine,
  nodeArgs: ["--expose-gc", "--import", path.resolve("scripts", "profile", "memory-hook.mjs"), ...args.node],
  appDir: args.app,
  env: {
    ...Object.fromEntries(args.env.map((pair) => pair.split("=", 2) as [string, string])),
    ...(args.snapshots ? { HEAP_SNAPSHOT_DIR: path.resolve(args.snapshots) } : {}),
  },
});
try {
  const conversations = await startConversations(server, 50);
  const connections = Number(args.connections);
  const chat = (amount: number, c = connections) =>
    load(server, { url: server.url, connections: c, amount, requests: chatRequests(server, conversations) });
  const floor = (amount: number) =>
    load(server, {
      url: `${server.url}/proxy/messages`,
      connections,
      amount,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
  console.log("warm-up (1,000 messages, 5 connections):", await chat(1000, 5));
  console.log("live after warm-up:", JSON.stringify(await liveMemory(server)));
  for (let round = 1; round <= Number(args.rounds); round++) {
    if (Number(args.floor) > 0) console.log(`round ${round} floor:`, JSON.stringify(await floor(Number(args.floor))));
    console.log(`round ${round} chat: `, JSON.stringify(await chat(Number(args.messages))));
    console.log(`round ${round} live: `, JSON.stringify(await liveMemory(server)));
  }
} finally {
  await server.stop();
}
