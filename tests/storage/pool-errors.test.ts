/**
 * PostgreSQL: the app's pool (Prisma's, shared by the chat's own statements) survives a connection
 * the server drops even before Prisma's first query has taken charge of it: an idle connection's
 * error is logged, never an unhandled `error` event that ends the process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, driverOf, type Db } from "../../app/db.server";
import { selectConversation } from "../../app/chat/transcript-sql.server";
import { requirePostgres, withClient, type TestPostgres } from "../helpers/postgres";

let server: TestPostgres;
let db: Db;

beforeAll(async () => {
  server = await requirePostgres("pool_errors", { migrated: true });
  db = createDb(server.url);
}, 60_000);
afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

describe("the app's PostgreSQL pool before Prisma's first query", () => {
  it("handles an idle connection the server drops, and reconnects on the next statement", async () => {
    const driver = driverOf(db);
    if (driver?.kind !== "postgresql") throw new Error("expected a PostgreSQL driver");
    // Only the chat's own statements so far: Prisma hasn't connected its adapter.
    expect(await selectConversation(db, "pool.myshopify.com", "no-such-conversation")).toBeNull();
    expect(driver.pool.listenerCount("error")).toBeGreaterThan(0);
    const idleErrors: Error[] = [];
    driver.pool.once("error", (error) => idleErrors.push(error));
    await withClient(server.url, (client) =>
      client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      ),
    );
    for (let i = 0; i < 100 && idleErrors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idleErrors).toHaveLength(1);
    expect(await selectConversation(db, "pool.myshopify.com", "no-such-conversation")).toBeNull();
  });
});
