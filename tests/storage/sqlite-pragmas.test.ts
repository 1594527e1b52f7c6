/**
 * The app's SQLite connection (the one Prisma and the chat's own statements share): write-ahead
 * logging, commits without a full fsync, and checkpoints every SQLITE_WAL_CHECKPOINT_PAGES pages
 * rather than SQLite's 1,000 (each one blocks the process inside a commit).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createDb, driverOf, SQLITE_WAL_CHECKPOINT_PAGES, type Db } from "../../app/db.server";
import { migratedDatabaseUrl } from "../helpers/test-db";

describe("the SQLite connection", () => {
  let db: Db | undefined;
  afterAll(async () => db?.$disconnect());

  it("logs ahead, syncs at checkpoints only, and checkpoints every SQLITE_WAL_CHECKPOINT_PAGES pages", async () => {
    db = createDb(migratedDatabaseUrl("pragmas"));
    await db.shopSettings.findMany();
    const driver = driverOf(db);
    if (driver?.kind !== "sqlite") throw new Error("expected the SQLite driver");
    // The pragmas are set as the client opens; the connection the chat writes on must carry them.
    await expect
      .poll(() => Number(driver.connection()?.pragma("wal_autocheckpoint", { simple: true })))
      .toBe(SQLITE_WAL_CHECKPOINT_PAGES);
    const connection = driver.connection()!;
    expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(Number(connection.pragma("synchronous", { simple: true }))).toBe(1);
    expect(SQLITE_WAL_CHECKPOINT_PAGES).toBeGreaterThan(1000);
  });
});
