/** Shopify faults: throttling, 5xx and slowness are retried within limits; then a clear error. */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { CommerceError, createCommerce } from "../../app/commerce/store";
import { respond } from "../../app/chat/pipeline";
import { SNAPSHOT_PATH, demoChatContext } from "../helpers/chat-context";

const store = () => createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));

describe("Admin API faults", () => {
  it("waits out THROTTLED answers using the cost extension, then succeeds", async () => {
    const demo = store();
    const waits: number[] = [];
    const commerce = createCommerce(demo.graphql, { sleep: async (ms) => void waits.push(ms) });
    demo.injectFaults({ throttled: 2 });
    const order = await commerce.findOrderByNumber("1058");
    expect(order?.name).toBe("#1058");
    // (requested 100 − available 50) / restore 100 per second = 500 ms, twice.
    expect(waits).toEqual([500, 500]);
  });

  it("backs off on 503 and gives up with a typed error after the retry budget", async () => {
    const demo = store();
    const waits: number[] = [];
    const commerce = createCommerce(demo.graphql, { retries: 2, sleep: async (ms) => void waits.push(ms) });
    demo.injectFaults({ unavailable: 5 });
    const failure = await commerce.findOrderByNumber("1058").catch((e) => e);
    expect(failure).toBeInstanceOf(CommerceError);
    expect(failure.status).toBe(503);
    expect(waits).toEqual([250, 500]);
  });

  it("times out a slow Admin API", async () => {
    const demo = store();
    const commerce = createCommerce(demo.graphql, { retries: 0, timeoutMs: 50 });
    demo.injectFaults({ delayMs: 200 });
    await expect(commerce.findOrderByNumber("1058")).rejects.toThrow(/did not answer within 50 ms/);
  });

  it("does not retry a query Shopify rejects", async () => {
    const demo = store();
    let calls = 0;
    const counting = (async (query: string, options?: { variables?: Record<string, unknown> }) => {
      calls += 1;
      return demo.graphql(query.replace("name", "nameThatDoesNotExist"), options);
    }) as typeof demo.graphql;
    await expect(createCommerce(counting, { sleep: async () => {} }).findOrderByNumber("1058")).rejects.toMatchObject({
      code: "GRAPHQL",
    });
    expect(calls).toBe(1);
  });

  it("the pipeline surfaces an unavailable store as an error the proxy turns into a clear apology", async () => {
    const demo = store();
    const ctx = await demoChatContext(demo);
    demo.injectFaults({ unavailable: 50 });
    const slowRetries = { ...ctx, commerce: createCommerce(demo.graphql, { retries: 1, sleep: async () => {} }) };
    await expect(
      respond(
        { text: "where is order 1058? emma.larsen@example.com", state: {}, shopper: { customerId: null } },
        slowRetries,
      ),
    ).rejects.toBeInstanceOf(CommerceError);
  });
});
