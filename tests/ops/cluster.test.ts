/**
 * One worker per core: `WEB_CONCURRENCY=2 node server.mjs` on SQLite (WAL, two processes on one
 * file) and on PostgreSQL. Each request on a new connection goes to the next worker, so a
 * conversation, its limits and single-use signatures must hold across workers; a worker that dies
 * is replaced; SIGTERM drains them all.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProxyQuery } from "../../demo/shopify-surrogate";
import { workerCount } from "../../server.mjs";
import { postgresUnavailable } from "../helpers/postgres";
import { chatDatabase, SECRET, SHOP, startChatServer, type ChatDatabase, type Engine } from "./chat-server";
import type { ServerProcess } from "./server-process";

const SHOPPER_LIMIT = 4;

interface Reply {
  status: number;
  json: any;
  /** The worker that served it, from its access-log line. */
  pid: number;
}

const engines: Engine[] = postgresUnavailable() ? ["sqlite"] : ["sqlite", "postgresql"];

describe("WEB_CONCURRENCY", () => {
  it("is one process by default, a number of workers, or one per CPU with auto; anything else is refused", () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "3" }, 8)).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: "auto" }, 8)).toBe(8);
    for (const wrong of ["0", "-1", "1.5", "two", "1000"])
      expect(() => workerCount({ WEB_CONCURRENCY: wrong }, 8), wrong).toThrow(/WEB_CONCURRENCY/);
  });
});

describe.each(engines)("server.mjs with two workers on %s", (engine) => {
  let database: ChatDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await chatDatabase(engine, `cluster-${engine}`);
    server = await startChatServer(database.url, {
      WEB_CONCURRENCY: "2",
      RATE_LIMIT_SHOPPER_PER_MINUTE: String(SHOPPER_LIMIT),
    });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await database?.stop();
  });

  /** A signed request on a connection of its own (no keep-alive): the cluster picks a worker for it. */
  function send(path: string, body: object | null, ip: string, signed = signedQuery()): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const url = new URL(`${server.url}/proxy/${path}?${signed}`);
      const payload = body ? JSON.stringify(body) : undefined;
      const request = http.request(
        url,
        {
          method: body ? "POST" : "GET",
          agent: false,
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", async () => {
            const requestId = response.headers["x-request-id"];
            const line = await server.waitForLog(
              (entry) => entry.msg === "request completed" && entry.req?.id === requestId,
            );
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(text), pid: line.pid });
          });
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }

  const signedQuery = () =>
    signProxyQuery(new URLSearchParams({ r: crypto.randomUUID() }), {
      shop: SHOP,
      loggedInCustomerId: null,
      pathPrefix: "/apps/support",
      secret: SECRET,
    });
  const say = (ip: string, text: string, conversationId?: string) =>
    send("messages", { text, ...(conversationId ? { conversationId } : {}) }, ip);

  /** Keep asking until two different workers have answered (the cluster deals connections in turn). */
  async function fromAnotherWorker(than: number, ask: () => Promise<Reply>): Promise<Reply> {
    for (let i = 0; i < 20; i++) {
      const reply = await ask();
      if (reply.pid !== than) return reply;
    }
    throw new Error("every request went to the same worker");
  }

  it("serves from both workers, and a conversation continues on the other one", async () => {
    const first = await say("198.51.100.1", "where is my order #1006?");
    expect(first.status).toBe(200);
    expect(first.json.reply.text).toMatch(/email/i);
    const second = await fromAnotherWorker(first.pid, () =>
      say("198.51.100.1", "hannah.brooks@example.com", first.json.conversationId),
    );
    expect(second.status).toBe(200);
    expect(second.json.reply.text).toContain("UPS");
    const stored = await database.db.message.findMany({
      where: { conversationId: first.json.conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(stored.map((m) => m.role).slice(-2)).toEqual(["shopper", "bot"]);
  });

  it("refuses a signature already used on the other worker", async () => {
    const signed = signedQuery();
    const first = await send("messages", { text: "hi" }, "198.51.100.2", signed);
    expect(first.status).toBe(200);
    const replay = await fromAnotherWorker(first.pid, () => send("messages", { text: "hi" }, "198.51.100.2", signed));
    expect(replay.status).toBe(409);
  });

  it("counts one shopper's messages once across workers", async () => {
    const { json, pid } = await say("198.51.100.3", "hi");
    const replies: Reply[] = [];
    for (let i = 0; i < SHOPPER_LIMIT + 1; i++) replies.push(await say("198.51.100.3", "hi", json.conversationId));
    expect(new Set([pid, ...replies.map((r) => r.pid)]).size).toBe(2);
    expect(replies.map((r) => r.status)).toEqual([...Array(SHOPPER_LIMIT).fill(200), 429]);
  });

  it("replaces a worker that dies, and keeps answering meanwhile", async () => {
    const started = () => server.lines().filter((line) => line.includes('"worker listening"')).length;
    const before = started();
    const { pid } = await say("198.51.100.4", "hi");
    process.kill(pid, "SIGKILL");
    await server.waitForLog((entry) => entry.msg === "worker exited; starting another" && entry.workerPid === pid);
    // The other worker answers while the new one starts.
    const meanwhile = await say("198.51.100.5", "hi");
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.pid).not.toBe(pid);
    await server.waitForLog(() => started() > before, 60_000);
    const pids = new Set<number>();
    for (let i = 0; i < 12 && pids.size < 2; i++) {
      const reply = await say(`198.51.100.${10 + i}`, "hi");
      expect(reply.status).toBe(200);
      pids.add(reply.pid);
    }
    expect(pids.has(pid)).toBe(false);
    expect(pids.size).toBe(2);
  });

  it("drains every worker and exits 0 on SIGTERM", async () => {
    const workers = server
      .lines()
      .filter((line) => line.includes('"worker listening"'))
      .map((line) => JSON.parse(line).pid as number);
    server.child.kill("SIGTERM");
    const { code } = await server.exited;
    expect(code).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
