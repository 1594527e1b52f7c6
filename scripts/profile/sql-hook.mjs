// Preloaded (node --import) into the server under `npm run profile:chat`. Counts every SQL
// statement (sql-counter.mjs). The first SIGUSR2 starts a measured window (counts restart, a CPU
// profile starts, sampling every PROFILE_INTERVAL_US, 500 µs); the second writes the statements to
// PROFILE_SQL_OUT and the profile to PROFILE_CPU_OUT, and prints "profile written" on stderr.
import fs from "node:fs";
import inspector from "node:inspector";
import { installSqlCounter } from "./sql-counter.mjs";

const counter = installSqlCounter();
let session = null;
process.on("SIGUSR2", () => {
  if (!session) {
    counter.reset();
    session = new inspector.Session();
    session.connect();
    const interval = Number(process.env.PROFILE_INTERVAL_US ?? 500);
    session.post("Profiler.enable", () =>
      session.post("Profiler.setSamplingInterval", { interval }, () => session.post("Profiler.start")),
    );
    return;
  }
  session.post("Profiler.stop", (error, result) => {
    if (process.env.PROFILE_SQL_OUT)
      fs.writeFileSync(process.env.PROFILE_SQL_OUT, JSON.stringify(counter.summary(), null, 1));
    if (!error && process.env.PROFILE_CPU_OUT)
      fs.writeFileSync(process.env.PROFILE_CPU_OUT, JSON.stringify(result.profile));
    process.stderr.write("profile written\n");
  });
});
