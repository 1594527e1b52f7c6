/**
 * The production server as operations see it: `node server.mjs` in a child process, with a real
 * build and a migrated SQLite database. Health endpoint, request ids, JSON access logs without
 * personal data, graceful shutdown.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProxyQuery } from "../../demo/shopify-surrogate";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { startServer, type ServerProcess } from "./server-process";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = "jane.doe@example.com";
const SECRET_TOKEN = "shpat_0123456789abcdef0123456789abcdef";

/** Every stdout line parsed as JSON (fails the test on a line that isn't). */
function jsonLines(server: ServerProcess): Record<string, any>[] {
  return server.lines().map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`stdout line is not JSON: ${line}`);
    }
  });
}

describe("server.mjs with a healthy database", () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: migratedDatabaseUrl("ops") });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("GET /healthz answers 200 JSON after a database round trip, never cached", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("echoes a safe X-Request-Id and mints a UUID otherwise", async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "lb-trace.42:abc_DEF-9" } });
    expect(given.headers.get("x-request-id")).toBe("lb-trace.42:abc_DEF-9");

    const none = await fetch(`${server.url}/healthz`);
    expect(none.headers.get("x-request-id")).toMatch(UUID);

    for (const unsafe of ["two words", "a".repeat(200), '"quoted"', "id,with,commas", `${EMAIL}`]) {
      const res = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": unsafe } });
      expect(res.headers.get("x-request-id"), unsafe).toMatch(UUID);
    }

    // The id in the response header is the one in the access log.
    const entry = await server.waitForLog((e) => e.req?.id === "lb-trace.42:abc_DEF-9");
    expect(entry.req).toEqual({ id: "lb-trace.42:abc_DEF-9", method: "GET", path: "/healthz" });
  });

  it("logs JSON lines with method, path (no query), status and duration only, and no personal data", async () => {
    const query = "signature=secret-sig&logged_in_customer_id=123";
    const sent = [
      { id: "ops-log-1", method: "GET", url: `/healthz?${query}`, path: "/healthz", status: 200 },
      {
        id: "ops-log-2",
        method: "POST",
        url: `/proxy/messages?shop=ops.myshopify.com&${query}`,
        path: "/proxy/messages",
        status: 401,
      },
      {
        id: "ops-log-3",
        method: "GET",
        url: `/orders/${EMAIL}/status?${query}`,
        path: "/orders/:redacted/status",
        status: 404,
      },
      {
        id: "ops-log-4",
        method: "GET",
        url: `/lookup/${encodeURIComponent(EMAIL)}?email=${encodeURIComponent(EMAIL)}`,
        path: "/lookup/:redacted",
        status: 404,
      },
    ];
    for (const request of sent) {
      const res = await fetch(`${server.url}${request.url}`, {
        method: request.method,
        headers: {
          "X-Request-Id": request.id,
          "Content-Type": "application/json",
          Authorization: `Bearer ${SECRET_TOKEN}`,
          Cookie: "session=secret-cookie-value",
          "X-Shopify-Access-Token": SECRET_TOKEN,
        },
        body:
          request.method === "POST"
            ? JSON.stringify({ text: `my email is ${EMAIL}, call +1 415 555 0100`, email: EMAIL })
            : undefined,
      });
      await res.arrayBuffer();
      expect(res.status, request.url).toBe(request.status);
    }

    for (const request of sent) {
      const entry = await server.waitForLog((e) => e.req?.id === request.id);
      expect(Object.keys(entry).sort()).toEqual([
        "hostname",
        "level",
        "msg",
        "pid",
        "req",
        "res",
        "responseTime",
        "time",
      ]);
      expect(entry.req).toEqual({ id: request.id, method: request.method, path: request.path });
      expect(entry.res).toEqual({ statusCode: request.status });
      expect(typeof entry.responseTime).toBe("number");
      expect(entry.level).toBe(request.status >= 400 ? "warn" : "debug");
    }

    const entries = jsonLines(server); // every line on stdout is JSON
    expect(entries.length).toBeGreaterThan(sent.length);
    const stdout = server.stdout();
    for (const secret of [
      "secret-sig",
      "signature",
      "logged_in_customer_id",
      "jane.doe",
      "example.com",
      "%40",
      "415 555",
      SECRET_TOKEN,
      "secret-cookie-value",
      "?",
    ]) {
      expect(stdout, `stdout must not contain ${secret}`).not.toContain(secret);
    }
    // Nothing but allow-listed fields: no headers, IPs, user agents, bodies or URLs.
    for (const field of ['"headers"', '"remoteAddress"', '"user-agent"', '"url"', '"body"', '"query"']) {
      expect(stdout).not.toContain(field);
    }
  });

  it("exits 0 promptly on SIGTERM when nothing is in flight (idle keep-alive connections included)", async () => {
    await (await fetch(`${server.url}/healthz`)).arrayBuffer(); // leaves an idle keep-alive connection
    const started = Date.now();
    server.child.kill("SIGTERM");
    const { code, signal } = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(3_000);
    const stopped = await server.waitForLog((e) => e.msg === "stopped");
    expect(stopped.drained).toBe(true);
    // Remix's and React's error output for the 404s above went through the logger as well.
    expect(server.stderr()).toBe("");
    jsonLines(server);
    expect(server.stdout()).not.toContain("example.com");
  });
});

describe("graceful shutdown with a request in flight", () => {
  const shop = "ops-shutdown.myshopify.com";
  let server: ServerProcess;

  beforeAll(async () => {
    const databaseUrl = migratedDatabaseUrl("ops-shutdown");
    // An installed shop, so the signed proxy request gets as far as reading its body.
    const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
    sqlite
      .prepare(
        `INSERT INTO "Session" (id, shop, state, isOnline, scope, accessToken) VALUES (?, ?, '', 0, ?, 'offline-token')`,
      )
      .run(`offline_${shop}`, shop, "read_orders,read_products");
    sqlite.close();
    server = await startServer({ DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("stops accepting connections, lets the in-flight request finish, then exits 0", async () => {
    const query = signProxyQuery(new URLSearchParams(), {
      shop,
      loggedInCustomerId: null,
      pathPrefix: "/apps/support",
      secret: "ops-test-secret",
    });
    const body = JSON.stringify({ text: "hello" }).slice(0, -1); // invalid JSON: answered 400, no model call
    const half = Math.floor(body.length / 2);
    const { port } = new URL(server.url);

    // A POST whose body arrives slowly: the handler waits for the rest of it.
    const request = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: `/proxy/messages?${query}`,
      headers: {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(body),
        "X-Request-Id": "in-flight-1",
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      request.on("error", reject);
    });
    request.write(body.slice(0, half));
    await new Promise((resolve) => setTimeout(resolve, 500));

    server.child.kill("SIGTERM");
    await server.waitForLog((e) => e.msg?.startsWith("shutting down"));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode, "must wait for the in-flight request").toBeNull();
    // The listener is closed: new connections are refused.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    request.end(body.slice(half));
    const { status, text } = await response;
    expect(status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ error: expect.anything() });

    const finished = Date.now();
    const { code, signal } = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - finished).toBeLessThan(3_000);

    const access = await server.waitForLog((e) => e.req?.id === "in-flight-1");
    expect(access).toMatchObject({ req: { method: "POST", path: "/proxy/messages" }, res: { statusCode: 400 } });
    expect((await server.waitForLog((e) => e.msg === "stopped")).drained).toBe(true);
    jsonLines(server);
    expect(server.stdout()).not.toContain("signature");
  });
});

describe("server.mjs with an unreachable database", () => {
  let server: ServerProcess;

  beforeAll(async () => {
    // A directory where the SQLite file should be: the database can't be opened.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "support-chat-ops-nodb-"));
    server = await startServer({ DATABASE_URL: `file:${dir}` });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("GET /healthz answers 503 JSON", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "error", database: "unreachable" });
    const warning = await server.waitForLog((e) => e.msg === "health check: database unreachable");
    expect(warning.level).toBe("warn");
    expect(warning.err).toMatchObject({ type: expect.any(String) });
    // The Shopify session storage's own complaints (console.log) come out as JSON too.
    jsonLines(server);
    expect(server.stderr()).toBe("");
  });
});
