/**
 * Can the database serve a chat message right now? Used by /healthz, within a short deadline.
 *
 *   - "unreachable": no answer to `SELECT 1` within the deadline (down, restarting, pool full);
 *   - "locked": it answers, but a writer can't get the chat tables' locks in time (another
 *     connection holds them: a migration's ALTER TABLE, a stuck transaction, a long write), so
 *     every message would fail;
 *   - "ok".
 *
 * The lock probe takes the locks an INSERT takes and changes nothing: on PostgreSQL ROW
 * EXCLUSIVE on Conversation and Message, with its own lock_timeout so it never lingers; on
 * SQLite (one lock for the whole file) BEGIN IMMEDIATE on a connection of its own, whose busy
 * timeout is the probe's wait, then ROLLBACK.
 */
import Database from "better-sqlite3";
import { databaseUrlOf, type Db } from "./db.server";
import { databaseProvider } from "./db-url";

export type DatabaseHealth = "ok" | "unreachable" | "locked";

/** The whole check's deadline: a load balancer's probe must get an answer well within its own timeout. */
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2_000;

export function healthCheckTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.HEALTH_CHECK_TIMEOUT_MS);
  return env.HEALTH_CHECK_TIMEOUT_MS?.trim() && Number.isInteger(value) && value > 0
    ? value
    : DEFAULT_HEALTH_CHECK_TIMEOUT_MS;
}

export interface HealthVerdict {
  database: DatabaseHealth;
  /** Why not ok, for the log. */
  error?: unknown;
}

export async function checkDatabase(db: Db, deadlineMs = healthCheckTimeoutMs()): Promise<HealthVerdict> {
  const started = Date.now();
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, deadlineMs, "database did not answer");
  } catch (error) {
    return { database: "unreachable", error };
  }
  // Half of what is left: the probe gives up on its own, before the deadline cuts it off.
  const lockWaitMs = Math.max(50, Math.floor((deadlineMs - (Date.now() - started)) / 2));
  try {
    await withTimeout(
      probeWriteLocks(db, lockWaitMs),
      deadlineMs - (Date.now() - started),
      "lock probe did not finish",
    );
    return { database: "ok" };
  } catch (error) {
    return { database: "locked", error };
  }
}

async function probeWriteLocks(db: Db, waitMs: number): Promise<void> {
  const url = databaseUrlOf(db);
  if (databaseProvider(url) === "postgresql") {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.floor(waitMs)}`);
        await tx.$executeRawUnsafe(`LOCK TABLE "Conversation", "Message" IN ROW EXCLUSIVE MODE`);
      },
      { maxWait: waitMs, timeout: waitMs * 2 },
    );
    return;
  }
  const probe = new Database(url.replace(/^file:/i, ""), { fileMustExist: true, timeout: waitMs });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
  } finally {
    probe.close();
  }
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
