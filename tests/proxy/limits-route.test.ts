import { beforeAll, describe, expect, it } from "vitest";
process.env.RATE_LIMIT_SHOPPER_PER_MINUTE = "3";
const { callProxyRoute, configureTestApp, installDemoShop, proxyRequest } = await import("../helpers/app-env");
configureTestApp("limits");
const { default: db } = await import("../../app/db.server");

const send = async (request: Request) => {
  const response = await callProxyRoute(request, "messages");
  return { status: response.status, headers: response.headers, body: await response.json() };
};

describe("abuse limits on the proxy route", () => {
  beforeAll(installDemoShop);

  it("rejects a replayed signed request and stores nothing for it", async () => {
    const request = proxyRequest("messages", { body: { text: "hello" }, query: { r: "fixed-nonce" } });
    const first = await send(request.clone());
    expect(first.status).toBe(200);
    const before = await db.message.count();
    const replay = await send(proxyRequest("messages", { body: { text: "I am someone else now" }, query: { r: "fixed-nonce" }, timestamp: Number(new URL(request.url).searchParams.get("timestamp")) }));
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("replayed_request");
    expect(await db.message.count()).toBe(before);
  });

  it("answers 429 with Retry-After once a shopper exceeds the limit", async () => {
    const customer = "7294052471661";
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof send>> | null = null;
    for (let i = 0; i < 4; i++) {
      last = await send(proxyRequest("messages", { body: { text: `hi ${i}` }, customerId: customer }));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(last!.body.error.code).toBe("rate_limited");
  });

  it("redacts card numbers from the stored message", async () => {
    const { body } = await send(proxyRequest("messages", { body: { text: "my card 4111 1111 1111 1111 was charged twice" }, customerId: "999" }));
    const stored = await db.message.findUnique({ where: { id: body.shopperMessage.id } });
    expect(stored?.text).not.toContain("4111");
    expect(stored?.text).toContain("[card number removed]");
  });
});
