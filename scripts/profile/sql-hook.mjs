// Preloaded (node --import) into the server under `npm run profile:chat`. Counts and times every
// SQL statement the process sends through better-sqlite3 or pg. The first SIGUSR2 starts a measured
// window (counts restart, a CPU profile starts sampling every PROFILE_INTERVAL_US, 500 µs); the second writes the
// statements to PROFILE_SQL_OUT and the profile to PROFILE_CPU_OUT, and prints "profile written".
import fs from "node:fs";
import inspector from "node:inspector";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const statements = new Map();

function record(sql, ms) {
  const entry = statements.get(sql);
  if (entry) {
    entry.count++;
    entry.ms += ms;
  } else statements.set(sql, { count: 1, ms });
}

/** Statements by text (whitespace folded), most frequent first. */
function summary() {
  const merged = new Map();
  for (const [sql, { count, ms }] of statements) {
    const key = String(sql).replace(/\s+/g, " ").trim().slice(0, 300);
    const entry = merged.get(key) ?? { sql: key, count: 0, ms: 0 };
    entry.count += count;
    entry.ms += ms;
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => b.count - a.count);
}

try {
  const Database = require("better-sqlite3");
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
} catch {
  /* no SQLite driver */
}

try {
  const pg = require("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const sql = typeof config === "string" ? config : config?.text;
    const started = performance.now();
    const done = () => sql && record(sql, performance.now() - started);
    if (typeof values === "function") {
      const cb = values;
      return query.call(this, config, (...args) => (done(), cb(...args)));
    }
    if (typeof callback === "function") return query.call(this, config, values, (...args) => (done(), callback(...args)));
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
} catch {
  /* no PostgreSQL driver */
}

let session = null;
process.on("SIGUSR2", () => {
  if (!session) {
    statements.clear();
    session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: Number(process.env.PROFILE_INTERVAL_US ?? 500) }, () => session.post("Profiler.start")));
    return;
  }
  session.post("Profiler.stop", (error, result) => {
    if (process.env.PROFILE_SQL_OUT) fs.writeFileSync(process.env.PROFILE_SQL_OUT, JSON.stringify(summary(), null, 1));
    if (!error && process.env.PROFILE_CPU_OUT) fs.writeFileSync(process.env.PROFILE_CPU_OUT, JSON.stringify(result.profile));
    process.stderr.write("profile written\n");
  });
});
