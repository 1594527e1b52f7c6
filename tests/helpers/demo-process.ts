/** Starts `npm run demo`'s server as a real child process on a free port, with its own database. */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningDemo {
  url: string;
  /** The demo's own database, for tests that inspect what it stored. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// An empty database: the demo migrates it itself, as on a fresh machine.
function emptyDatabaseUrl(): string {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "support-chat-demo-")), "demo.sqlite")}`;
}

export async function startDemo(env: Record<string, string> = {}): Promise<RunningDemo> {
  const port = await freePort();
  const databaseUrl = env.DATABASE_URL ?? emptyDatabaseUrl();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "demo/server.ts"], {
    env: { ...process.env, PORT: String(port), ...env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Demo storefront: (http:\/\/\S+?)\/?\n/);
      if (match) resolve(match[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`demo server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    databaseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
