/**
 * The rate limits are counted while a message is read and checked (on PostgreSQL their statement
 * is a round trip of its own), but nothing is read or stored, and nothing answered, before their
 * verdict: a refused message is still refused, and wins over anything else wrong with it.
 */
import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { SNAPSHOT_PATH } from "../helpers/chat-context";
import { demoProxyDeps, proxyMessage } from "../helpers/proxy-post";

configureTestApp("limits-verdict");
const { default: db } = await import("../../app/db.server");
const { handleProxyRequest } = await import("../../app/proxy/chat-proxy.server");
const { createLimits } = await import("../../app/proxy/rate-limit.server");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");

const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const SHOP = store.shopDomain;
let nonce = 0;

/** Limits whose verdict waits until `decide()` is called (they count once their store is ready). */
function limitsDecidedLater(options: Parameters<typeof createLimits>[0] = {}) {
  const limits = createLimits(options);
  let decide!: () => void;
  limits.ready = new Promise<void>((resolve) => (decide = resolve));
  return { limits, decide: () => decide() };
}

function send(limits: ReturnType<typeof createLimits>, body: unknown, ip = "203.0.113.9") {
  return handleProxyRequest(
    proxyMessage(SHOP, body, { ip, signature: `sig-verdict-${nonce++}` }),
    "messages",
    demoProxyDeps(db, limits, store),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("a message and its rate limits' verdict", () => {
  it("is neither stored nor answered before the verdict, then is", async () => {
    const { limits, decide } = limitsDecidedLater();
    const before = await db.message.count();
    let answered = false;
    const response = send(limits, { text: "do you ship abroad?" }).then((r) => ((answered = true), r));
    await settle();
    expect(answered).toBe(false);
    expect(await db.message.count()).toBe(before);
    decide();
    const sent = await response;
    expect(sent.status).toBe(200);
    expect(await db.message.count()).toBe(before + 2);
  });

  it("is refused, and nothing stored, when the verdict refuses it", async () => {
    const { limits, decide } = limitsDecidedLater({ addressPerMinute: 1 });
    decide();
    const ip = "203.0.113.10";
    expect((await send(limits, { text: "hello" }, ip)).status).toBe(200);
    const before = await db.message.count();
    const refused = await send(limits, { text: "hello again" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(await db.message.count()).toBe(before);
  });

  it("is refused rather than reported invalid when it is over its limits too", async () => {
    const { limits, decide } = limitsDecidedLater({ addressPerMinute: 1 });
    decide();
    const ip = "203.0.113.11";
    expect((await send(limits, { text: "hello" }, ip)).status).toBe(200);
    expect((await send(limits, { text: "" }, ip)).status).toBe(429);
    // Within its limits, the same mistake is a 400.
    expect((await send(createLimits(), { text: "" }, ip)).status).toBe(400);
  });
});
