/**
 * Applies the PostgreSQL migrations (prisma/postgresql/migrations/<name>/migration.sql) that the
 * database has not seen yet, in name order, each in its own transaction, and records each one in
 * the `_app_migrations` table. Running it again applies nothing (idempotent). An advisory lock
 * keeps two app instances deploying at once from racing.
 *
 * Why not `prisma migrate deploy`: Prisma's migrate commands fail through the pg driver adapter
 * (the only way its engines run here), while the SQL that `prisma migrate diff` writes applies
 * fine with `pg`. See prisma/postgresql/README.md for the workflow.
 *
 *   npm run db:migrate:postgres                 # DATABASE_URL must be postgres:// or postgresql://
 *   npm run db:migrate:postgres -- <url>        # or pass the URL
 *   npm run db:migrate                          # whichever database DATABASE_URL selects:
 *                                               # PostgreSQL here, SQLite via `prisma migrate deploy`
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { databaseProvider, isPostgresUrl, resolveDatabaseUrl } from "../app/db-url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const POSTGRES_MIGRATIONS_DIR = path.join(ROOT, "prisma", "postgresql", "migrations");
export const MIGRATIONS_TABLE = "_app_migrations";
/** pg_advisory_lock key: any constant shared by every instance of this app. */
const LOCK_KEY = 0x5c_4a_7d_01;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** The committed migrations, oldest first (folder names start with a sortable timestamp). */
export function listPostgresMigrations(dir: string = POSTGRES_MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_[\w-]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    });
}

function checksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export async function applyPostgresMigrations(
  url: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  if (!isPostgresUrl(url)) throw new Error("applyPostgresMigrations needs a postgres:// or postgresql:// URL");
  const log = options.log ?? (() => {});
  const migrations = listPostgresMigrations(options.dir);
  const client = new pg.Client({ connectionString: url });
  // A connection the server drops between two queries fails the next one (the migration's
  // transaction rolls back) instead of crashing the process with an unhandled 'error' event.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
           "name" TEXT PRIMARY KEY,
           "checksum" TEXT NOT NULL,
           "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`,
      );
      const done = new Map(rows.map((row) => [row.name, row.checksum]));
      const known = new Set(migrations.map((m) => m.name));
      for (const name of done.keys()) {
        if (!known.has(name)) log(`warning: ${name} is applied in the database but has no folder here (older code?)`);
      }
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of migrations) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new Error(
              `migration ${migration.name} was changed after it was applied; never edit an applied migration, add a new one`,
            );
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
            migration.name,
            migration.checksum,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
            cause: error,
          });
        }
        result.applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Host and database only: a URL may hold a password. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "the configured database";
  }
}

/** Brings the database at `url` to the current schema: `prisma migrate deploy` for SQLite, these migrations for PostgreSQL. */
export async function migrateDatabase(url: string, log: (line: string) => void = () => {}): Promise<void> {
  if (databaseProvider(url) === "sqlite") {
    const prisma = path.join(ROOT, "node_modules", ".bin", "prisma");
    const run = spawnSync(prisma, ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`prisma migrate deploy failed:\n${run.stdout}\n${run.stderr}`);
    log(run.stdout.trim());
    return;
  }
  const { applied, alreadyApplied } = await applyPostgresMigrations(url, { log });
  log(`PostgreSQL ${describe(url)}: ${applied.length} migration(s) applied, ${alreadyApplied.length} already applied.`);
}

async function main(argv: string[]): Promise<void> {
  const url = argv.find((arg) => !arg.startsWith("--")) ?? resolveDatabaseUrl();
  if (databaseProvider(url) === "sqlite" && !argv.includes("--auto")) {
    throw new Error(
      "DATABASE_URL is not a PostgreSQL URL (postgres:// or postgresql://); for SQLite run `npx prisma migrate deploy`",
    );
  }
  await migrateDatabase(url, (line) => console.log(line));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
