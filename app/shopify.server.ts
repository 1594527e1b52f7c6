import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import db from "./db.server";
import { readAppConfig } from "./config.server";
import { installDemoStoreTransport } from "./demo/demo-transport.server";
import { requireEncryptionKey } from "./llm/secrets.server";

export const appConfig = readAppConfig();
// Refuse to start rather than store merchants' keys where a rotated API secret would lose them.
requireEncryptionKey();

// Demo mode swaps only the transport: requests for the demo shop's Admin API are answered by the
// local demo store; the app's code, documents, signature checks and sessions stay the same.
if (appConfig.demoStoreSnapshot) installDemoStoreTransport(appConfig.demoStoreSnapshot);

const shopify = shopifyApp({
  apiKey: appConfig.apiKey,
  apiSecretKey: appConfig.apiSecret,
  apiVersion: ApiVersion.July26,
  scopes: appConfig.scopes,
  appUrl: appConfig.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  logger: { level: process.env.SHOPIFY_LOG_LEVEL === "debug" ? LogSeverity.Debug : LogSeverity.Warning },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(process.env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [process.env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;

/**
 * authenticate.webhook, except that a validly signed body that isn't JSON gets 400: the library
 * parses the body unguarded after checking the HMAC, and its SyntaxError would be a 500.
 */
async function authenticateWebhook(request: Request): ReturnType<typeof shopify.authenticate.webhook> {
  try {
    return await shopify.authenticate.webhook(request);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Response("The webhook body is not valid JSON.", { status: 400 });
    throw error;
  }
}
export const apiVersion = ApiVersion.July26;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = { ...shopify.authenticate, webhook: authenticateWebhook };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
