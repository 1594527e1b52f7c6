/**
 * server.mjs serves the app proxy's URLs with a build holding only the routes under /proxy/ and
 * the root above them (Remix ranks every route of its build on each request), and falls back to
 * the whole build when another route could match those URLs too.
 */
import { describe, expect, it } from "vitest";
import express from "express";
import { buildUnder, listen, mountRemixApp } from "../../server.mjs";

type Route = { id: string; parentId?: string; path?: string; index?: boolean; module: Record<string, unknown> };

const reply = (name: string) => ({
  loader: ({ params }: { params: Record<string, string> }) => Response.json({ route: name, params }),
  action: ({ params }: { params: Record<string, string> }) => Response.json({ route: name, params }),
});

function fakeBuild(extra: Route[] = []) {
  const routes: Route[] = [
    { id: "root", path: "", module: {} },
    { id: "routes/proxy.$", parentId: "root", path: "proxy/*", module: reply("proxy") },
    { id: "routes/healthz", parentId: "root", path: "healthz", module: reply("healthz") },
    { id: "routes/app", parentId: "root", path: "app", module: {} },
    { id: "routes/app.settings", parentId: "routes/app", path: "settings", module: reply("settings") },
    { id: "routes/_index", parentId: "root", index: true, module: reply("index") },
    ...extra,
  ];
  return {
    routes: Object.fromEntries(routes.map((r) => [r.id, { caseSensitive: undefined, index: undefined, ...r }])),
    entry: { module: { default: () => new Response("document", { status: 500 }) } },
    assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {},
    isSpaMode: false,
    basename: undefined,
  };
}

describe("the app proxy's own routes", () => {
  it("are the proxy route and the root, nothing else", () => {
    expect(Object.keys(buildUnder(fakeBuild(), "proxy")!.routes).sort()).toEqual(["root", "routes/proxy.$"]);
  });

  it("keep a pathless layout above a proxy route", () => {
    const build = fakeBuild([
      { id: "routes/_shop", parentId: "root", module: {} },
      { id: "routes/_shop.proxy.status", parentId: "routes/_shop", path: "proxy/status", module: reply("status") },
    ]);
    expect(Object.keys(buildUnder(build, "proxy")!.routes).sort()).toEqual([
      "root",
      "routes/_shop",
      "routes/_shop.proxy.status",
      "routes/proxy.$",
    ]);
  });

  it("are not split off when another route could match a proxy URL", () => {
    for (const path of [":lang/help", "*", "(locale)/faq", "proxy?/x"])
      expect(buildUnder(fakeBuild([{ id: "other", parentId: "root", path, module: {} }]), "proxy"), path).toBeNull();
  });

  it("answer the proxy's URLs as the whole build does, and the other routes still answer", async () => {
    const app = express();
    mountRemixApp(app, fakeBuild());
    const server = await listen(app, 0);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const post = await fetch(`${base}/proxy/messages?shop=a.myshopify.com`, { method: "POST", body: "{}" });
      expect(await post.json()).toEqual({ route: "proxy", params: { "*": "messages" } });
      const nested = await fetch(`${base}/PROXY/conversation/x`);
      expect(await nested.json()).toEqual({ route: "proxy", params: { "*": "conversation/x" } });
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ route: "healthz", params: {} });
      expect(await (await fetch(`${base}/app/settings`)).json()).toEqual({ route: "settings", params: {} });
    } finally {
      server.close();
    }
  });
});
