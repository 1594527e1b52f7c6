import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "./app/db-url";

// Prisma's native engines cannot be downloaded everywhere we run, so the CLI (generate,
// migrate deploy, db push) uses the JS engine through the same driver adapter as the app.
process.env.DATABASE_URL = resolveDatabaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqliteFilePath(process.env.DATABASE_URL!) });
  },
});

function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
