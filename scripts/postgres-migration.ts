/**
 * Writes the next PostgreSQL migration after a change to prisma/schema.prisma:
 *
 *   1. regenerates the twin schema prisma/postgresql/schema.prisma;
 *   2. diffs the schema as of the last PostgreSQL migration (its schema.snapshot.prisma) against
 *      the twin with `prisma migrate diff --script` (no database needed);
 *   3. writes prisma/postgresql/migrations/<name>/migration.sql and schema.snapshot.prisma.
 *
 *   npm run db:migration:postgres               # named after the one SQLite migration it lacks
 *   npm run db:migration:postgres -- <name>     # or a name: "20261201000000_x", or "x" (timestamped now)
 *
 * Run it right after `npx prisma migrate dev --name …` so both backends stay at the same version.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { POSTGRES_MIGRATIONS_DIR, listPostgresMigrations } from "./postgres-migrate";
import { POSTGRES_SCHEMA, expectedPostgresSchema } from "./postgres-schema";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
export const SNAPSHOT_FILE = "schema.snapshot.prisma";
const EMPTY_DIFF = /^\s*(--[^\n]*\n\s*)*$/;

export function sqliteMigrationNames(): string[] {
  return fs
    .readdirSync(SQLITE_MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * PostgreSQL DDL taking the `from` schema file (null: an empty database) to the `to` schema file.
 * Runs the Prisma CLI with the root (SQLite) config against a scratch SQLite file: Prisma connects
 * its config's adapter even for a schema-to-schema diff, and only the SQLite adapter can here.
 */
export function diffPostgresSchemas(from: string | null, to: string): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pg-migration-diff-"));
  try {
    const run = spawnSync(
      path.join(ROOT, "node_modules", ".bin", "prisma"),
      [
        "migrate",
        "diff",
        ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
        "--to-schema-datamodel",
        to,
        "--script",
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "diff.sqlite")}` },
      },
    );
    if (run.status !== 0) throw new Error(`prisma migrate diff failed:\n${run.stderr}${run.stdout}`);
    return run.stdout;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function migrationName(arg: string | undefined, existing: string[]): string {
  if (arg) {
    if (!/^[\w-]+$/.test(arg)) throw new Error(`bad migration name "${arg}"`);
    return /^\d{14}_/.test(arg) ? arg : `${timestamp()}_${arg}`;
  }
  const missing = sqliteMigrationNames().filter((name) => !existing.includes(name));
  if (missing.length === 1) return missing[0];
  if (missing.length === 0)
    throw new Error("every SQLite migration has its PostgreSQL twin; pass a name to add one anyway");
  throw new Error(
    `several SQLite migrations lack a PostgreSQL twin (${missing.join(", ")}); create them one at a time with the schema of each`,
  );
}

function main(argv: string[]): void {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
  fs.mkdirSync(POSTGRES_MIGRATIONS_DIR, { recursive: true });
  const existing = listPostgresMigrations().map((m) => m.name);
  const last = existing.at(-1);
  const from = last ? path.join(POSTGRES_MIGRATIONS_DIR, last, SNAPSHOT_FILE) : null;
  const sql = diffPostgresSchemas(from, POSTGRES_SCHEMA);
  if (EMPTY_DIFF.test(sql)) {
    console.log("No schema change since the last PostgreSQL migration: nothing written.");
    return;
  }
  const name = migrationName(
    argv.find((arg) => !arg.startsWith("--")),
    existing,
  );
  if (last && name <= last) throw new Error(`${name} must sort after the last migration ${last}`);
  const dir = path.join(POSTGRES_MIGRATIONS_DIR, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync(POSTGRES_SCHEMA, path.join(dir, SNAPSHOT_FILE));
  console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql:\n\n${sql}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
