import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { exportShopperData, redactShop, redactShopper, type CustomerRef } from "../privacy/compliance.server";

// customers/data_request, customers/redact and shop/redact, HMAC-verified by authenticate.webhook
// (an invalid signature is answered 401 before this code runs).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, payload } = await authenticate.webhook(request);
  const customer = (payload as { customer?: CustomerRef }).customer ?? {};
  switch (topic) {
    case "CUSTOMERS_DATA_REQUEST": {
      const data = await exportShopperData(db, shop, customer);
      // The merchant receives the export through Shopify's data request flow; we log only counts.
      console.info(`data request for a customer of ${shop}: ${data.conversations.length} conversation(s) exported`);
      return Response.json(data);
    }
    case "CUSTOMERS_REDACT":
      await redactShopper(db, shop, customer);
      return new Response();
    case "SHOP_REDACT":
      await redactShop(db, shop);
      return new Response();
    default:
      return new Response("Unhandled webhook topic", { status: 404 });
  }
};
