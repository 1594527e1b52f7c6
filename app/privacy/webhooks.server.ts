/**
 * The webhooks that touch shop data, after the library verified the HMAC: each body is bound to
 * its topic and shop (webhook-payloads.ts), each delivery is done once (webhook-receipts), and
 * shop/redact erases only a shop that has uninstalled the app.
 */
import type { Db } from "../db.server";
import { exportShopperData, forgetSessions, redactShop, redactShopper, shopInstalled } from "./compliance.server";
import { bindCompliancePayload, bindUninstalledPayload } from "./webhook-payloads";
import { oncePerDelivery } from "./webhook-receipts.server";

/** What authenticate.webhook returns, as far as these handlers need it. */
export interface VerifiedWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  payload: unknown;
}

export async function handleComplianceWebhook(db: Db, webhook: VerifiedWebhook): Promise<Response> {
  const bound = bindCompliancePayload(webhook.topic, webhook.shop, webhook.payload);
  if (!bound.ok) return refuse(400, bound.message);
  const { shop } = webhook;
  return oncePerDelivery(db, webhook, async () => {
    switch (bound.value.topic) {
      case "CUSTOMERS_DATA_REQUEST": {
        const data = await exportShopperData(db, shop, bound.value.payload.customer);
        console.info(`data request for a customer of ${shop}: ${data.conversations.length} conversation(s) exported`);
        return Response.json(data);
      }
      case "CUSTOMERS_REDACT":
        await redactShopper(db, shop, bound.value.payload.customer);
        return new Response();
      case "SHOP_REDACT":
        // Shopify sends shop/redact 48 hours after an uninstall; a shop with a session has the app.
        if (await shopInstalled(db, shop)) return refuse(409, "The shop still has the app installed; nothing was erased.");
        await redactShop(db, shop);
        return new Response();
    }
  });
}

export async function handleUninstalledWebhook(db: Db, webhook: VerifiedWebhook): Promise<Response> {
  const bound = bindUninstalledPayload(webhook.shop, webhook.payload);
  if (!bound.ok) return refuse(400, bound.message);
  // The receipt kept for this delivery is the record of the uninstall.
  return oncePerDelivery(db, webhook, async () => {
    await forgetSessions(db, webhook.shop);
    return new Response();
  });
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
