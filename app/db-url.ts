import path from "node:path";

/** Default database: a SQLite file beside the schema, so a fresh clone works with no settings. */
export const DEFAULT_DATABASE_URL = `file:${path.resolve("prisma", "dev.sqlite")}`;

export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
}
