/**
 * How the app connects to PostgreSQL: pools that survive a dropped connection. Every pool or
 * client the app opens is configured here.
 */
import type pg from "pg";
import { log } from "./log.server";

/** A pg pool configuration for the app's pools. */
export function postgresPoolConfig(url: string, options: { max?: number; allowExitOnIdle?: boolean } = {}): pg.PoolConfig {
  return {
    connectionString: url,
    ...options,
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
