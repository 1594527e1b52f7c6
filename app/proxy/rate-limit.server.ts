/**
 * Abuse limits on the chat proxy (rate-limiter-flexible): per shop, per shopper (logged-in
 * customer id, else client IP), and signed URLs used once. In memory by default; a shared store
 * (Redis or PostgreSQL via rate-limiter-flexible's other limiters) replaces it when scaled out.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface ProxyLimits {
  perShop: RateLimiterAbstract;
  perShopper: RateLimiterAbstract;
  /** A signature may be used once within its 90 s validity: a captured URL can't be replayed. */
  signatures: RateLimiterAbstract;
}

export function memoryLimits(options: { shopPerMinute?: number; shopperPerMinute?: number } = {}): ProxyLimits {
  return {
    perShop: new RateLimiterMemory({ keyPrefix: "shop", points: options.shopPerMinute ?? Number(process.env.RATE_LIMIT_SHOP_PER_MINUTE ?? 1200), duration: 60 }),
    perShopper: new RateLimiterMemory({ keyPrefix: "shopper", points: options.shopperPerMinute ?? Number(process.env.RATE_LIMIT_SHOPPER_PER_MINUTE ?? 30), duration: 60 }),
    signatures: new RateLimiterMemory({ keyPrefix: "signature", points: 1, duration: 120 }),
  };
}

export type LimitVerdict = { ok: true } | { ok: false; reason: "shop" | "shopper" | "replay"; retryAfterSeconds: number };

/** Count one request; the first limit exceeded decides. */
export async function checkLimits(limits: ProxyLimits, keys: { shop: string; shopper: string; signature: string | null; writes: boolean }): Promise<LimitVerdict> {
  if (keys.writes && keys.signature) {
    const replay = await consume(limits.signatures, keys.signature);
    if (replay !== null) return { ok: false, reason: "replay", retryAfterSeconds: 0 };
  }
  const shopper = await consume(limits.perShopper, `${keys.shop}:${keys.shopper}`);
  if (shopper !== null) return { ok: false, reason: "shopper", retryAfterSeconds: shopper };
  const shop = await consume(limits.perShop, keys.shop);
  if (shop !== null) return { ok: false, reason: "shop", retryAfterSeconds: shop };
  return { ok: true };
}

/** null when allowed, else seconds until the next point frees up. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/** Who is asking: the signed logged-in customer, else the client's address as the proxy reports it. */
export function shopperKey(request: Request, customerId: string | null): string {
  if (customerId) return `customer:${customerId}`;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return `ip:${forwarded || request.headers.get("x-real-ip") || "unknown"}`;
}
