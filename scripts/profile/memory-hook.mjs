// Preloaded (node --expose-gc --import) into the server under `npm run profile:memory`. On SIGUSR2:
// two full collections, then one line on stderr, "MEM {json}": resident size, heap used and
// total, external memory and each heap space's live size (MB); with HEAP_SNAPSHOT_DIR, also a
// heap snapshot there (snap-<n>.heapsnapshot; writing one grows the process's resident size).
import v8 from "node:v8";

let taken = 0;
const mb = (bytes) => Math.round(bytes / 1e5) / 10;
process.on("SIGUSR2", () => {
  taken++;
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
  const dir = process.env.HEAP_SNAPSHOT_DIR;
  const snapshot = dir ? v8.writeHeapSnapshot(`${dir}/snap-${taken}.heapsnapshot`) : null;
  const line = {
    rss: mb(usage.rss),
    heapUsed: mb(usage.heapUsed),
    heapTotal: mb(usage.heapTotal),
    external: mb(usage.external),
    spaces,
    snapshot,
  };
  process.stderr.write(`MEM ${JSON.stringify(line)}\n`);
});
