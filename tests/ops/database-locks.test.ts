/**
 * A table locked by another connection (a migration's ALTER TABLE, a stuck transaction, a
 * backup) must not hold chat requests hostage: on SQLite and on PostgreSQL, a message sent while
 * the chat tables are locked is refused within seconds with a clear 503 the bubble can retry,
 * /healthz reports the database as locked, and the retried message (same clientMessageId) is
 * stored once and answered when the lock is gone.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUnavailable } from "../helpers/postgres";
import {
  assertAlive,
  chatDatabase,
  health,
  say,
  SHOP,
  startChatServer,
  type ChatDatabase,
  type Engine,
} from "./chat-server";
import type { ServerProcess } from "./server-process";

/** What the shopper may wait for a refusal: the default lock wait (2 s) plus slack, far below the 40 s seen before. */
const FAIL_FAST_MS = 4_000;
/** How long the test holds the lock at most: a request still waiting then has hung. */
const HOLD_MS = 15_000;

interface Lock {
  release(): Promise<void>;
}

/** Another connection takes the write lock on the chat tables and holds it. */
async function lockChatTables(database: ChatDatabase): Promise<Lock> {
  if (database.engine === "sqlite") {
    // SQLite locks the whole database for writing; readers (WAL) carry on.
    const other = new Database(database.url.replace(/^file:/, ""));
    other.exec("BEGIN EXCLUSIVE");
    return { release: async () => void (other.exec("ROLLBACK"), other.close()) };
  }
  const client = new pg.Client({ connectionString: database.url });
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN");
  // What ALTER TABLE takes: nobody reads or writes the table until the transaction ends.
  await client.query('LOCK TABLE "Message" IN ACCESS EXCLUSIVE MODE');
  return { release: async () => void (await client.query("ROLLBACK"), await client.end()) };
}

const engines: Engine[] = ["sqlite", "postgresql"];

describe.each(engines)("a locked chat table on %s", (engine) => {
  let database: ChatDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    if (engine === "postgresql") {
      const missing = postgresUnavailable();
      if (missing) throw new Error(`The lock tests need PostgreSQL: ${missing}. .ci/run installs Debian's postgresql.`);
    }
    database = await chatDatabase(engine, `locks-${engine}`);
    server = await startChatServer(database.url);
    expect((await say(server.url, "hi")).status).toBe(200); // warm: the shop's model is loaded
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database?.stop();
  });

  it("refuses a message fast with a 503 to retry, reports it on /healthz, and keeps the retried message exactly once", async () => {
    const clientMessageId = `lock-${engine}-0001`;
    const lock = await lockChatTables(database);
    let during: Awaited<ReturnType<typeof say>>;
    let healthDuring: Awaited<ReturnType<typeof health>>;
    try {
      during = await say(server.url, "where is my order #1006?", {
        clientMessageId,
        signal: AbortSignal.timeout(HOLD_MS),
      }).catch((error) => {
        throw new Error(`the chat request hung while the table was locked (${error.message})`);
      });
      healthDuring = await health(server.url);
    } finally {
      await lock.release();
    }
    expect(during.status).toBe(503);
    expect(during.json.error.code).toBe("temporarily_unavailable");
    expect(during.json.error.message).toMatch(/try again/i);
    expect(during.ms).toBeLessThan(FAIL_FAST_MS);
    expect(healthDuring).toMatchObject({ status: 503, json: { status: "error", database: "locked" } });
    expect(healthDuring.ms).toBeLessThan(FAIL_FAST_MS);
    assertAlive(server);

    // The lock is gone: the bubble's retry (same clientMessageId) is stored once and answered.
    const retried = await say(server.url, "where is my order #1006?", { clientMessageId });
    expect(retried.status).toBe(200);
    expect(retried.json.reply.text).toMatch(/email/i);
    const stored = await database.db.message.findMany({ where: { shop: SHOP, clientMessageId } });
    expect(stored).toHaveLength(1);
    const replies = await database.db.message.count({ where: { replyToId: stored[0].id, role: "bot" } });
    expect(replies).toBe(1);
    expect(await health(server.url)).toMatchObject({ status: 200, json: { status: "ok", database: "ok" } });
  });
});
