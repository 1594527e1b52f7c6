import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseUrl } from "./db-url";

export type Db = PrismaClient;

/** One client per database URL: tests open their own database files through the same code. */
export function createDb(url: string = resolveDatabaseUrl()): Db {
  const adapter = new PrismaBetterSQLite3({ url: url.replace(/^file:/, "") });
  return new PrismaClient({ adapter });
}

declare global {
  // eslint-disable-next-line no-var
  var __supportChatDb: Db | undefined;
}

// Reuse across Vite dev-server reloads so we don't leak connections.
const db: Db = globalThis.__supportChatDb ?? (globalThis.__supportChatDb = createDb());
export default db;
