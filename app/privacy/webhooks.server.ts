/**
 * The webhooks that touch shop data, after the library verified the HMAC: each body is bound to
 * its topic and shop (webhook-payloads.ts), each delivery is done once (webhook-receipts), and
 * shop/redact erases only a shop that has uninstalled the app.
 */
import type { Db } from "../db.server";
import { createCommerce } from "../commerce/store";
import type { AdminGraphql } from "../commerce/types";
import { mailerFromEnv, type Mailer } from "../notify/mailer.server";
import {
  exportShopperData,
  forgetSessions,
  redactShop,
  redactShopper,
  shopInstalled,
  type CustomerRef,
  type ShopperRef,
} from "./compliance.server";
import { emailDataRequest, keepDataRequest } from "./data-requests.server";
import { bindCompliancePayload, bindUninstalledPayload } from "./webhook-payloads";
import { oncePerDelivery } from "./webhook-receipts.server";

/** What authenticate.webhook returns, as far as these handlers need it. */
export interface VerifiedWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  payload: unknown;
  /** Present while the shop has the app installed. */
  admin?: { graphql: AdminGraphql };
}

export interface ComplianceDeps {
  mailer?: Mailer | null;
}

export async function handleComplianceWebhook(
  db: Db,
  webhook: VerifiedWebhook,
  deps: ComplianceDeps = {},
): Promise<Response> {
  const bound = bindCompliancePayload(webhook.topic, webhook.shop, webhook.payload);
  if (!bound.ok) return refuse(400, bound.message);
  const { shop } = webhook;
  return oncePerDelivery(db, webhook, async () => {
    switch (bound.value.topic) {
      case "CUSTOMERS_DATA_REQUEST": {
        const { payload } = bound.value;
        const data = await exportShopperData(
          db,
          shop,
          await shopperOf(webhook, payload.customer, payload.orders_requested),
        );
        const kept = await keepDataRequest(db, shop, String(payload.data_request.id), data);
        // Shopify waits 5 s at most; the email's outcome is kept with the export.
        const mailer = deps.mailer === undefined ? mailerFromEnv() : deps.mailer;
        void emailDataRequest(db, shop, kept.id, mailer).catch((error) =>
          console.error("data request email failed", error instanceof Error ? error.message : error),
        );
        // Counts only: the export itself goes to the merchant, never back to whoever sent this.
        console.info(`data request for a customer of ${shop}: ${data.conversations.length} conversation(s) exported`);
        return Response.json({ conversations: data.conversations.length });
      }
      case "CUSTOMERS_REDACT": {
        const { payload } = bound.value;
        await redactShopper(db, shop, await shopperOf(webhook, payload.customer, payload.orders_to_redact));
        return new Response();
      }
      case "SHOP_REDACT":
        // Shopify sends shop/redact 48 hours after an uninstall; a shop with a session has the app.
        if (await shopInstalled(db, shop))
          return refuse(409, "The shop still has the app installed; nothing was erased.");
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

/** The customer and the names of the orders the payload lists (looked up while the app is installed). */
async function shopperOf(
  webhook: VerifiedWebhook,
  customer: CustomerRef,
  orderIds: (string | number)[],
): Promise<ShopperRef> {
  const orderNames =
    orderIds.length && webhook.admin ? await createCommerce(webhook.admin.graphql).orderNames(orderIds) : [];
  return { customer, orderNames };
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
