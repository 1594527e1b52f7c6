import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve("prisma", "migrations");

/** A fresh SQLite file with the committed migrations applied, as `prisma migrate deploy` would. */
export function migratedDatabaseUrl(name = "test"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `support-chat-${name}-`));
  const file = path.join(dir, "db.sqlite");
  const sqlite = new Database(file);
  try {
    for (const migration of fs
      .readdirSync(MIGRATIONS)
      .filter((d) => /^\d+_/.test(d))
      .sort()) {
      sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
    }
  } finally {
    sqlite.close();
  }
  return `file:${file}`;
}
