/**
 * What each webhook topic's body must look like. Shopify's HMAC covers the body only: the topic
 * and the shop arrive in headers anyone replaying a captured body can change. So a body counts
 * only for the topic whose shape it has, and only for the shop it names itself.
 */
import { z } from "zod";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const shopDomain = z.string().min(1);
const customer = z.object({ id: id.nullish(), email: z.string().nullish(), phone: z.string().nullish() }).passthrough();
const orderIds = z.array(id);

/** Keys that name another topic: a body carrying one of them was made for that topic. */
const never = z.undefined({ invalid_type_error: "belongs to another topic" }).optional();

export const complianceSchemas = {
  CUSTOMERS_DATA_REQUEST: z
    .object({
      shop_domain: shopDomain,
      customer,
      orders_requested: orderIds.default([]),
      data_request: z.object({ id }).passthrough(),
      orders_to_redact: never,
    })
    .passthrough(),
  CUSTOMERS_REDACT: z
    .object({
      shop_domain: shopDomain,
      customer,
      orders_to_redact: orderIds,
      orders_requested: never,
      data_request: never,
    })
    .passthrough(),
  SHOP_REDACT: z
    .object({
      shop_domain: shopDomain,
      customer: never,
      orders_to_redact: never,
      orders_requested: never,
      data_request: never,
    })
    .passthrough(),
} as const;

/** app/uninstalled sends the shop itself. */
export const uninstalledSchema = z.object({ myshopify_domain: shopDomain }).passthrough();

export type ComplianceTopic = keyof typeof complianceSchemas;
export type CompliancePayload = {
  [T in ComplianceTopic]: { topic: T; payload: z.infer<(typeof complianceSchemas)[T]> };
}[ComplianceTopic];

export type Bound<T> = { ok: true; value: T } | { ok: false; message: string };

/** The body as the given compliance topic's payload for `shop`, or why it isn't one. */
export function bindCompliancePayload(topic: string, shop: string, body: unknown): Bound<CompliancePayload> {
  if (!(topic in complianceSchemas)) return { ok: false, message: `unexpected topic ${topic}` };
  const parsed = complianceSchemas[topic as ComplianceTopic].safeParse(body);
  if (!parsed.success) return { ok: false, message: `not a ${topic} payload: ${describeIssue(parsed.error)}` };
  if (!sameShop(parsed.data.shop_domain, shop)) return { ok: false, message: "the payload is for another shop" };
  return { ok: true, value: { topic, payload: parsed.data } as CompliancePayload };
}

/** The body as an app/uninstalled payload for `shop`, or why it isn't one. */
export function bindUninstalledPayload(shop: string, body: unknown): Bound<z.infer<typeof uninstalledSchema>> {
  const parsed = uninstalledSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: `not an app/uninstalled payload: ${describeIssue(parsed.error)}` };
  if (!sameShop(parsed.data.myshopify_domain, shop)) return { ok: false, message: "the payload is for another shop" };
  return { ok: true, value: parsed.data };
}

function sameShop(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue.path.length ? `${issue.path.join(".")} ${issue.message}` : issue.message;
}
