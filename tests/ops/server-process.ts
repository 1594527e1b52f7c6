/** Runs the production server (`node server.mjs`) as a real child process on a free loopback port. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../helpers/demo-process";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** stdout split into non-empty lines. */
  lines(): string[];
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Wait until a stdout line satisfies the predicate (lines are parsed as JSON when they can be). */
  waitForLog(predicate: (entry: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** SIGTERM and wait for exit (SIGKILL after a while). */
  stop(): Promise<void>;
}

export const SERVER_SCRIPT = path.resolve("server.mjs");

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    SHOPIFY_API_KEY: "ops-test-key",
    SHOPIFY_API_SECRET: "ops-test-secret",
    // Production refuses to start without it (app/llm/secrets.server.ts).
    APP_ENCRYPTION_KEY: "ops-test-encryption-key-0123456789abcdef",
    SHOPIFY_APP_URL: url,
    LOG_LEVEL: "debug",
    ...env,
  };
  for (const key of ["DEMO_STORE_SNAPSHOT", "OPENAI_API_KEY", "OPENAI_BASE_URL", "SMTP_URL"])
    if (!(key in env)) delete childEnv[key];
  const child = spawn(process.execPath, [SERVER_SCRIPT], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines = () => stdout.split("\n").filter((line) => line.trim() !== "");

  const waitForLog = async (predicate: (entry: Record<string, any>) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of lines()) {
        let entry: Record<string, any> | null = null;
        try {
          entry = JSON.parse(line);
        } catch {
          /* not JSON: never matches */
        }
        if (entry && predicate(entry)) return entry;
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `server exited (${child.exitCode ?? child.signalCode}) before the expected log line:\n${stdout}\n${stderr}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`expected log line not seen within ${timeoutMs} ms:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const server: ServerProcess = {
    url,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    lines,
    exited,
    waitForLog,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitForLog((entry) => entry.msg === "listening", 90_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return server;
}
