/**
 * One deadline per message: when the Admin API or a database lookup hangs, the shopper gets the
 * apology once the store deadline (CHAT_STORE_DEADLINE_MS, here 400 ms) has passed, not after
 * every timeout and retry (~34 s), and their message stays stored.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { SNAPSHOT_PATH } from "../helpers/chat-context";

configureTestApp("deadline");
process.env.CHAT_STORE_DEADLINE_MS = "400";
const { createDb } = await import("../../app/db.server");
const { handleProxyRequest } = await import("../../app/proxy/chat-proxy.server");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
type ProxyDeps = import("../../app/proxy/chat-proxy.server").ProxyDeps;
type AdminGraphql = import("../../app/commerce/types").AdminGraphql;

const db = createDb(migratedDatabaseUrl("deadline"));
const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));

/** An Admin GraphQL endpoint that never answers; it records each call and whether it was cancelled. */
function hungAdmin() {
  const calls: { signal?: AbortSignal }[] = [];
  const graphql: AdminGraphql = (_query, options) => {
    calls.push({ signal: (options as { signal?: AbortSignal } | undefined)?.signal });
    return new Promise<Response>(() => {});
  };
  return { graphql, calls };
}

let shops = 0;
/** Each test its own shop: the shop's records are cached once loaded. */
async function send(graphql: AdminGraphql, overrides: Partial<ProxyDeps> = {}) {
  const shop = `hung-${++shops}-${Date.now()}.myshopify.com`;
  const request = new Request(
    `http://localhost/proxy/messages?shop=${shop}&logged_in_customer_id=&timestamp=1&signature=s`,
    {
      method: "POST",
      body: JSON.stringify({ text: "what is your return policy?" }),
      headers: { "Content-Type": "application/json" },
    },
  );
  const started = performance.now();
  const response = await handleProxyRequest(request, "messages", {
    db,
    authenticateProxy: async () => ({ session: { shop }, admin: { graphql } }),
    now: () => store.now,
    ...overrides,
  });
  return { status: response.status, body: await response.json(), elapsedMs: performance.now() - started };
}

describe("one deadline per message", () => {
  beforeAll(async () => {
    await db.$queryRawUnsafe("SELECT 1");
  });

  it("apologises once the store deadline passes when the Admin API hangs, and keeps the shopper's message", async () => {
    const admin = hungAdmin();
    const { status, body, elapsedMs } = await send(admin.graphql);
    expect(status).toBe(200);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(body.reply.text).toMatch(/can't reach the store's records/);
    const stored = await db.message.findMany({
      where: { conversationId: body.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((m) => [m.role, m.text])).toEqual([
      ["shopper", "what is your return policy?"],
      ["bot", body.reply.text],
    ]);
    expect(stored[1].engine).toBe("none");
    // The requests in flight are cancelled, and no retry starts after the deadline.
    expect(admin.calls.length).toBeGreaterThan(0);
    expect(admin.calls.every((call) => call.signal?.aborted)).toBe(true);
    const callsAtDeadline = admin.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(admin.calls.length).toBe(callsAtDeadline);
  }, 10_000);

  it("apologises at the deadline when a database lookup hangs", async () => {
    const { status, body, elapsedMs } = await send(store.graphql, { approvedAnswersFor: () => new Promise(() => {}) });
    expect(status).toBe(200);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(body.reply.text).toMatch(/can't reach the store's records/);
    expect(await db.message.count({ where: { conversationId: body.conversationId, role: "shopper" } })).toBe(1);
  }, 10_000);

  it("answers normally when the store answers in time (the control)", async () => {
    const { status, body } = await send(store.graphql);
    expect(status).toBe(200);
    expect(body.reply.text).not.toMatch(/can't reach the store's records/);
  }, 10_000);
});
