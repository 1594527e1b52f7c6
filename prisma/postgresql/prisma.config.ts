import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, resolveDatabaseUrl } from "../../app/db-url";

/**
 * Prisma CLI config for the PostgreSQL twin schema (generated from prisma/schema.prisma by
 * scripts/postgres-schema.ts): `prisma generate --config prisma/postgresql/prisma.config.ts`
 * writes app/generated/prisma-postgres. Paths here are relative to this file.
 *
 * The schema's `env("DATABASE_URL")` must look like a PostgreSQL URL even where the app runs on
 * SQLite (generate never connects), so a placeholder stands in for a `file:` URL.
 * Do not use `prisma migrate` with this config: Prisma's migrate commands fail through the pg
 * adapter. PostgreSQL migrations are SQL files applied by `npm run db:migrate:postgres`
 * (see README.md beside this file).
 */
const url = resolveDatabaseUrl();
process.env.DATABASE_URL = isPostgresUrl(url) ? url : "postgresql://placeholder.invalid/generate-only";

export default defineConfig({
  schema: "schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
