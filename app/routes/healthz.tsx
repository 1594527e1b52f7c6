import db from "../db.server";
import { checkDatabase, type DatabaseHealth } from "../db-health.server";
import { log } from "../log.server";

/**
 * GET /healthz, for load balancers and container health checks: no authentication, never cached.
 * 200 {"status":"ok","database":"ok"} when the database answers and the chat tables can be
 * written; 503 {"status":"error","database":"unreachable" | "locked"} when it doesn't answer, or
 * another connection holds the locks a chat message needs, within HEALTH_CHECK_TIMEOUT_MS (2 s).
 */
export const loader = async () => {
  const { database, error } = await checkDatabase(db);
  if (database === "ok") return health(200, { status: "ok", database });
  log.warn({ err: error, database }, `health check: database ${database}`);
  return health(503, { status: "error", database });
};

function health(status: number, body: { status: "ok" | "error"; database: DatabaseHealth }): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
