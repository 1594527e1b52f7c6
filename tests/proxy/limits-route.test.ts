import { beforeAll, describe, expect, it } from "vitest";
process.env.RATE_LIMIT_SHOPPER_PER_MINUTE = "3";
process.env.RATE_LIMIT_ADDRESS_PER_MINUTE = "8";
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
    const replay = await send(
      proxyRequest("messages", {
        body: { text: "I am someone else now" },
        query: { r: "fixed-nonce" },
        timestamp: Number(new URL(request.url).searchParams.get("timestamp")),
      }),
    );
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("replayed_request");
    expect(await db.message.count()).toBe(before);
  });

  /** The same signed query sent again, to another path spelling or endpoint, with another body. */
  const replayed = (signed: Request, pathname: string, endpoint: string, body: unknown) =>
    callProxyRoute(
      new Request(`http://localhost:3999${pathname}${new URL(signed.url).search}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      }),
      endpoint,
    );

  it("refuses a used signature on every spelling of the path and on every other endpoint", async () => {
    const signed = proxyRequest("messages", { body: { text: "hello" }, customerId: "5001" });
    const first = await send(signed.clone());
    expect(first.status).toBe(200);
    const { conversationId } = first.body;
    const before = { messages: await db.message.count(), feedback: await db.feedback.count() };
    const attempts = [
      await replayed(signed, "/PROXY/messages", "messages", { text: "again" }),
      await replayed(signed, "/proxy/%6Dessages", "messages", { text: "again" }),
      await replayed(signed, "/proxy/messages/", "messages", { text: "again" }),
      await replayed(signed, "/proxy/feedback", "feedback", {
        conversationId,
        messageId: first.body.reply.id,
        rating: "down",
      }),
      await replayed(signed, "/proxy/csat", "csat", { conversationId, rating: 1 }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    expect({ messages: await db.message.count(), feedback: await db.feedback.count() }).toEqual(before);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).csat).toBeNull();
  });

  it("refuses a signature used on /feedback when it comes back on /csat", async () => {
    const { body } = await send(proxyRequest("messages", { body: { text: "hello" }, customerId: "5002" }));
    const signed = proxyRequest("feedback", {
      body: { conversationId: body.conversationId, messageId: body.reply.id, rating: "up" },
      customerId: "5002",
    });
    expect((await callProxyRoute(signed, "feedback")).status).toBe(200);
    expect(
      (await replayed(signed, "/proxy/csat", "csat", { conversationId: body.conversationId, rating: 1 })).status,
    ).toBe(409);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).csat).toBeNull();
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

  /** A guest's message as it arrives through Shopify from the shopper's address. */
  const fromAddress = (address: string, body: { text: string; conversationId?: string }) => {
    const signed = proxyRequest("messages", { body });
    return new Request(signed.url, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
    });
  };

  it("limits each guest's conversation, not everyone behind one address, up to the address's own ceiling", async () => {
    const office = "198.51.100.20";
    const first = await send(fromAddress(office, { text: "hi" }));
    const conversationId = first.body.conversationId;
    const busy = [first.status];
    for (let i = 0; i < 4; i++)
      busy.push((await send(fromAddress(office, { text: `more ${i}`, conversationId }))).status);
    // The talkative guest hits the per-shopper limit (3 a minute here) in their conversation…
    expect(busy).toEqual([200, 200, 200, 200, 429]);
    // …while a colleague on the same address still gets their first and next messages through.
    const colleague = await send(fromAddress(office, { text: "hello" }));
    expect(colleague.status).toBe(200);
    expect(
      (
        await send(
          fromAddress(office, { text: "is the jacket waterproof?", conversationId: colleague.body.conversationId }),
        )
      ).status,
    ).toBe(200);
    // Everyone behind the address together stops at its ceiling (8 here), new conversations included.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(fromAddress(office, { text: `newcomer ${i}` }))).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    // Another address is unaffected.
    expect((await send(fromAddress("203.0.113.99", { text: "hi" }))).status).toBe(200);
  });

  it("redacts card numbers from the stored message", async () => {
    const { body } = await send(
      proxyRequest("messages", { body: { text: "my card 4111 1111 1111 1111 was charged twice" }, customerId: "999" }),
    );
    const stored = await db.message.findUnique({ where: { id: body.shopperMessage.id } });
    expect(stored?.text).not.toContain("4111");
    expect(stored?.text).toContain("[card number removed]");
  });
});
