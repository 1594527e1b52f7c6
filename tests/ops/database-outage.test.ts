/**
 * The production server on PostgreSQL outlives its database connections: backends terminated
 * (a failover, an administrator) and a full server restart. Every pool the app holds (Prisma's,
 * the shared rate limits') must drop the dead connections and reconnect; while the database is
 * down the shopper gets a clear 503, never a crashed process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUnavailable, withClient } from "../helpers/postgres";
import { assertAlive, chatDatabase, eventually, health, say, startChatServer, type ChatDatabase } from "./chat-server";
import type { ServerProcess } from "./server-process";

let database: ChatDatabase;
let server: ServerProcess;

beforeAll(async () => {
  const missing = postgresUnavailable();
  if (missing)
    throw new Error(`The database outage tests need PostgreSQL: ${missing}. .ci/run installs Debian's postgresql.`);
  database = await chatDatabase("postgresql", "outage");
  server = await startChatServer(database.url);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.stop();
});

/** What a failover or `pg_terminate_backend` does to every connection the app holds. */
async function terminateAppBackends(): Promise<number> {
  return withClient(database.url, async (client) => {
    const { rows } = await client.query(
      "SELECT pg_terminate_backend(pid) AS gone FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows.filter((row) => row.gone).length;
  });
}

describe("server.mjs on PostgreSQL when the database drops its connections", () => {
  it("keeps running after its backends are terminated, and answers the next message", async () => {
    const first = await say(server.url, "hi");
    expect(first.status).toBe(200);
    // Connections of both pools (the app's and the rate limits') sit idle now.
    expect(await terminateAppBackends()).toBeGreaterThanOrEqual(2);
    // The pools saw their idle connections die, said so, and the process lived on.
    const lost = await server.waitForLog((e) => e.msg === "database connection lost; the pool reconnects on next use");
    expect(lost.level).toBe("warn");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assertAlive(server);

    const next = await say(server.url, "do you ship to Canada?", { conversationId: first.json.conversationId });
    assertAlive(server);
    expect(next.status).toBe(200);
    expect(next.json.reply.text).toBeTruthy();
    const stored = await database.db.message.count({ where: { conversationId: first.json.conversationId } });
    expect(stored).toBe(4);
    expect((await health(server.url)).status).toBe(200);
  });

  it("answers 503 while PostgreSQL restarts, then reconnects by itself", async () => {
    const before = await say(server.url, "hi");
    expect(before.status).toBe(200);
    const whileDown: { chat?: Awaited<ReturnType<typeof say>>; health?: Awaited<ReturnType<typeof health>> } = {};
    await database.postgres!.restart!(async () => {
      whileDown.chat = await say(server.url, "is anyone there?", { conversationId: before.json.conversationId });
      whileDown.health = await health(server.url);
      assertAlive(server);
    });
    expect(whileDown.chat).toMatchObject({ status: 503, json: { error: { code: "temporarily_unavailable" } } });
    expect(whileDown.chat!.json.error.message).toMatch(/try again/i);
    expect(whileDown.health).toMatchObject({ status: 503, json: { status: "error", database: "unreachable" } });

    // Back up: the same process reconnects, nothing restarted it.
    await eventually(
      "a chat message is answered again",
      async () => (await say(server.url, "hello again")).status === 200,
    );
    expect((await health(server.url)).status).toBe(200);
    assertAlive(server);
    const after = await say(server.url, "thanks", { conversationId: before.json.conversationId });
    expect(after.status).toBe(200);
    // The message sent while the database was down was not half-stored.
    const roles = (
      await database.db.message.findMany({
        where: { conversationId: before.json.conversationId },
        orderBy: { createdAt: "asc" },
      })
    ).map((m) => m.role);
    expect(roles).toEqual(["shopper", "bot", "shopper", "bot"]);
  });
});
