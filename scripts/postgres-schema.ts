/**
 * Writes prisma/postgresql/schema.prisma, the PostgreSQL twin of prisma/schema.prisma.
 *
 * prisma/schema.prisma (SQLite) is the one source of truth for the data model. The twin differs
 * only in the datasource provider and the generated client's folder, so both clients expose the
 * same model API. Run after every schema change (`npm run db:schema:postgres`); `--check` exits 1
 * when the committed twin is stale (the storage tests check this too).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma", "postgresql", "schema.prisma");
export const POSTGRES_CLIENT_OUTPUT = "../../app/generated/prisma-postgres";

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts (npm run db:schema:postgres).\n" +
  "// Do not edit: change prisma/schema.prisma, regenerate, then add a PostgreSQL migration\n" +
  "// (see prisma/postgresql/README.md).\n\n";

/** Replace `key = "…"` inside the one `<kind> <name> { … }` block, failing loudly if it is missing. */
function setBlockField(schema: string, block: string, key: string, value: string): string {
  const blockRe = new RegExp(`(^${block}\\s*\\{[^}]*\\})`, "m");
  const match = blockRe.exec(schema);
  if (!match) throw new Error(`prisma/schema.prisma: no "${block}" block`);
  const fieldRe = new RegExp(`(^\\s*${key}\\s*=\\s*)"[^"]*"`, "m");
  if (!fieldRe.test(match[1])) throw new Error(`prisma/schema.prisma: "${block}" has no ${key}`);
  const replaced = match[1].replace(fieldRe, `$1"${value}"`);
  return schema.slice(0, match.index) + replaced + schema.slice(match.index + match[1].length);
}

export function postgresSchemaFrom(sqliteSchema: string): string {
  if (/@db\./.test(sqliteSchema)) throw new Error("prisma/schema.prisma: native @db types are provider-specific");
  let schema = setBlockField(sqliteSchema, "datasource db", "provider", "postgresql");
  schema = setBlockField(schema, "generator client", "output", POSTGRES_CLIENT_OUTPUT);
  return HEADER + schema;
}

export function expectedPostgresSchema(): string {
  return postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

function main(argv: string[]): void {
  const expected = expectedPostgresSchema();
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:schema:postgres`.");
      process.exit(1);
    }
    console.log("prisma/postgresql/schema.prisma is up to date.");
    return;
  }
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  if (current !== expected) fs.writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`${current === expected ? "unchanged" : "wrote"} ${path.relative(ROOT, POSTGRES_SCHEMA)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  main(process.argv.slice(2));
