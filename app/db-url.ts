import path from "node:path";

/** Default database: a SQLite file beside the schema, so a fresh clone works with no settings. */
export const DEFAULT_DATABASE_URL = `file:${path.resolve("prisma", "dev.sqlite")}`;

export function resolveDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** True for `postgres://…` and `postgresql://…` URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * Which database a URL selects: `file:` → SQLite, `postgres://` / `postgresql://` → PostgreSQL.
 * Anything else is a configuration mistake, reported without echoing the URL (it may hold a password).
 */
export function databaseProvider(url: string): DatabaseProvider {
  if (isPostgresUrl(url)) return "postgresql";
  if (/^file:/i.test(url.trim())) return "sqlite";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1];
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got ${scheme ? `"${scheme}:"` : "no scheme"}`,
  );
}
