/**
 * A real PostgreSQL for tests: a fresh, empty database per call.
 *
 * - PG_TEST_URL set (postgres://user@host:port/db of a server the tests may create databases on):
 *   creates a uniquely named database there and drops it on stop().
 * - Otherwise starts a throwaway cluster with the server binaries (Debian's `postgresql` package:
 *   /usr/lib/postgresql/<version>/bin, or PG_BIN): initdb + pg_ctl in a temp dir, on a free
 *   loopback port, trust auth, no fsync. PostgreSQL refuses to run as root, so as root (CI) the
 *   cluster runs as the `postgres` system user the package creates (runuser) in a temp dir chowned
 *   to it. stop() shuts it down and removes the dir; an exit hook does the same if a run is killed.
 *
 * postgresUnavailable() says why neither is possible (null when one is).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";
import { freePort } from "./demo-process";

export interface TestPostgres {
  /** postgresql:// URL of an empty database. */
  url: string;
  stop(): Promise<void>;
  /**
   * Stop the server (fast shutdown: every connection is closed), run whileDown, start it again on
   * the same port. Only for a throwaway cluster: with PG_TEST_URL there is no server to restart.
   */
  restart?(whileDown?: () => Promise<void>): Promise<void>;
}

/** Directory holding initdb, pg_ctl and postgres, or null. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, "bin")));
  }
  try {
    candidates.push(
      execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
  } catch {
    // no pg_config on PATH
  }
  return (
    candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((b) => fs.existsSync(path.join(dir, b)))) ?? null
  );
}

export function postgresUnavailable(): string | null {
  if (process.env.PG_TEST_URL) return null;
  if (!findPostgresBin()) {
    return "no PostgreSQL server binaries (apt-get install postgresql, or set PG_BIN or PG_TEST_URL)";
  }
  if (isRoot() && !systemUser("postgres"))
    return "running as root and there is no `postgres` user to run the server as";
  return null;
}

/**
 * A fresh database for a test file whose tests are all about PostgreSQL: with no server to be had
 * they fail, never skip (.ci/run installs one). `migrated`: the committed PostgreSQL migrations applied.
 */
export async function requirePostgres(name: string, { migrated = false } = {}): Promise<TestPostgres> {
  const missing = postgresUnavailable();
  if (missing) throw new Error(`PostgreSQL tests cannot run: ${missing}. .ci/run installs Debian's postgresql.`);
  const server = await startPostgres(name);
  if (migrated) await applyPostgresMigrations(server.url);
  return server;
}

export async function startPostgres(name = "test"): Promise<TestPostgres> {
  return process.env.PG_TEST_URL ? createDatabaseOn(process.env.PG_TEST_URL, name) : startCluster(name);
}

/** A new, uniquely named empty database on the server at serverUrl; stop() drops it. */
export async function createDatabaseOn(serverUrl: string, name: string): Promise<TestPostgres> {
  const database = `${name.replace(/\W/g, "_").toLowerCase()}_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    stop: () =>
      withClient(serverUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))),
  };
}

/** One short-lived connection to url, closed whatever fn does. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function startCluster(name: string): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailable() ?? "no PostgreSQL binaries");
  const runAs = isRoot() ? systemUser("postgres") : null;
  if (isRoot() && !runAs) throw new Error("running as root and there is no `postgres` user to run PostgreSQL as");
  // The server user must reach its data dir: as root, os.tmpdir() may be private (e.g. under /root).
  const base = runAs && !traversableByOthers(os.tmpdir()) ? "/tmp" : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, `support-chat-pg-${name}-`));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  const run = (program: string, args: string[]) => {
    const command = runAs ? "runuser" : path.join(bin, program);
    const argv = runAs ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    try {
      return execFileSync(command, argv, {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_ALL: "C" },
      });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${program} failed: ${e.stderr || e.stdout || e.message}\n${log}`);
    }
  };

  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  let port = 0;
  let lastError: unknown;
  const serverOptions = (candidate: number) =>
    [
      `-p ${candidate}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=50",
    ].join(" ");
  for (let attempt = 0; attempt < 5 && !port; attempt++) {
    const candidate = await freePort();
    try {
      run("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", serverOptions(candidate), "start"]);
      port = candidate;
    } catch (error) {
      lastError = error; // most likely another process took the port between the probe and the start
    }
  }
  if (!port) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw lastError;
  }

  let stopped = false;
  const shutdown = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", shutdown);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.removeListener("exit", shutdown);
      shutdown();
    },
    restart: async (whileDown) => {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      try {
        await whileDown?.();
      } finally {
        run("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", serverOptions(port), "start"]);
      }
    },
  };
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function traversableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    const line = fs
      .readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${name}:`));
    if (!line) return null;
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}
