/** The last line of `npm run eval -- … --json`: the summary the eval tests hold to their floors. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

// Each mode prints its own summary shape.
export async function evalSummary(args: string[]): Promise<any> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/eval.ts", ...args, "--json"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}
