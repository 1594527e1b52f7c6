// Counts and times every SQL statement this process sends through better-sqlite3 or pg (by
// patching the drivers' prototypes once). Used by `npm run profile:chat` (sql-hook.mjs) and by the
// tests that hold a chat message to its number of statements.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** SQL text → { count, ms }; statements in the order first seen. */
const statements = new Map();
/** Every statement in the order sent, while `tracing` (the tests read it). */
const trace = [];
let tracing = false;
let installed = false;

function record(sql, ms) {
  if (tracing) trace.push(String(sql));
  const entry = statements.get(sql);
  if (entry) {
    entry.count++;
    entry.ms += ms;
  } else statements.set(sql, { count: 1, ms });
}

/** Patch the drivers (once) and return the live counts. */
export function installSqlCounter() {
  if (!installed) {
    installed = true;
    patchSqlite();
    patchPg();
  }
  return {
    statements,
    reset: () => statements.clear(),
    /** The statements `run` sends, in order (whatever else runs meanwhile is in it too). */
    async traced(run) {
      trace.length = 0;
      tracing = true;
      try {
        await run();
      } finally {
        tracing = false;
      }
      return [...trace];
    },
    /** Statements by text (whitespace folded), most frequent first. */
    summary() {
      const merged = new Map();
      for (const [sql, { count, ms }] of statements) {
        const key = String(sql).replace(/\s+/g, " ").trim().slice(0, 300);
        const entry = merged.get(key) ?? { sql: key, count: 0, ms: 0 };
        entry.count += count;
        entry.ms += ms;
        merged.set(key, entry);
      }
      return [...merged.values()].sort((a, b) => b.count - a.count);
    },
  };
}

function patchSqlite() {
  let Database;
  try {
    Database = require("better-sqlite3");
  } catch {
    return;
  }
  const probe = new Database(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("select 1"));
  probe.close();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = Statement[method];
    Statement[method] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        record(this.source, performance.now() - started);
      }
    };
  }
  const exec = Database.prototype.exec;
  Database.prototype.exec = function (sql) {
    const started = performance.now();
    try {
      return exec.call(this, sql);
    } finally {
      record(sql, performance.now() - started);
    }
  };
}

function patchPg() {
  let pg;
  try {
    pg = require("pg");
  } catch {
    return;
  }
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const sql = typeof config === "string" ? config : config?.text;
    const started = performance.now();
    const done = () => sql && record(sql, performance.now() - started);
    if (typeof values === "function") {
      const cb = values;
      return query.call(this, config, (...args) => (done(), cb(...args)));
    }
    if (typeof callback === "function")
      return query.call(this, config, values, (...args) => (done(), callback(...args)));
    if (typeof config?.callback === "function") {
      const cb = config.callback;
      config.callback = (...args) => (done(), cb(...args));
      return query.call(this, config, values);
    }
    const result = query.call(this, config, values);
    if (result && typeof result.then === "function") result.then(done, done);
    else done();
    return result;
  };
}
