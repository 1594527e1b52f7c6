import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, isPostgresUrl, resolveDatabaseUrl } from "./app/db-url";

// Prisma's native engines cannot be downloaded everywhere we run, so the CLI (generate,
// migrate deploy, db push) uses the JS engine through the same driver adapter as the app.
// This config is the SQLite one. With a PostgreSQL DATABASE_URL, `prisma generate` still needs a
// file: URL to read this schema, and migrations go through `npm run db:migrate:postgres`
// (Prisma's migrate commands fail through the pg adapter; see prisma/postgresql/README.md).
const url = resolveDatabaseUrl();
process.env.DATABASE_URL = isPostgresUrl(url) ? DEFAULT_DATABASE_URL : url;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (isPostgresUrl(url)) {
      throw new Error(
        "DATABASE_URL selects PostgreSQL: this Prisma config is for SQLite. Apply PostgreSQL migrations with `npm run db:migrate:postgres`.",
      );
    }
    return new PrismaBetterSQLite3({ url: sqliteFilePath(process.env.DATABASE_URL!) });
  },
});

function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
