/**
 * `npm run demo`: the whole product on one port with no Shopify or OpenAI account.
 *
 *   /                 a storefront page of the demo shop, with the real app embed (Liquid) and bubble
 *   /account          browse as a guest or as one of the demo customers
 *   /apps/support/*   the app proxy: signs and forwards to the app's /proxy/* exactly as Shopify does
 *   /admin            the merchant's embedded admin for the demo shop (a minted session token)
 *   /demo/outbox      every email the app sent (one-time codes, hand-off replies): a local SMTP outbox
 *   everything else   the Remix app itself, the same build that runs in production
 *
 * The app runs in demo mode (DEMO_STORE_SNAPSHOT): loading the build wires the demo into the app's
 * composition root (server.mjs, demo/wiring.ts), so its Admin GraphQL calls for the demo shop are
 * answered by the local demo store; everything else is the production code path.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import express, { type Request as ExpressRequest } from "express";
import { adminHostParam, mintSessionToken, signProxyQuery } from "./shopify-surrogate";
import { renderStorefrontPage } from "./storefront";
import { devStorePath } from "./dev-stores";
import { renderOutboxPage, startSmtpOutbox } from "./outbox";
import { PRODUCT_IMAGE_PATH, productImageSvg } from "./product-images";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { DEMO_GRAPHQL_PATH, loadDemoSnapshot, type DemoSnapshot } from "./demo-store";
import { createCommerce } from "../app/commerce/store";
import type { AdminGraphql } from "../app/commerce/types";
import { extensionAssetPath, renderChatBubbleBlock } from "../app/storefront/render-block.server";

const ROOT = path.resolve(import.meta.dirname, "..");
// DEMO_STORE=maison-coquelicot (or cafe-colibri) serves another dev store; DEMO_STORE_SNAPSHOT any snapshot file.
const SNAPSHOT = process.env.DEMO_STORE_SNAPSHOT ?? devStorePath(process.env.DEMO_STORE ?? "northwind");
const PORT = Number(process.env.PORT ?? 3000);
const PROXY_PREFIX = "/apps/support";

export interface DemoServer {
  url: string;
  shop: string;
  secret: string;
  close(): Promise<void>;
}

export async function startDemoServer(
  options: { port?: number; build?: boolean; quiet?: boolean } = {},
): Promise<DemoServer> {
  const port = options.port ?? PORT;
  const snapshot = loadDemoSnapshot(SNAPSHOT);
  const shop = snapshot.shop.myshopifyDomain;
  const apiKey = process.env.SHOPIFY_API_KEY ?? "demo-api-key";
  // A fresh secret per run: only this process can sign proxy requests or admin tokens for the demo.
  const secret = process.env.SHOPIFY_API_SECRET ?? randomBytes(24).toString("hex");
  const appUrl = `http://localhost:${port}`;
  Object.assign(process.env, {
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: secret,
    SHOPIFY_APP_URL: appUrl,
    DEMO_STORE_SNAPSHOT: SNAPSHOT,
    NODE_ENV: process.env.NODE_ENV ?? "production",
  });
  const log = options.quiet ? () => {} : (line: string) => console.log(line);

  if (options.build !== false) ensureBuild(log);
  migrateDatabase(log);
  // Email stays on this machine: the app's own mailer sends over SMTP to a local outbox (demo/outbox.ts).
  const outbox = process.env.SMTP_URL ? null : await startSmtpOutbox();
  if (outbox)
    Object.assign(process.env, { SMTP_URL: outbox.url, SMTP_FROM: `${snapshot.shop.name} <${snapshot.shop.email}>` });

  const { mountRemixApp, loadBuild } = await import("../server.mjs");
  const build = await loadBuild();
  await seedDemoShop(snapshot, shop);

  const app = express();
  app.disable("x-powered-by");

  // The storefront's own pages.
  const customers = new Map(snapshot.customers.map((c) => [numericId(c.id), c]));
  const currentCustomer = (req: ExpressRequest) => customers.get(readCookie(req, "demo_customer") ?? "") ?? null;
  // What Shopify's Liquid gives the app embed as `app.metafields`: asked of the demo store
  // through the Admin API transport the app itself uses (demo/wiring.ts).
  const storeAdmin = createCommerce(adminGraphqlOverHttp(shop, "demo-offline-access-token"));
  const bubble = async (req: ExpressRequest) =>
    renderChatBubbleBlock({
      appBubble: await storeAdmin.bubbleAppearance(),
      shop: { permanent_domain: shop, name: snapshot.shop.name },
      customer: currentCustomer(req) ? { id: numericId(currentCustomer(req)!.id) } : null,
      locale: "en",
      assetUrl: (name) => `/cdn/extensions/support-chat/assets/${name}`,
    });
  const page = async (req: ExpressRequest, body: "home" | "account" | { product: string }) =>
    renderStorefrontPage({
      shopName: snapshot.shop.name,
      products: snapshot.products.filter((p) => p.status === "ACTIVE"),
      customers: snapshot.customers,
      customer: currentCustomer(req),
      body,
      appEmbed: await bubble(req),
    });
  app.get("/", async (req, res) => res.type("html").send(await page(req, "home")));
  app.get("/products/:handle", async (req, res) =>
    res.type("html").send(await page(req, { product: req.params.handle })),
  );
  app.get("/account", async (req, res) => res.type("html").send(await page(req, "account")));
  app.get("/account/login", (req, res) => {
    const id = String(req.query.customer ?? "");
    if (!customers.has(id)) return res.status(400).send("Unknown demo customer");
    res.cookie("demo_customer", id, { httpOnly: true, sameSite: "lax" }).redirect("/");
  });
  app.get("/account/logout", (_req, res) => res.clearCookie("demo_customer").redirect("/"));
  // The snapshot's product photos (drawn locally: the demo has no network).
  const productsByHandle = new Map(snapshot.products.map((p) => [p.handle, p]));
  app.get(`${PRODUCT_IMAGE_PATH}:handle.svg`, (req, res) => {
    const product = productsByHandle.get(req.params.handle);
    if (!product) return res.status(404).end();
    res.type("image/svg+xml").set("Cache-Control", "public, max-age=3600").send(productImageSvg(product));
  });
  app.get("/cdn/extensions/support-chat/assets/:name", (req, res) => {
    const file = extensionAssetPath(req.params.name);
    if (!file) return res.status(404).end();
    res.sendFile(file, { maxAge: "1h" });
  });

  // Shopify's app proxy: strip cookies, add the signed parameters, forward to the app's proxy URL.
  app.all(`${PROXY_PREFIX}/*`, (req, res, next) => {
    const url = new URL(req.originalUrl, appUrl);
    const signed = signProxyQuery(url.searchParams, {
      shop,
      loggedInCustomerId: currentCustomer(req) ? numericId(currentCustomer(req)!.id) : null,
      pathPrefix: PROXY_PREFIX,
      secret,
    });
    delete req.headers.cookie;
    // Like Shopify's proxy, append the address the shopper connected from (see TRUSTED_PROXY_HOPS).
    req.headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    req.url = req.originalUrl = `/proxy${url.pathname.slice(PROXY_PREFIX.length)}?${signed}`;
    next();
  });

  // The Shopify admin's part for an embedded app: a session token, and App Bridge's fetch wrapper.
  const token = () => mintSessionToken({ shop, apiKey, secret });
  // /admin opens the app's home; /admin/<page> deep-links to /app/<page>, each with a fresh token.
  app.get(["/admin", "/admin/*"], (req, res) => {
    const passthrough = Object.fromEntries(
      Object.entries(req.query).filter(([, v]) => typeof v === "string"),
    ) as Record<string, string>;
    const params = new URLSearchParams({
      ...passthrough,
      embedded: "1",
      shop,
      host: adminHostParam(shop),
      id_token: token(),
    });
    const page = req.path.replace(/^\/admin\/?/, "").replace(/[^\w/-]/g, "");
    res.redirect(`/app${page ? `/${page}` : ""}?${params}`);
  });
  app.get("/demo/session-token", (_req, res) => res.set("Cache-Control", "no-store").json({ token: token() }));
  // The storefront page has no icon; answer the browser's request instead of logging a missing route.
  app.get("/favicon.ico", (_req, res) => res.status(204).end());
  app.get("/demo/app-bridge.js", (_req, res) => res.type("js").sendFile(path.join(ROOT, "demo", "app-bridge-shim.js")));
  app.get("/demo/outbox", (_req, res) => {
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(renderOutboxPage(snapshot.shop.name, outbox?.mails ?? []));
  });

  mountRemixApp(app, build);

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
    s.on("error", reject);
  });
  const url = `http://localhost:${port}`;
  log(
    `\nDemo storefront: ${url}/\nMerchant admin:  ${url}/admin\nSent email:      ${url}/demo/outbox${outbox ? "" : " (off: SMTP_URL is set)"}\n(demo shop ${shop}; Ctrl+C to stop)\n`,
  );
  return {
    url,
    shop,
    secret,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await outbox?.close();
    },
  };
}

/** An `admin.graphql`-shaped client that posts to the shop's Admin API with the Shopify library's fetch. */
function adminGraphqlOverHttp(shop: string, accessToken: string): AdminGraphql {
  return async (query, options) => {
    const response = await abstractFetch(`https://${shop}${DEMO_GRAPHQL_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
      body: JSON.stringify({ query, variables: options?.variables ?? {} }),
    });
    return new Response(await response.text(), {
      status: response.status,
      headers: { "Content-Type": "application/json" },
    });
  };
}

function numericId(gid: string): string {
  return gid.split("/").pop() ?? gid;
}

function readCookie(req: ExpressRequest, name: string): string | null {
  const match = (req.headers.cookie ?? "").match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : null;
}

/** Build the Remix app unless build/ is newer than every source file it is made from. */
export function ensureBuild(log: (line: string) => void): void {
  const built = path.join(ROOT, "build", "server", "index.js");
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const newest = Math.max(
    newestMtime(path.join(ROOT, "app")),
    fs.statSync(path.join(ROOT, "vite.config.ts")).mtimeMs,
    fs.statSync(path.join(ROOT, "package.json")).mtimeMs,
  );
  if (builtAt > newest) return;
  log("Building the app (remix vite:build)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" && dir.endsWith("app")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function migrateDatabase(log: (line: string) => void): void {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  log("Database ready.");
}

/** What installing the app on the demo shop would have left behind: an offline session and settings. */
async function seedDemoShop(snapshot: DemoSnapshot, shop: string): Promise<void> {
  const { createDb } = await import("../app/db.server");
  const { storeOfflineSession } = await import("./offline-session");
  const db = createDb();
  try {
    await storeOfflineSession(db, shop, "demo-offline-access-token", "demo");
    const { DEFAULT_SETTINGS } = await import("../app/settings.server");
    const { demoShopSettings } = await import("./demo-settings");
    await db.shopSettings.upsert({
      where: { shop },
      create: { shop, ...DEFAULT_SETTINGS, ...demoShopSettings(snapshot) },
      update: {},
    });
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  startDemoServer().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
