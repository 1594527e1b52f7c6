/**
 * Which database errors mean "the database can't serve this right now, try again shortly" (it is
 * down or restarting, a connection dropped, a lock or deadline ran out) as opposed to a bug or bad
 * data. Callers answer those with a 503 and keep nothing half-done.
 *
 * Errors arrive in several shapes: a Prisma error (code P1xxx, the driver's error under
 * meta.driverAdapterError), the driver adapter's own error (its cause), or a raw pg error from a
 * pool the app uses directly.
 */

/** Prisma: can't reach the server, timed out reaching it, operation timed out, connection closed, pool timeout. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Driver adapter error kinds for the same conditions. */
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
]);

/**
 * PostgreSQL SQLSTATEs: lock_not_available (lock_timeout), query_canceled (statement_timeout),
 * admin_shutdown / crash_shutdown (pg_terminate_backend, a restart), cannot_connect_now (starting
 * up), too_many_connections; and class 08, connection exceptions.
 */
const POSTGRES_UNAVAILABLE = new Set(["55P03", "57014", "57P01", "57P02", "57P03", "53300"]);

/** SQLite: another connection holds the lock past busy_timeout. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED)/;

/** Node socket errors from a pg pool used directly. */
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);

/** pg's own messages for a dropped connection or a full pool (it gives them no code). */
const PG_UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== "string") continue;
    if (
      PRISMA_UNAVAILABLE.has(code) ||
      POSTGRES_UNAVAILABLE.has(code) ||
      /^08[0-9A-Z]{3}$/.test(code) ||
      SQLITE_UNAVAILABLE.test(code) ||
      SOCKET_UNAVAILABLE.has(code)
    )
      return true;
  }
  if (typeof e.kind === "string" && ADAPTER_UNAVAILABLE.has(e.kind)) return true;
  if (typeof e.message === "string" && PG_UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
