import { describe, expect, it } from "vitest";
import { checkLimits, memoryLimits, shopperKey } from "../../app/proxy/rate-limit.server";

describe("proxy rate limits", () => {
  it("limits one shopper without starving the shop's other shoppers", async () => {
    const limits = memoryLimits({ shopperPerMinute: 3, shopPerMinute: 100 });
    const ask = (shopper: string, signature: string) => checkLimits(limits, { shop: "a.myshopify.com", shopper, signature, writes: true });
    for (let i = 0; i < 3; i++) expect((await ask("ip:1.1.1.1", `sig-${i}`)).ok).toBe(true);
    const blocked = await ask("ip:1.1.1.1", "sig-3");
    expect(blocked).toMatchObject({ ok: false, reason: "shopper" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await ask("ip:2.2.2.2", "sig-4")).ok).toBe(true);
  });

  it("limits a whole shop, and other shops are unaffected", async () => {
    const limits = memoryLimits({ shopperPerMinute: 100, shopPerMinute: 2 });
    const ask = (shop: string, i: number) => checkLimits(limits, { shop, shopper: `ip:${i}`, signature: `s-${shop}-${i}`, writes: true });
    expect((await ask("busy.myshopify.com", 1)).ok).toBe(true);
    expect((await ask("busy.myshopify.com", 2)).ok).toBe(true);
    expect(await ask("busy.myshopify.com", 3)).toMatchObject({ ok: false, reason: "shop" });
    expect((await ask("quiet.myshopify.com", 4)).ok).toBe(true);
  });

  it("rejects a replayed signature on writes but not on reads", async () => {
    const limits = memoryLimits();
    const write = () => checkLimits(limits, { shop: "s.myshopify.com", shopper: "ip:1", signature: "abc", writes: true });
    expect((await write()).ok).toBe(true);
    expect(await write()).toMatchObject({ ok: false, reason: "replay" });
    expect((await checkLimits(limits, { shop: "s.myshopify.com", shopper: "ip:1", signature: "abc", writes: false })).ok).toBe(true);
  });

  it("keys shoppers by signed customer id, else by client address", () => {
    const request = new Request("http://x/proxy/messages", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1" } });
    expect(shopperKey(request, "gid://shopify/Customer/1")).toBe("customer:gid://shopify/Customer/1");
    expect(shopperKey(request, null)).toBe("ip:203.0.113.7");
  });
});
