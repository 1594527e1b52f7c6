/**
 * The app's check of an app proxy signature (app/proxy/signature.server.ts, Node's HMAC) gives the
 * verdict the Shopify library's validateHmac({ signator: "appProxy" }) gives, on generated queries
 * signed right, signed in another key order, tampered with, or stale; and it refuses what the
 * library would only catch at the HMAC (no timestamp).
 */
import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appProxySignature } from "../../demo/shopify-surrogate";
import { proxySignatureValid } from "../../app/proxy/signature.server";

const SECRET = "signature-test-secret";
const library = shopifyApi({
  apiKey: "key",
  apiSecretKey: SECRET,
  apiVersion: ApiVersion.July26,
  hostName: "localhost:3000",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

const libraryVerdict = (query: Record<string, string>) =>
  library.utils.validateHmac(query, { signator: "appProxy" }).catch(() => false);

/** Shopify's message: `key=value` pairs in key order, no separator. */
const signWith = (query: Record<string, string>, order: (a: string, b: string) => number) =>
  createHmac("sha256", SECRET)
    .update(
      Object.keys(query)
        .sort(order)
        .map((key) => `${key}=${query[key]}`)
        .join(""),
    )
    .digest("hex");

const keys = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,11}$/);
const values = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("", "northwind-outfitters.myshopify.com", "/apps/support", "a,b", "é ü", "0"),
);

describe("the app proxy signature", () => {
  // One clock for both checks: the library reads Date.now() itself, and a second ticking over
  // between the two verdicts would flip a skew of 90/91 s (seen in CI).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T12:00:00.500Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("gets the library's verdict on generated queries, however they were signed", async () => {
    const now = Math.trunc(Date.now() / 1000);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(keys, values, { maxKeys: 6 }),
        fc.oneof(fc.integer({ min: -200, max: 200 }), fc.constantFrom(-91, -90, 90, 91)),
        fc.constantFrom("locale order", "code-unit order", "tampered", "other secret"),
        async (extra, skew, how) => {
          const query: Record<string, string> = {
            ...extra,
            shop: "northwind-outfitters.myshopify.com",
            timestamp: String(now + skew),
          };
          delete query.signature;
          let signature: string;
          if (how === "locale order") signature = signWith(query, (a, b) => a.localeCompare(b));
          else if (how === "code-unit order") signature = signWith(query, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
          else if (how === "other secret") signature = appProxySignature(new URLSearchParams(query), "another-secret");
          else signature = signWith({ ...query, shop: "evil.myshopify.com" }, (a, b) => a.localeCompare(b));
          const signed = { ...query, signature };
          expect(proxySignatureValid(signed, SECRET, now)).toBe(await libraryVerdict(signed));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("accepts what the demo's Shopify signs, and refuses it stale, unsigned or without a timestamp", () => {
    const now = Math.trunc(Date.now() / 1000);
    const params = new URLSearchParams({
      r: "1",
      shop: "northwind-outfitters.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/support",
      timestamp: String(now),
    });
    const signed = { ...Object.fromEntries(params), signature: appProxySignature(params, SECRET) };
    expect(proxySignatureValid(signed, SECRET, now)).toBe(true);
    expect(proxySignatureValid(signed, SECRET, now + 91)).toBe(false);
    expect(proxySignatureValid({ ...signed, signature: "" }, SECRET, now)).toBe(false);
    const { timestamp: _t, ...untimed } = Object.fromEntries(params);
    expect(
      proxySignatureValid(
        { ...untimed, signature: appProxySignature(new URLSearchParams(untimed), SECRET) },
        SECRET,
        now,
      ),
    ).toBe(false);
  });
});
