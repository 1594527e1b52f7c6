import db from "../db.server";
import { log } from "../log.server";

/**
 * GET /healthz, for load balancers and container health checks: no authentication, never cached.
 * 200 {"status":"ok","database":"ok"} after a database round trip,
 * 503 {"status":"error","database":"unreachable"} when it fails or takes longer than 2 s.
 */
const DATABASE_TIMEOUT_MS = 2_000;

export const loader = async () => {
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    return health(200, { status: "ok", database: "ok" });
  } catch (error) {
    log.warn({ err: error }, "health check: database unreachable");
    return health(503, { status: "error", database: "unreachable" });
  }
};

function health(status: number, body: { status: "ok" | "error"; database: "ok" | "unreachable" }): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
