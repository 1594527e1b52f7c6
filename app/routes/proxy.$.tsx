import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { appServices } from "../composition.server";
import { handleProxyRequest } from "../proxy/chat-proxy.server";
import { activeClassifier, approvedAnswersFor } from "../admin/training.server";
import { configuredLimits } from "../proxy/rate-limit.server";
import { cachedShopSettings } from "../settings.server";

// The one app proxy route: Shopify forwards /apps/support/* here, signed.
const deps = {
  db,
  authenticateProxy: authenticate.public.appProxy,
  now: () => appServices().now(),
  classifierFor: (shop: string) => activeClassifier(db, shop),
  approvedAnswersFor: (shop: string) => approvedAnswersFor(db, shop),
  shopSettingsFor: (shop: string) => cachedShopSettings(db, shop),
  limits: configuredLimits(),
};

export const loader = ({ request, params }: LoaderFunctionArgs) => handleProxyRequest(request, params["*"] ?? "", deps);
export const action = ({ request, params }: ActionFunctionArgs) => handleProxyRequest(request, params["*"] ?? "", deps);
