/**
 * server.mjs's takingTurns: at most a few requests start per turn of the event loop, the rest in
 * arrival order on the next turns. Node 20's libuv accepts one new connection per turn, so when a
 * turn ran every request that had arrived, a burst of new connections under load waited seconds in
 * the kernel's accept queue (the chat's p99 at 50 connections on SQLite, 2–3 s).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { requestsPerTurn, takingTurns } from "../../server.mjs";

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("takingTurns", () => {
  it("starts at most perTurn requests a turn, the others on the next turns in arrival order", async () => {
    const gate = takingTurns(2);
    const started: number[] = [];
    for (let n = 1; n <= 5; n++) gate({}, {}, () => started.push(n));
    expect(started).toEqual([1, 2]);
    await turn();
    expect(started).toEqual([1, 2, 3, 4]);
    await turn();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    // A quiet turn later, a request starts at once again.
    await turn();
    await turn();
    gate({}, {}, () => started.push(6));
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("a newcomer never overtakes the requests already waiting", async () => {
    const gate = takingTurns(1);
    const started: string[] = [];
    gate({}, {}, () => started.push("a"));
    gate({}, {}, () => started.push("b"));
    await turn();
    gate({}, {}, () => started.push("c"));
    expect(started).toEqual(["a", "b"]);
    await turn();
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("skips a waiting request whose client has gone, and never holds the health check back", async () => {
    const gate = takingTurns(1);
    const started: string[] = [];
    gate({}, {}, () => started.push("a"));
    const leaving = { socket: { destroyed: false } };
    gate(leaving, {}, () => started.push("gone"));
    gate({}, {}, () => started.push("b"));
    gate({ url: "/healthz" }, {}, () => started.push("health"));
    expect(started).toEqual(["a", "health"]);
    leaving.socket.destroyed = true;
    await turn();
    expect(started).toEqual(["a", "health", "b"]);
  });

  it("0 lets every request through at once; REQUESTS_PER_TURN is 2 unless set, and checked", () => {
    const gate = takingTurns(0);
    const started: number[] = [];
    for (let n = 1; n <= 5; n++) gate({}, {}, () => started.push(n));
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(requestsPerTurn({})).toBe(2);
    expect(requestsPerTurn({ REQUESTS_PER_TURN: "0" })).toBe(0);
    expect(requestsPerTurn({ REQUESTS_PER_TURN: "8" })).toBe(8);
    for (const wrong of ["-1", "1.5", "many"])
      expect(() => requestsPerTurn({ REQUESTS_PER_TURN: wrong }), wrong).toThrow(/REQUESTS_PER_TURN/);
  });
});

/**
 * A server whose every request takes ~8 ms of CPU, kept busy by keep-alive clients, and a burst of
 * new connections: with every arrived request run in the same turn, each turn lasts busy × 8 ms and
 * the newcomers are accepted one a turn.
 */
const SERVER = `
import express from "express";
import { takingTurns } from ${JSON.stringify(pathToFileURL(path.resolve("server.mjs")).href)};
const app = express();
app.use(takingTurns(Number(process.env.PER_TURN)));
app.get("/", (req, res) => {
  const end = performance.now() + 8;
  while (performance.now() < end);
  res.end("ok");
});
const server = app.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

let child: ChildProcess | undefined;
afterEach(() => child?.kill("SIGKILL"));

async function startCpuBoundServer(perTurn: number): Promise<number> {
  child = spawn(process.execPath, ["--input-type=module", "-e", SERVER], {
    env: { ...process.env, PER_TURN: String(perTurn) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child!.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child!.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** A keep-alive connection sending requests one after another; resolves each response's latency. */
function connection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  let pending: { sent: number; resolve: (ms: number) => void } | null = null;
  socket.on("data", (chunk) => {
    // One small response a request ("ok"): its end is the body.
    if (pending && chunk.toString().endsWith("ok")) {
      const done = pending;
      pending = null;
      done.resolve(performance.now() - done.sent);
    }
  });
  socket.on("error", () => {});
  return {
    request: () =>
      new Promise<number>((resolve) => {
        pending = { sent: performance.now(), resolve };
        socket.write("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
      }),
    close: () => socket.destroy(),
  };
}

async function newcomersWait(perTurn: number) {
  const port = await startCpuBoundServer(perTurn);
  const busy = Array.from({ length: 20 }, () => connection(port));
  let running = true;
  const busyLatencies: number[] = [];
  const loops = busy.map(async (c) => {
    while (running) busyLatencies.push(await c.request());
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const newcomers = Array.from({ length: 15 }, () => connection(port));
  const firstResponses = await Promise.all(newcomers.map((c) => c.request()));
  running = false;
  await Promise.all(loops);
  for (const c of [...busy, ...newcomers]) c.close();
  busyLatencies.sort((a, b) => a - b);
  return { slowestNewcomer: Math.max(...firstResponses), busyMedian: busyLatencies[busyLatencies.length >> 1] };
}

describe("new connections under load", () => {
  it("are answered within a few queue lengths, not one accepted per long turn", async () => {
    const { slowestNewcomer, busyMedian } = await newcomersWait(2);
    // Every request waits behind the others (20–35 connections × 8 ms); a newcomer's first
    // request waits that too, plus a short turn per newcomer before it: 2–5 times the median here.
    // One accepted per turn of every arrived request was about 15 turns of 20–35 requests each:
    // over 20 times the median (5.2 s against 0.21 s).
    expect(slowestNewcomer, `slowest newcomer ${slowestNewcomer} ms, median ${busyMedian} ms`).toBeLessThan(
      8 * busyMedian,
    );
  }, 30_000);
});
