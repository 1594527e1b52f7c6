import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { handleComplianceWebhook } from "../privacy/webhooks.server";

// customers/data_request, customers/redact and shop/redact, HMAC-verified by authenticate.webhook
// (an invalid signature is answered 401 before this code runs).
export const action = async ({ request }: ActionFunctionArgs) =>
  handleComplianceWebhook(db, await authenticate.webhook(request));
