/**
 * A loopback storefront for browser tests of the bubble alone: `/` is a page with the rendered app
 * embed, `/assets/*` the extension's assets, and everything else goes to the test's own stand-in
 * for the app proxy (`/apps/support/*`), which decides what the bubble gets back.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import {
  extensionAssetPath,
  renderChatBubbleBlock,
  type RenderChatBubbleOptions,
} from "../../app/storefront/render-block.server";
import { newPage, type Screen } from "./browser";

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface BubblePage {
  origin: string;
  close(): Promise<void>;
}

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

export async function readJsonBody<T = Record<string, any>>(req: IncomingMessage): Promise<T> {
  const raw: Buffer[] = [];
  for await (const chunk of req) raw.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(raw).toString("utf8")) as T;
}

export interface BubblePageOptions {
  /** The page's own content, before the app embed (default: a heading). */
  body?: string;
  /** What the block renders with (settings, shop name…), besides the shop and asset URLs. */
  block?: Partial<RenderChatBubbleOptions>;
}

export async function startBubblePage(proxy: ProxyHandler, options: BubblePageOptions = {}): Promise<BubblePage> {
  let origin = "";
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    if (req.method === "GET" && url.pathname === "/") {
      const block = await renderChatBubbleBlock({
        shop: "demo-store.myshopify.com",
        ...options.block,
        assetUrl: (n) => `/assets/${n}`,
      });
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>` +
          `<body>${options.body ?? "<h1>Shop</h1>"}${block}</body></html>`,
      );
      return;
    }
    const asset = url.pathname.startsWith("/assets/") && extensionAssetPath(url.pathname.slice(8));
    if (asset) {
      res.writeHead(200, { "Content-Type": asset.endsWith(".js") ? "text/javascript" : "text/css" });
      res.end(readFileSync(asset));
      return;
    }
    await proxy(req, res, url);
    if (!res.headersSent) json(res, 404, { error: { code: "not_found", message: "Not found." } });
  };
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) =>
      res.headersSent ? res.end() : json(res, 500, { error: { code: "test", message: String(e) } }),
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fresh page (new context, so empty storage and no conversation to load) on the storefront with
 * the bubble open, collecting the page's uncaught errors. `fakeClock` installs Playwright's clock first.
 */
export async function openBubble(
  browser: Browser,
  storefront: BubblePage,
  options: { fakeClock?: boolean; screen?: Screen } = {},
): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await newPage(browser, options.screen);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  if (options.fakeClock) await page.clock.install();
  await page.goto(`${storefront.origin}/`);
  await page.locator("button.nwsc-launcher").click();
  await page.locator("textarea.nwsc-input").waitFor();
  return { page, pageErrors };
}
