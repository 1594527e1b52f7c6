/**
 * Every environment setting the server reads, in one place.
 * Demo mode (the local demo store instead of Shopify's Admin API, wired from demo/ by the host
 * process: server.mjs) is opt-in by DEMO_STORE_SNAPSHOT and only ever allowed with a loopback app
 * URL, so a production deployment cannot fall into it.
 */
export interface AppConfig {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
}

const DEFAULT_SCOPES = [
  "read_orders",
  "write_orders",
  "read_returns",
  "write_returns",
  "read_products",
  "read_customers",
  "read_discounts",
  "read_online_store_pages",
  "write_app_proxy",
];

export function readAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const appUrl = env.SHOPIFY_APP_URL ?? "";
  const demoStoreSnapshot = env.DEMO_STORE_SNAPSHOT?.trim() || null;
  if (demoStoreSnapshot && !isLoopbackUrl(appUrl)) {
    throw new Error(
      `DEMO_STORE_SNAPSHOT is set but SHOPIFY_APP_URL (${appUrl || "unset"}) is not a loopback address: ` +
        "demo mode only runs on this machine. Unset DEMO_STORE_SNAPSHOT for a real store.",
    );
  }
  return {
    apiKey: env.SHOPIFY_API_KEY ?? "",
    apiSecret: env.SHOPIFY_API_SECRET ?? "",
    appUrl,
    scopes: env.SCOPES
      ? env.SCOPES.split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : DEFAULT_SCOPES,
  };
}

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
