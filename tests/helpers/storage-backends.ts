/**
 * The databases a storage test runs on: SQLite (the committed SQLite migrations) and, when a
 * server can be had (tests/helpers/postgres.ts), PostgreSQL (the committed PostgreSQL migrations).
 * In CI a missing PostgreSQL is a failure; elsewhere its tests are skipped with a warning.
 */
import { describe, it } from "vitest";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";
import { postgresUnavailable, startPostgres } from "./postgres";
import { migratedDatabaseUrl } from "./test-db";

export interface Backend {
  name: "sqlite" | "postgresql";
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

export function storageBackends(name: string): Backend[] {
  const backends: Backend[] = [
    { name: "sqlite", start: async () => ({ url: migratedDatabaseUrl(name), stop: async () => {} }) },
  ];
  const missing = postgresUnavailable();
  if (!missing) {
    backends.push({
      name: "postgresql",
      start: async () => {
        const server = await startPostgres(name);
        await applyPostgresMigrations(server.url);
        return server;
      },
    });
  } else if (process.env.CI) {
    describe("PostgreSQL", () => {
      it("is available for the storage tests in CI", () => {
        throw new Error(`PostgreSQL storage tests cannot run: ${missing}. .ci/run installs Debian's postgresql.`);
      });
    });
  } else {
    console.warn(`\n[${name}] SKIPPING the PostgreSQL tests: ${missing}. They run (and must pass) in CI.\n`);
  }
  return backends;
}
