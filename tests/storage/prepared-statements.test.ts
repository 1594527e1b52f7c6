/**
 * PostgreSQL: the chat's own statements are named, so each connection parses and plans a text
 * once and then only binds values; the same text is the same name every time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, driverOf, type Db } from "../../app/db.server";
import { continueConversationWithMessage, startConversationWithMessage } from "../../app/chat/transcript.server";
import { requirePostgres } from "../helpers/postgres";

const SHOP = "prepared.myshopify.com";

describe("the chat's statements on PostgreSQL", () => {
  let server: { url: string; stop(): Promise<void> };
  let db: Db;

  beforeAll(async () => {
    server = await requirePostgres("prepared_statements", { migrated: true });
    db = createDb(server.url);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    // Prisma never opened its adapter here, so the pool it would have closed is closed here.
    const driver = db && driverOf(db);
    if (driver?.kind === "postgresql" && !driver.pool.ended) await driver.pool.end();
    await server?.stop();
  });

  it("are prepared once per connection under a name, and reused", async () => {
    const driver = driverOf(db);
    if (driver?.kind !== "postgresql") throw new Error("expected the PostgreSQL driver");
    const owner = { shop: SHOP, customerId: null };
    // One connection, so every statement meets the same session's prepared statements.
    const client = await driver.pool.connect();
    const onlyConnection = { ...driver, pool: { query: client.query.bind(client) } };
    const pool = driver.pool;
    Object.assign(driver, onlyConnection);
    try {
      const { conversation } = await startConversationWithMessage(db, owner, "hello", null);
      const prepared = async () =>
        (await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name")).rows.map(
          (r) => r.name,
        );
      const afterFirst = await prepared();
      expect(afterFirst.length).toBeGreaterThan(0);
      expect(afterFirst.every((name) => name.startsWith("chat-"))).toBe(true);
      for (const text of ["and my order?", "thanks"])
        await continueConversationWithMessage(db, owner, conversation.id, text, null);
      const afterMore = await prepared();
      // The continued messages' statements were prepared once each: the second one added none.
      await continueConversationWithMessage(db, owner, conversation.id, "ok", null);
      expect(await prepared()).toEqual(afterMore);
      expect(afterMore.length).toBeGreaterThan(afterFirst.length);
    } finally {
      Object.assign(driver, { pool });
      client.release();
    }
  });
});
