/**
 * Renders the real theme app extension block (extensions/support-chat/blocks/chat-bubble.liquid)
 * outside Shopify, for the demo storefront and for tests. Uses liquidjs with the handful of
 * Shopify-specific tags/filters the block needs, implemented the way Shopify outputs them:
 *
 *   {% schema %}…{% endschema %}  → renders nothing (Shopify reads it, it never reaches the page)
 *   asset_url                     → caller's assetUrl(name)
 *   script_tag                    → <script src="…" type="text/javascript"></script>   (blocking! the block doesn't use it)
 *   stylesheet_tag                → <link href="…" rel="stylesheet" type="text/css" media="all" />
 *   escape                        → HTML-escapes & < > " '
 *   t                             → looks the key up in the extension's locales/<locale>.json, then en.default.json
 *
 * Settings missing from `settings` fall back to the schema defaults, as Shopify does.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid, Tag, TypeGuards, type Context, type Template, type TagToken, type TopLevelToken } from "liquidjs";

/** `this` inside a liquidjs filter. */
interface FilterImpl {
  context: Context;
}

export interface ChatBubbleSettings {
  accent_color: string;
  greeting: string;
  bot_name: string;
  position: "bottom-right" | "bottom-left";
}

export interface RenderChatBubbleOptions {
  settings?: Partial<ChatBubbleSettings>;
  /** The shop's permanent domain ("demo-store.myshopify.com") or a `shop`-like object (Liquid's `shop.name` too). */
  shop: string | { permanent_domain: string; name?: string };
  /** Logged-in customer, or null/undefined for a guest. */
  customer?: { id: string | number } | null;
  /** request.locale.iso_code, e.g. "en", "fr", "pt-BR". Defaults to "en". */
  locale?: string;
  /** The bubble settings the app saved for this shop (its app-data metafield), if any. */
  appBubble?: Partial<Record<keyof ChatBubbleSettings, string>> | null;
  /** Maps an asset file name ("chat-bubble.js") to the URL the page should load it from. */
  assetUrl: (name: string) => string;
}

export interface BlockSchemaSetting {
  type: string;
  id: string;
  label: string;
  default?: string;
  info?: string;
  options?: { value: string; label: string }[];
}

export interface BlockSchema {
  name: string;
  target: "body" | "head" | "section";
  settings: BlockSchemaSetting[];
  javascript?: string;
  stylesheet?: string;
  [key: string]: unknown;
}

function findExtensionDir(): string {
  const candidates: string[] = [];
  try {
    // app/storefront/ → repo root (also holds for a build/server/ bundle).
    candidates.push(fileURLToPath(new URL("../../extensions/support-chat/", import.meta.url)));
  } catch {
    /* not a file: URL (bundled elsewhere) */
  }
  candidates.push(path.resolve(process.cwd(), "extensions/support-chat"));
  const found = candidates.find((dir) => existsSync(path.join(dir, "blocks", "chat-bubble.liquid")));
  if (!found) throw new Error(`extensions/support-chat not found (looked in ${candidates.join(", ")})`);
  return path.resolve(found);
}

/** Absolute path of extensions/support-chat. */
export const EXTENSION_DIR = findExtensionDir();
const BLOCK_FILE = path.join(EXTENSION_DIR, "blocks", "chat-bubble.liquid");
const ASSETS_DIR = path.join(EXTENSION_DIR, "assets");
const LOCALES_DIR = path.join(EXTENSION_DIR, "locales");

/**
 * Absolute path of a file in the extension's assets/ folder, or null if `name` isn't a plain
 * file name there (no traversal) — lets a demo server serve `/assets/:name` safely.
 */
export function extensionAssetPath(name: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return null;
  const file = path.join(ASSETS_DIR, name);
  return existsSync(file) ? file : null;
}

const SCHEMA_RE = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

/** The JSON inside the block's {% schema %} tag. */
export function readBlockSchema(): BlockSchema {
  const match = SCHEMA_RE.exec(readFileSync(BLOCK_FILE, "utf8"));
  if (!match) throw new Error(`${BLOCK_FILE} has no {% schema %} tag`);
  return JSON.parse(match[1]) as BlockSchema;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Shopify's `escape` filter (CGI.escapeHTML): nil → "". */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** `{% schema %}`: consumed at parse time, renders nothing (like Shopify). */
class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    while (remainTokens.length) {
      const next = remainTokens.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === "endschema") return;
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }
  render(): void {}
}

type Translations = Record<string, unknown>;
const localeCache = new Map<string, Translations | null>();
function loadLocale(file: string): Translations | null {
  if (!localeCache.has(file)) {
    const full = path.join(LOCALES_DIR, file);
    localeCache.set(file, existsSync(full) ? (JSON.parse(readFileSync(full, "utf8")) as Translations) : null);
  }
  return localeCache.get(file)!;
}
function lookup(tree: Translations | null, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Translations)[part];
  }
  return typeof node === "string" ? node : undefined;
}
function translate(key: string, locale: string): string {
  const lang = locale.split("-")[0];
  for (const file of [`${locale}.json`, `${lang}.json`, "en.default.json"]) {
    const hit = lookup(loadLocale(file), key);
    if (hit !== undefined) return hit;
  }
  return `translation missing: ${locale}.${key}`;
}

/** Per-render inputs for the filters that depend on the caller (asset_url, t). */
interface RenderGlobals {
  assetUrl: (name: string) => string;
  locale: string;
}
const renderGlobals = (impl: FilterImpl) => impl.context.globals as unknown as RenderGlobals;

const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });
engine.registerTag("schema", SchemaTag);
engine.registerFilter("escape", escapeHtml);
engine.registerFilter("asset_url", function (this: FilterImpl, name: unknown) {
  return renderGlobals(this).assetUrl(String(name));
});
engine.registerFilter("t", function (this: FilterImpl, key: unknown) {
  return translate(String(key), renderGlobals(this).locale);
});
engine.registerFilter(
  "script_tag",
  (url: unknown) => `<script src="${escapeHtml(url)}" type="text/javascript"></script>`,
);
engine.registerFilter(
  "stylesheet_tag",
  (url: unknown) => `<link href="${escapeHtml(url)}" rel="stylesheet" type="text/css" media="all" />`,
);

let cached: { source: string; templates: Template[] } | null = null;
function templates(): Template[] {
  const source = readFileSync(BLOCK_FILE, "utf8");
  // Re-parse only when the file changed, so a running demo picks up edits.
  if (!cached || cached.source !== source) cached = { source, templates: engine.parse(source, BLOCK_FILE) };
  return cached.templates;
}

/** Render blocks/chat-bubble.liquid to HTML, as Shopify would inject it before </body>. */
export async function renderChatBubbleBlock(options: RenderChatBubbleOptions): Promise<string> {
  const locale = options.locale || "en";
  const settings: Record<string, unknown> = {};
  for (const s of readBlockSchema().settings) if (s.default !== undefined) settings[s.id] = s.default;
  for (const [id, value] of Object.entries(options.settings ?? {})) if (value !== undefined) settings[id] = value;

  const shop = typeof options.shop === "string" ? { permanent_domain: options.shop } : options.shop;
  const scope = {
    block: { id: "support-chat", type: "support-chat", settings, shopify_attributes: "" },
    shop: {
      permanent_domain: shop.permanent_domain,
      name: shop.name ?? shop.permanent_domain.replace(/\.myshopify\.com$/, ""),
    },
    customer: options.customer ? { id: options.customer.id } : null,
    request: { locale: { iso_code: locale } },
    // `app.metafields`: the app-data metafields the app published (see Commerce.publishBubbleAppearance).
    app: { metafields: { support_chat: { bubble: options.appBubble ? { value: options.appBubble } : null } } },
  };
  const globals: RenderGlobals = { assetUrl: options.assetUrl, locale };
  return (await engine.render(templates(), scope, { globals })) as string;
}
