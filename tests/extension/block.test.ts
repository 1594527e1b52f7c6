import { readFileSync } from "node:fs";
import path from "node:path";
import { Script } from "node:vm";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  EXTENSION_DIR,
  extensionAssetPath,
  readBlockSchema,
  renderChatBubbleBlock,
} from "../../app/storefront/render-block.server";

const assetUrl = (name: string) => `https://cdn.example.test/extensions/support-chat/assets/${name}?v=1`;
const read = (rel: string) => readFileSync(path.join(EXTENSION_DIR, rel), "utf8");
const attr = (html: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1];
const XSS = `<img src=x onerror=alert(1)>`;

describe("shopify.extension.toml", () => {
  it("declares a theme app extension", () => {
    const toml = read("shopify.extension.toml");
    expect(toml).toMatch(/^type\s*=\s*"theme"\s*$/m);
    expect(toml).toMatch(/^name\s*=\s*"Support chat"\s*$/m);
    expect(toml).toMatch(/^handle\s*=\s*"support-chat"\s*$/m);
  });
});

describe("chat-bubble.liquid schema", () => {
  const schema = readBlockSchema();

  it("is an app embed block targeting body", () => {
    expect(schema.target).toBe("body");
    expect(schema.name).toBe("Support chat");
    expect(schema.name.length).toBeLessThanOrEqual(25);
  });

  it("has the merchant settings with their defaults", () => {
    const byId = Object.fromEntries(schema.settings.map((s) => [s.id, s]));
    expect(byId.accent_color).toMatchObject({ type: "color", default: "#1f6f5c" });
    expect(byId.greeting).toMatchObject({ type: "text", default: "Hi! I can help with orders, returns and products." });
    // No default name: the block falls back to the shop's name, as the app's replies do.
    expect(byId.bot_name).toMatchObject({ type: "text" });
    expect(byId.bot_name.default).toBeUndefined();
    expect(byId.position).toMatchObject({ type: "select", default: "bottom-right" });
    expect(byId.position.options?.map((o) => o.value)).toEqual(["bottom-right", "bottom-left"]);
    for (const s of schema.settings) expect(s.label, s.id).toBeTruthy();
  });

  it("doesn't also load the assets through schema keys (they're loaded explicitly, once)", () => {
    expect(schema.javascript).toBeUndefined();
    expect(schema.stylesheet).toBeUndefined();
  });

  it("escapes every setting and storefront value it prints", () => {
    const source = read("blocks/chat-bubble.liquid").replace(/{%\s*schema\s*%}[\s\S]*$/, "");
    const outputs = [...source.matchAll(/{{-?\s*([\s\S]*?)\s*-?}}/g)].map((m) => m[1]);
    const unescaped = outputs.filter(
      (o) => !/\|\s*escape\s*$/.test(o) && o !== "block.shopify_attributes" && !/\|\s*asset_url\b/.test(o),
    );
    expect(unescaped).toEqual([]);
  });
});

describe("renderChatBubbleBlock", () => {
  it("renders one root with the data attributes the script reads", async () => {
    const html = await renderChatBubbleBlock({
      shop: { permanent_domain: "demo-store.myshopify.com" },
      customer: { id: 7012345 },
      locale: "fr",
      assetUrl,
      settings: { accent_color: "#aa3300", bot_name: "Ava", position: "bottom-left" },
    });
    expect(html.match(/class="nwsc-root"/g)).toHaveLength(1);
    expect(attr(html, "data-proxy")).toBe("/apps/support");
    expect(attr(html, "data-shop")).toBe("demo-store.myshopify.com");
    expect(attr(html, "data-customer")).toBe("7012345");
    expect(attr(html, "data-locale")).toBe("fr");
    expect(attr(html, "data-accent")).toBe("#aa3300");
    expect(attr(html, "data-bot-name")).toBe("Ava");
    expect(attr(html, "data-position")).toBe("bottom-left");
    // Unset settings fall back to the schema defaults; strings come from the locale files.
    expect(attr(html, "data-greeting")).toBe("Hi! I can help with orders, returns and products.");
    expect(attr(html, "data-l-send")).toBe("Send");
    expect(html).not.toContain("translation missing");
    // Takes no room in the page flow.
    expect(attr(html, "style")).toBe("display:contents");
  });

  it("leaves the customer id empty for guests", async () => {
    const html = await renderChatBubbleBlock({ shop: "demo-store.myshopify.com", customer: null, assetUrl });
    expect(attr(html, "data-customer")).toBe("");
    expect(attr(html, "data-locale")).toBe("en");
  });

  it("names the assistant after the shop unless the merchant named it (Settings, then the theme editor)", async () => {
    const shop = { permanent_domain: "trailhead.myshopify.com", name: "Trailhead & Co" };
    expect(attr(await renderChatBubbleBlock({ shop, assetUrl }), "data-bot-name")).toBe("Trailhead &amp; Co");
    expect(attr(await renderChatBubbleBlock({ shop, assetUrl, settings: { bot_name: "Ava" } }), "data-bot-name")).toBe(
      "Ava",
    );
    const saved = { bot_name: "Scout", greeting: "Hi", accent_color: "#000000", position: "bottom-right" };
    expect(
      attr(
        await renderChatBubbleBlock({ shop, assetUrl, settings: { bot_name: "Ava" }, appBubble: saved }),
        "data-bot-name",
      ),
    ).toBe("Scout");
    // Saved without a name: the shop's name again, not a stale theme setting's default.
    expect(
      attr(await renderChatBubbleBlock({ shop, assetUrl, appBubble: { ...saved, bot_name: "" } }), "data-bot-name"),
    ).toBe("Trailhead &amp; Co");
  });

  it("escapes a malicious greeting and bot name", async () => {
    const html = await renderChatBubbleBlock({
      shop: "demo-store.myshopify.com",
      assetUrl,
      settings: { greeting: XSS, bot_name: `" autofocus onfocus="alert(1)` },
    });
    expect(html).not.toContain(XSS);
    expect(html).not.toContain("<img");
    expect(attr(html, "data-greeting")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(attr(html, "data-bot-name")).toBe("&quot; autofocus onfocus=&quot;alert(1)");
    // With every quoted value blanked, no injected attribute is left over.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/onfocus|autofocus|onerror/);
  });

  it("loads the script deferred (never parser-blocking) and the stylesheet before it", async () => {
    const html = await renderChatBubbleBlock({ shop: "demo-store.myshopify.com", assetUrl });
    const scripts: string[] = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    const [script = ""] = scripts;
    expect(script).toMatch(/\s(defer|async)[\s>=]/);
    expect(attr(script, "src")).toBe(assetUrl("chat-bubble.js"));
    const link = /<link\b[^>]*rel="stylesheet"[^>]*>/.exec(html);
    expect(link && attr(link[0], "href")).toBe(assetUrl("chat-bubble.css"));
    expect(html.indexOf("<link")).toBeLessThan(html.indexOf("<script"));
    // The schema JSON never reaches the page.
    expect(html).not.toContain('"settings"');
  });
});

describe("assets", () => {
  const js = read("assets/chat-bubble.js");
  const css = read("assets/chat-bubble.css");

  it("stay within their gzip budgets (JS ≤ 6 KB, CSS ≤ 2 KB)", () => {
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(6144);
    expect(gzipSync(css, { level: 9 }).length).toBeLessThanOrEqual(2048);
  });

  it("the script is valid, self-contained JS that never writes HTML strings", () => {
    expect(() => new Script(js, { filename: "chat-bubble.js" })).not.toThrow();
    expect(js).not.toMatch(/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval|new Function)\b/);
    expect(js).not.toMatch(/\bconsole\./);
    expect(js).not.toMatch(/^\s*(import|export)\s/m);
    // The proxy prefix comes from data-proxy, not from the code's endpoints.
    expect(js).not.toMatch(/['"`]\/apps\/support\/(messages|conversation|feedback)/);
  });

  it("the stylesheet is namespaced and respects reduced motion", () => {
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/@keyframes[^{]+{(?:[^{}]*{[^{}]*})*[^{}]*}/g, "")
      .replace(/@media[^{]+{/g, "")
      .match(/[^{}]+(?={)/g)!
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    expect(selectors.length).toBeGreaterThan(10);
    for (const s of selectors) expect(s, s).toMatch(/^\.nwsc-/);
    expect(css).toMatch(/prefers-reduced-motion:\s*reduce/);
  });

  it("are served only by plain file name", () => {
    expect(extensionAssetPath("chat-bubble.js")).toBe(path.join(EXTENSION_DIR, "assets", "chat-bubble.js"));
    expect(extensionAssetPath("../blocks/chat-bubble.liquid")).toBeNull();
    expect(extensionAssetPath("missing.js")).toBeNull();
  });
});
