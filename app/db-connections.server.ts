/**
 * How the app connects to its database: the deadlines every connection carries, and PostgreSQL
 * pools that survive a dropped connection. Every pool or client the app opens is configured here.
 *
 * Deadlines (milliseconds; each overridable by its environment variable, 0 turns one off):
 * a statement stuck behind a lock or a runaway query fails within seconds with an error the
 * callers turn into a 503 ("try again"), instead of holding the shopper's request, a pool
 * connection and the locks it already took for as long as the blocker lasts.
 */
import type pg from "pg";
import { log } from "./log.server";

export interface DatabaseTimeouts {
  /** PostgreSQL `statement_timeout`: the longest any one statement may run. */
  statementMs: number;
  /**
   * PostgreSQL `lock_timeout` and SQLite `busy_timeout`: how long a statement waits for a lock
   * another connection holds (a migration's ALTER TABLE, a stuck transaction, a backup) before
   * it gives up. On SQLite the wait blocks the whole process (the driver is synchronous), so
   * keep it short; there 0 means no wait at all rather than no limit.
   */
  lockMs: number;
  /** PostgreSQL: opening a connection, or waiting for a free one when the pool is busy. */
  connectMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left open by a hung instance is ended and its locks released. */
  idleInTransactionMs: number;
}

/** Defaults: generous for the admin's analytics queries, short enough that a chat reply never waits on a lock for long. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 10_000,
  lockMs: 2_000,
  connectMs: 5_000,
  idleInTransactionMs: 30_000,
};

export const DATABASE_TIMEOUT_ENV: Record<keyof DatabaseTimeouts, string> = {
  statementMs: "DATABASE_STATEMENT_TIMEOUT_MS",
  lockMs: "DATABASE_LOCK_TIMEOUT_MS",
  connectMs: "DATABASE_CONNECT_TIMEOUT_MS",
  idleInTransactionMs: "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
};

export function databaseTimeouts(env: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  const read = (key: keyof DatabaseTimeouts): number => {
    const name = DATABASE_TIMEOUT_ENV[key];
    const raw = env[name]?.trim();
    if (!raw) return DEFAULT_DATABASE_TIMEOUTS[key];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647)
      throw new Error(`${name} must be a whole number of milliseconds (0 turns it off), not ${JSON.stringify(raw)}`);
    return value;
  };
  return {
    statementMs: read("statementMs"),
    lockMs: read("lockMs"),
    connectMs: read("connectMs"),
    idleInTransactionMs: read("idleInTransactionMs"),
  };
}

/** A pg pool configuration with the deadlines as session settings, sent when each connection opens. */
export function postgresPoolConfig(
  url: string,
  options: { max?: number; allowExitOnIdle?: boolean } = {},
  timeouts = databaseTimeouts(),
): pg.PoolConfig {
  return {
    connectionString: url,
    ...options,
    // pg sends each as a startup parameter; 0 (off) is left out and the server's default applies.
    statement_timeout: timeouts.statementMs || undefined,
    lock_timeout: timeouts.lockMs || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs || undefined,
    connectionTimeoutMillis: timeouts.connectMs,
    // A peer that vanished without closing the socket (a failover, a cut network) is noticed.
    keepAlive: true,
  };
}

/**
 * Without an 'error' listener, a pooled connection the server closes (a restart, a failover,
 * pg_terminate_backend) is an uncaught exception and the process exits. With it the pool
 * discards that connection and opens a new one when next asked; the query that was using it, if
 * any, fails on its own.
 */
export function logLostConnection(pool: string): (error: Error) => void {
  return (error) => log.warn({ err: error, pool }, "database connection lost; the pool reconnects on next use");
}

/**
 * Listen on a pool, and on every client it opens: an idle client's error reaches the pool's
 * listener; a checked-out client's error between two queries is emitted on the client alone, and
 * its holder's next query fails instead.
 */
export function surviveDroppedConnections(pool: pg.Pool, name: string): pg.Pool {
  pool.on("error", logLostConnection(name));
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
