// Production HTTP server: the built Remix app behind Express. `npm run build && npm start`.
// The demo server (demo/server.ts) mounts the same app next to its storefront and app proxy.
//
// Operations (docs/DEPLOY.md):
//   - one JSON access-log line per request on stdout (pino-http): request id, method, path without
//     its query string, status and duration, nothing else (no headers, IPs, bodies or queries);
//   - X-Request-Id: taken from the request when it is a safe token, else a fresh UUID; echoed back;
//   - everything else the process prints (console.*, Remix/React errors, crashes) also goes out as
//     JSON through the same logger, with error messages cut to their first line and masked;
//   - SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (SHUTDOWN_TIMEOUT_MS,
//     default 10 s, then force), disconnect the database, exit 0. A second signal kills at once.
//   - WEB_CONCURRENCY=N or auto: N worker processes (one per core with auto) behind a primary that
//     restarts a dead worker and drains them all on SIGTERM (docs/DEPLOY.md).
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import {
  createRequestHandler as createRemixHandler,
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import { pino } from "pino";
import { pinoHttp } from "pino-http";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";

const root = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = path.join(root, "build");

/** The built app, with the demo wired in when DEMO_STORE_SNAPSHOT asks for demo mode. */
export async function loadBuild() {
  const build = await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href);
  await installDemoIfConfigured(build);
  return build;
}

/**
 * Demo mode (DEMO_STORE_SNAPSHOT; the app refuses it unless SHOPIFY_APP_URL is a loopback address):
 * hand the demo's store and clock to the built app's composition root. The wiring lives in demo/,
 * which is TypeScript and never part of the build or the production image, so it is loaded here,
 * through tsx, and only then.
 */
async function installDemoIfConfigured(build) {
  const snapshot = process.env.DEMO_STORE_SNAPSHOT?.trim();
  if (!snapshot) return;
  const { installDemo } = await importDemoWiring();
  installDemo(build.entry.module.configureApp, snapshot);
}

/**
 * demo/wiring.ts through tsx, or DEMO_WIRING_MODULE: the same wiring bundled ahead to JavaScript
 * (the bench does this), so a measured process carries no TypeScript loader (tsx's hooks thread,
 * about 28 MB of resident memory a production process never has).
 */
async function importDemoWiring() {
  const prebuilt = process.env.DEMO_WIRING_MODULE?.trim();
  if (prebuilt) return import(prebuilt);
  const { register } = await import("tsx/esm/api");
  register();
  return import("./demo/wiring.ts");
}

/**
 * Mount the Remix app (static assets + request handler) on an Express app. With a logger, errors
 * thrown by loaders, actions and rendering are logged through it (scrubbed, as JSON) instead of
 * Remix's default console.error, unless app/entry.server.tsx exports its own handleError.
 */
export function mountRemixApp(app, build, { logger } = {}) {
  const served = logger && !build.entry.module.handleError ? withErrorLogging(build, logger) : build;
  // The storefront's app proxy (every chat message) first, with its own routes only, and before
  // the static files, which no proxy URL names.
  const proxy = buildUnder(served, PROXY_SEGMENT);
  if (proxy) app.all(`/${PROXY_SEGMENT}/*`, createProxyRequestHandler({ build: proxy, mode: process.env.NODE_ENV }));
  app.use("/assets", express.static(path.join(BUILD_DIR, "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build: served, mode: process.env.NODE_ENV }));
  return app;
}

const PROXY_SEGMENT = "proxy";

/**
 * Express → Remix for the app proxy's requests (every chat message), like @remix-run/express's
 * handler with two things a chat message doesn't need left out:
 * - the request's abort signal: the client leaving never cancels a message (it is stored and
 *   answered either way, and a retry finds its reply), and undici's Request follows a given
 *   signal with listeners of its own, each time Remix copies the request;
 * - streaming a finished body: a JSON reply is sent whole with its Content-Length, the headers and
 *   body in one write, instead of a chunk and then a chunked-encoding terminator (two writes).
 *   Server-Sent Events (the model's deltas) still stream.
 */
export function createProxyRequestHandler({ build, mode }) {
  const handleRequest = createRemixHandler(build, mode);
  return async (req, res, next) => {
    try {
      const response = await handleRequest(proxyRequest(req), undefined);
      await sendProxyResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function proxyRequest(req) {
  // The URL and headers as @remix-run/express makes them (its host and port rules included).
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  const init = { method: req.method, headers };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(remixUrl(req), init);
}

/**
 * The request's absolute URL as @remix-run/express builds it: req.hostname (which honours "trust
 * proxy") with the port of X-Forwarded-Host or else of Host, and the original path and query.
 */
function remixUrl(req) {
  const portOf = (host) => Number.parseInt(host?.split(":")[1], 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

const STREAMED = /text\/event-stream/i;

async function sendProxyResponse(res, response) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [key, value] of response.headers) res.appendHeader(key, value);
  if (!response.body) return void res.end();
  if (STREAMED.test(response.headers.get("content-type") ?? "")) {
    res.flushHeaders();
    return writeReadableStreamToWritable(response.body, res);
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * The build with only the routes under `/<segment>/` and the routes above them (the root), for
 * the requests under it: Remix matches a request against every route of its build, ranking them
 * afresh each time (twice a request, a new RegExp per route), a fifth of a millisecond of each chat
 * message with the admin's routes in the table. Null (the whole build then decides) when a route
 * elsewhere could match such a URL too: a dynamic, splat or optional first segment.
 */
export function buildUnder(build, segment) {
  const routes = build.routes;
  const lineage = (route) => {
    const line = [];
    for (let r = route; r; r = r.parentId ? routes[r.parentId] : undefined) line.push(r);
    return line;
  };
  const kept = new Set();
  for (const route of Object.values(routes)) {
    const line = lineage(route);
    const fullPath = line
      .map((r) => r.path ?? "")
      .filter(Boolean)
      .reverse()
      .join("/");
    const first = fullPath.split("/")[0];
    if (first.toLowerCase() === segment.toLowerCase()) for (const r of line) kept.add(r.id);
    else if (/^[:*(]|\?$/.test(first)) return null;
  }
  if (kept.size === 0) return null;
  return { ...build, routes: Object.fromEntries([...kept].map((id) => [id, routes[id]])) };
}

function withErrorLogging(build, logger) {
  const handleError = (error, { request }) => {
    if (request.signal.aborted) return;
    const reqId = request.headers.get("x-request-id") ?? undefined;
    const where = { reqId, method: request.method, path: loggablePath(new URL(request.url).pathname) };
    // Remix reports unmatched URLs as errors; the access log already has the 404.
    if (error?.status === 404 && error?.internal) {
      logger.debug(where, "no route matches");
      return;
    }
    logger.error({ ...where, err: error?.internal && error.error ? error.error : error }, "request handler error");
  };
  return { ...build, entry: { ...build.entry, module: { ...build.entry.module, handleError } } };
}

export function listen(app, port) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, process.env.HOST, () => resolve(server));
    server.on("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Logging. The app's own logger is app/log.server.ts (bundled into the build); this file runs
// unbundled, so it has its own, which logs allow-listed fields and masked error summaries only.
// Keep these redact paths in sync with REDACT_PATHS there (tests/ops checks it).

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
const REDACTED_HEADERS = ["authorization", "cookie", "set-cookie", "x-shopify-access-token", "x-shopify-hmac-sha256"];
const REDACTED_QUERY_PARAMS = ["signature", "logged_in_customer_id", "id_token", "hmac"];
export const LOG_REDACT_PATHS = [
  ...["req.headers", "res.headers", "headers", "request.headers"].flatMap((base) =>
    REDACTED_HEADERS.map((h) => `${base}["${h}"]`),
  ),
  ...["req.query", "query", "request.query", "params"].flatMap((base) =>
    REDACTED_QUERY_PARAMS.map((q) => `${base}["${q}"]`),
  ),
];

export function resolveLogLevel(env = process.env) {
  const configured = env.LOG_LEVEL?.trim().toLowerCase();
  if (configured) return LOG_LEVELS.includes(configured) ? configured : "info";
  return env.VITEST ? "silent" : "info";
}

export function createServerLogger(destination) {
  const options = {
    level: resolveLogLevel(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: errorSummary },
    redact: { paths: LOG_REDACT_PATHS, censor: "[Redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as this logger writes it: type, code, stack frames, and only the first line of the
 * message with emails, query strings, tokens, long hex and long numbers masked (a Prisma or
 * validation error quotes the data it was given on its later lines).
 */
function errorSummary(error) {
  if (!error || typeof error !== "object") return { type: typeof error };
  const summary = { type: error.name || error.type || "Error" };
  if (typeof error.code === "string" || typeof error.code === "number") summary.code = error.code;
  if (typeof error.message === "string" && error.message) summary.message = scrubText(error.message);
  const frames = String(error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, 15)
    .join("\n");
  if (frames) summary.stack = frames;
  return summary;
}

export function scrubText(text) {
  const first =
    String(text)
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  return first
    .slice(0, 300)
    .replace(/\b(Bearer|Basic|Token)\s+\S{8,}/gi, "$1 [token]")
    .replace(/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, "[jwt]")
    .replace(/\b(?:shp(?:at|ca|pa|ss|ua)_|sk-)[\w-]{8,}/g, "[token]")
    .replace(/\?[^\s#"'<>]*=[^\s#"'<>]*/g, "?[query]")
    .replace(/[\w.%+-]+(?:@|%40)[\w.-]+\.[a-z]{2,}/gi, "[email]")
    .replace(/\b[a-f0-9]{32,}\b/gi, "[hex]")
    .replace(/\+?\d[\d\s().-]{8,}\d/g, "[number]");
}

/**
 * Route console.* through the logger, so that everything this process writes is one JSON line on
 * stdout and goes through the same scrubbing: Remix's and React's error output, the Shopify
 * libraries, and app code that still calls console.error. Only strings (first line, masked) and
 * error summaries are kept; other objects are logged by type, never by content.
 */
export function routeConsoleToLogger(logger) {
  const levels = { log: "info", info: "info", debug: "debug", trace: "debug", warn: "warn", error: "error" };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const texts = [];
      let err;
      let entryLevel = level;
      for (const arg of args) {
        if (typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean" || arg == null) {
          texts.push(String(arg));
        } else if (arg instanceof Error) {
          err ??= arg;
        } else if (typeof arg.status === "number" && "internal" in arg && "data" in arg) {
          // A Remix route error response: a 4xx is the client's doing, already in the access log.
          if (arg.status < 500) entryLevel = "debug";
          texts.push(`route error response ${arg.status}`);
          err ??= arg.error;
        } else {
          texts.push(`[${arg.constructor?.name ?? typeof arg}]`);
        }
      }
      logger[entryLevel]({ source: `console.${method}`, ...(err ? { err } : {}) }, scrubText(texts.join(" ")));
    };
  }
}

// A caller's request id is reused only when it is a plain token: no spaces, quotes or control
// characters that could forge log fields or headers, and short.
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFor(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * The path as it may be logged: no query string or fragment, and any segment that looks like
 * personal data or a credential (an email, a phone number or long number, a JWT or long token)
 * replaced by ":redacted".
 */
export function loggablePath(url) {
  const raw = String(url ?? "/").split(/[?#]/, 1)[0] || "/";
  const clipped = raw.length > 512 ? raw.slice(0, 512) : raw;
  return clipped
    .split("/")
    .map((segment) => (segment && isSensitiveSegment(segment) ? ":redacted" : segment))
    .join("/");
}

function isSensitiveSegment(segment) {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    /* keep as is */
  }
  return (
    decoded.includes("@") ||
    (/^\+?[\d\s().-]+$/.test(decoded) && decoded.replace(/\D/g, "").length >= 7) ||
    /^eyJ[\w-]+\.[\w-]+\./.test(decoded) ||
    /^shp(?:at|ca|pa|ss|ua)_/.test(decoded) ||
    /^sk-/.test(decoded) ||
    decoded.length >= 40
  );
}

/** pino-http middleware: one line per finished request, allow-listed fields only. */
export function requestLogger(logger) {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const id = requestIdFor(req.headers["x-request-id"]);
      // The app sees the same id (request.headers.get("x-request-id")) to correlate its own logs.
      req.headers["x-request-id"] = id;
      res.setHeader("X-Request-Id", id);
      return id;
    },
    wrapSerializers: false,
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, path: loggablePath(req.originalUrl ?? req.url) }),
      res: (res) => ({ statusCode: res.statusCode }),
      err: errorSummary,
    },
    customLogLevel(req, res, err) {
      if (err || res.statusCode >= 500) return "error";
      if (res.statusCode >= 400) return "warn";
      // Load-balancer health checks every few seconds would drown everything else.
      if (req.method === "GET" && loggablePath(req.originalUrl ?? req.url) === "/healthz") return "debug";
      return "info";
    },
    customSuccessMessage: () => "request completed",
    customErrorMessage: () => "request failed",
    // Only a real error thrown by a handler; a 5xx status alone is already in res.statusCode.
    customErrorObject: (req, res, err, value) =>
      res.err || (err && !/^failed with status code/.test(err.message))
        ? value
        : { res: value.res, responseTime: value.responseTime },
  });
}

// ---------------------------------------------------------------------------------------------
// Taking turns with the event loop.

/**
 * Express middleware: at most `perTurn` requests start their work per turn of the event loop; the
 * others wait, in arrival order, for the next turns (setImmediate). Node 20's libuv accepts one
 * new connection per turn, and a turn runs every request whose bytes arrived: under load (50
 * connections, a few ms of CPU a message) a turn lasted 100–300 ms, so a burst of new
 * connections waited seconds in the kernel's accept queue, one accepted per turn (the chat's p99
 * of 2–3 s at 50 connections, while its p95 was 0.2 s). Short turns accept them within
 * milliseconds and serve requests first come, first served. 0 turns it off.
 * @param {number} perTurn
 */
export function takingTurns(perTurn) {
  if (!(perTurn > 0)) return (req, res, next) => next();
  const waiting = [];
  let startedThisTurn = 0;
  let turnScheduled = false;
  const nextTurn = () => {
    turnScheduled = false;
    startedThisTurn = 0;
    try {
      while (waiting.length > 0 && startedThisTurn < perTurn) {
        const { req, next } = waiting.shift();
        // The client left while it waited: nothing was acknowledged, so no work is done for it
        // (the bubble sends the message again with the same id).
        if (req.socket?.destroyed) continue;
        startedThisTurn++;
        next();
      }
    } finally {
      scheduleTurn();
    }
  };
  const scheduleTurn = () => {
    if (turnScheduled || (startedThisTurn === 0 && waiting.length === 0)) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };
  return (req, res, next) => {
    // The balancer's health check never waits behind the chat.
    if (req.url === "/healthz") return next();
    if (waiting.length === 0 && startedThisTurn < perTurn) {
      startedThisTurn++;
      scheduleTurn();
      next();
    } else {
      waiting.push({ req, next });
      scheduleTurn();
    }
  };
}

/**
 * REQUESTS_PER_TURN: how many requests start per turn of the event loop (takingTurns), 2 by default.
 * @param {Record<string, string | undefined>} [env]
 */
export function requestsPerTurn(env = process.env) {
  return wholeNumberSetting(env, "REQUESTS_PER_TURN", { fallback: 2, max: 10_000 });
}

/**
 * A whole-number setting from 0 to `max`; `fallback` when unset; a clear error otherwise.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {{ fallback: number, max: number }} range
 */
function wholeNumberSetting(env, name, { fallback, max }) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, not ${JSON.stringify(raw)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Graceful shutdown.

/**
 * On SIGTERM/SIGINT: stop accepting connections, close idle keep-alive connections, wait for
 * in-flight requests (at most timeoutMs, then close every connection), disconnect the database
 * and exit 0. Returns the shutdown function (also for tests).
 */
export function installGracefulShutdown(
  server,
  { logger, timeoutMs = 10_000, exit = (code) => process.exit(code) } = {},
) {
  let stopping = null;
  const shutdown = (signal) => {
    if (stopping) return stopping;
    stopping = (async () => {
      logger?.info({ signal, timeoutMs }, "shutting down: draining in-flight requests");
      const closed = new Promise((resolve) => server.close(() => resolve(true)));
      // Keep-alive connections with no request in flight would hold server.close() open.
      server.closeIdleConnections?.();
      const sweep = setInterval(() => server.closeIdleConnections?.(), 100);
      let timer;
      const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const drained = await Promise.race([closed, timedOut]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (!drained) {
        logger?.warn({ timeoutMs }, "shutdown timeout: closing the remaining connections");
        server.closeAllConnections?.();
      }
      try {
        await withTimeout(globalThis.__supportChatDb?.$disconnect(), 5_000);
      } catch (error) {
        logger?.error({ err: error }, "database disconnect failed");
      }
      logger?.info({ drained }, "stopped");
      logger?.flush?.();
      exit(0);
    })();
    return stopping;
  };
  // While draining, tell keep-alive clients to reconnect elsewhere (to another instance).
  server.prependListener("request", (req, res) => {
    if (stopping && !res.headersSent) res.setHeader("Connection", "close");
  });
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  return shutdown;
}

function envMilliseconds(name, fallback) {
  const value = Number(process.env[name]);
  return process.env[name]?.trim() && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function withTimeout(promise, ms) {
  if (!promise) return Promise.resolve();
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Memory.

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again: HEAP_GROWING_PERCENT, 50 by default; 0 leaves V8's own choice. V8's default on
 * a machine with a few GB of memory is up to four times the live heap: with about 80 MB live and
 * the garbage each request leaves, a process under load sat at 400–450 MB resident; at 50 % it
 * stays near 300 MB for the same CPU per request (docs/PERFORMANCE.md, "Where a process's memory goes"). It is
 * read at every collection, so setting it once the process runs is enough (unlike the heap sizes).
 * @param {Record<string, string | undefined>} [env]
 */
export function heapGrowingPercent(env = process.env) {
  return wholeNumberSetting(env, "HEAP_GROWING_PERCENT", { fallback: 50, max: 1000 });
}

/**
 * V8 flags production starts node with (`npm start`, the Dockerfile's CMD; the bench and the
 * profiles start server.mjs with them too): they size the heap when the process starts, so unlike
 * HEAP_GROWING_PERCENT the running process can't set them itself. --max-semi-space-size=8 keeps the
 * young generation's two halves at 8 MB instead of V8's 16: about 20 MB less resident memory per
 * process under load for the same CPU per request (docs/PERFORMANCE.md, "Where a process's memory goes").
 */
export const NODE_FLAGS = ["--max-semi-space-size=8"];

function limitHeapGrowth() {
  const percent = heapGrowingPercent();
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

// ---------------------------------------------------------------------------------------------
// One worker per core (WEB_CONCURRENCY).

/**
 * How many worker processes to run: WEB_CONCURRENCY, a number or "auto" (one per CPU the process
 * may use). 1 (the default) runs the server in this process, without a primary.
 * @param {Record<string, string | undefined>} [env]
 * @param {number} [cpus]
 */
export function workerCount(env = process.env, cpus = os.availableParallelism?.() ?? os.cpus().length) {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  if (raw === "auto") return Math.max(1, cpus);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256 or "auto", not ${JSON.stringify(raw)}`);
  return count;
}

/**
 * The primary of a cluster: forks the workers (they share the port; node:cluster hands each new
 * connection to the next worker), replaces one that dies, and on SIGTERM/SIGINT asks each to drain
 * and exits 0 once they all have. It also keeps the in-memory rate limits the workers share
 * (rate-limiter-flexible's cluster limiter): on SQLite, a signature used on one worker is refused
 * on the others and a shopper's count is one count. It loads neither the app nor the database.
 */
export function runPrimary(count, { logger, timeoutMs = 10_000, exit = (code) => process.exit(code) } = {}) {
  new RateLimiterClusterMaster();
  let stopping = false;
  let listening = 0;
  let failedStarts = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.once("listening", () => {
      failedStarts = 0;
      worker.hasListened = true;
      if (++listening === count) logger.info({ port: Number(process.env.PORT ?? 3000), workers: count }, "listening");
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info({ workers: count }, "stopped");
        logger.flush?.();
        exit(0);
      }
      return;
    }
    // A worker that never started listening is likely to fail again (a configuration error):
    // wait longer each time, and give up after a few so the orchestrator sees the failure.
    if (!worker.hasListened) failedStarts++;
    else listening--;
    if (failedStarts >= 5) {
      logger.fatal({ code, signal }, "workers keep failing to start; exiting");
      logger.flush?.();
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      exit(1);
      return;
    }
    const delayMs = failedStarts ? Math.min(30_000, 500 * 2 ** failedStarts) : 0;
    logger.error(
      { workerPid: worker.process.pid, code, signal, restartInMs: delayMs },
      "worker exited; starting another",
    );
    setTimeout(fork, delayMs);
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: count }, "shutting down: each worker drains its in-flight requests");
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) exit(0);
    for (const worker of workers) worker?.process.kill("SIGTERM");
    // A worker stuck past its own drain deadline is killed.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    }, timeoutMs + 5_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  for (let i = 0; i < count; i++) fork();
}

async function runServer(logger) {
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads req.query (Remix reads the URL itself): no qs parse of every request's query.
  app.set("query parser", false);
  app.use(requestLogger(logger));
  app.use(takingTurns(requestsPerTurn()));
  mountRemixApp(app, await loadBuild(), { logger });
  const port = Number(process.env.PORT ?? 3000);
  const server = await listen(app, port);
  // Behind a load balancer, idle keep-alive connections must outlive the balancer's own idle
  // timeout (60 s on most), or it will sometimes reuse a connection we just closed (502s).
  server.keepAliveTimeout = envMilliseconds("KEEP_ALIVE_TIMEOUT_MS", 65_000);
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  installGracefulShutdown(server, { logger, timeoutMs: envMilliseconds("SHUTDOWN_TIMEOUT_MS", 10_000) });
  logger.info({ port }, cluster.isWorker ? "worker listening" : "listening");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const logger = createServerLogger();
  routeConsoleToLogger(logger);
  // Crashes are logged as JSON too (see errorSummary), then the process exits 1 as Node would.
  const crash = (kind) => (error) => {
    logger.fatal({ err: error, kind }, "process crashed");
    logger.flush?.();
    process.exit(1);
  };
  process.on("uncaughtException", crash("uncaughtException"));
  process.on("unhandledRejection", crash("unhandledRejection"));

  limitHeapGrowth();
  const workers = cluster.isPrimary ? workerCount() : 1;
  if (workers > 1) runPrimary(workers, { logger, timeoutMs: envMilliseconds("SHUTDOWN_TIMEOUT_MS", 10_000) });
  else await runServer(logger);
}
