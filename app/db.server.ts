import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { databaseProvider, resolveDatabaseUrl } from "./db-url";
import { databaseTimeouts, logLostConnection, postgresPoolConfig } from "./db-connections.server";

/**
 * The app's database client. Both generated clients (app/generated/prisma for SQLite,
 * app/generated/prisma-postgres for PostgreSQL, from the twin schema) come from the same data
 * model and expose the same model API, so callers see one type: the SQLite client's.
 */
export type Db = PrismaClient;

/**
 * One client per database URL: tests open their own databases through the same code.
 * `file:…` → SQLite (better-sqlite3); `postgres://…` / `postgresql://…` → PostgreSQL (pg).
 */
export function createDb(url: string = resolveDatabaseUrl()): Db {
  const db = openDb(url);
  urls.set(db, url);
  return db;
}

const urls = new WeakMap<Db, string>();

/**
 * The connection a client's driver adapter uses, for the few statements every chat message runs
 * (app/chat/transcript-sql.server.ts): SQLite's one better-sqlite3 connection (once Prisma has
 * opened it), or the pg pool Prisma draws from. Same connections, same deadlines.
 */
export type DriverHandle =
  { kind: "sqlite"; connection(): BetterSqlite3.Database | null } | { kind: "postgresql"; pool: pg.Pool };

const drivers = new WeakMap<Db, DriverHandle>();

export function driverOf(db: Db): DriverHandle | null {
  return drivers.get(db) ?? null;
}

/** The URL a client was opened on (for checks that need a connection of their own, e.g. /healthz). */
export function databaseUrlOf(db: Db): string {
  return urls.get(db) ?? resolveDatabaseUrl();
}

function openDb(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    // The adapter's pool reports a connection the server dropped to onPoolError (idle) or
    // onConnectionError (in a transaction) and reconnects on next use; the process lives on.
    // The pool is made here so the chat's own statements can share it; $disconnect ends it.
    const pool = new pg.Pool(postgresPoolConfig(url));
    // A checked-out connection dropped between two of the chat's queries fails that query, not the process.
    pool.on("connect", (connection) => connection.on("error", () => {}));
    // An idle one dropped before Prisma's first query (the adapter then listens itself): logged, not
    // an unhandled `error` event; the chat's own statements may use the pool first.
    const logLost = logLostConnection("prisma");
    pool.on("error", (error) => pool.listenerCount("error") === 1 && logLost(error));
    const adapter = new PrismaPg(pool, {
      onPoolError: logLostConnection("prisma"),
      onConnectionError: logLostConnection("prisma"),
      disposeExternalPool: true,
    });
    const client = new PostgresPrismaClient({ adapter });
    // Same models, fields and methods; only provider-specific extras (e.g. `mode: "insensitive"`,
    // more isolation levels) differ, and the app uses none of them.
    drivers.set(client as unknown as Db, { kind: "postgresql", pool });
    return client as unknown as Db;
  }
  // busy_timeout: a write waits this long for another connection's lock, then fails (a 503).
  const factory = new PrismaBetterSQLite3({ url: url.replace(/^file:/i, ""), timeout: databaseTimeouts().lockMs });
  let connection: BetterSqlite3.Database | null = null;
  // The factory as Prisma sees it, keeping hold of the connection it opens.
  const capturing: typeof factory = Object.assign(Object.create(factory) as typeof factory, {
    async connect() {
      const adapter = await factory.connect();
      connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
  const client = new PrismaClient({ adapter: capturing });
  drivers.set(client, { kind: "sqlite", connection: () => (connection?.open ? connection : null) });
  // Write-ahead logging: readers don't block the writer and a commit doesn't wait for a full fsync.
  // The WAL is copied back into the database (a checkpoint, with its fsyncs, inside the commit that
  // crosses the mark, blocking the process) every SQLITE_WAL_CHECKPOINT_PAGES pages instead of
  // SQLite's 1,000: a message's rows land on the same few pages, copied once per checkpoint, and
  // the fsyncs are a tenth as many (a commit's mean time 0.16-0.55 -> 0.12-0.16 ms, its worst
  // 14-289 -> 40-48 ms, 5,000 message commits, three runs each). The WAL file may reach ~40 MB.
  // Issued together, in order, when the client is made: each waiting for the one before let the last
  // run after a caller's first statements (a test tracing a message's statements saw it, now and then).
  void Promise.all([
    client.$queryRawUnsafe("PRAGMA journal_mode = WAL"),
    client.$executeRawUnsafe("PRAGMA synchronous = NORMAL"),
    client.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`),
  ]).catch(() => {});
  return client;
}

export const SQLITE_WAL_CHECKPOINT_PAGES = 10_000;

declare global {
  var __supportChatDb: Db | undefined;
}

// Reuse across Vite dev-server reloads so we don't leak connections.
const db: Db = globalThis.__supportChatDb ?? (globalThis.__supportChatDb = createDb());
export default db;
