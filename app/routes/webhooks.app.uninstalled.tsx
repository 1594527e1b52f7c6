import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { handleUninstalledWebhook } from "../privacy/webhooks.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  handleUninstalledWebhook(db, await authenticate.webhook(request));
