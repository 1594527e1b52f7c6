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

/** A build whose proxy route answers with `respond(request)`. */
function proxyAnswering(respond: (request: Request) => Response | Promise<Response>) {
  const build = fakeBuild();
  build.routes["routes/proxy.$"].module = {
    loader: ({ request }: { request: Request }) => respond(request),
    action: ({ request }: { request: Request }) => respond(request),
  };
  return build;
}

async function serving(build: ReturnType<typeof fakeBuild>, use: (base: string) => Promise<void>) {
  const app = express();
  mountRemixApp(app, build);
  const server = await listen(app, 0);
  try {
    await use(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  } finally {
    server.close();
  }
}

describe("the app proxy's responses", () => {
  it("send a JSON body whole, with its length, not in chunks", async () => {
    const body = JSON.stringify({ reply: "é".repeat(3000) });
    await serving(
      proxyAnswering(() => new Response(body, { status: 201, headers: { "Content-Type": "application/json" } })),
      async (base) => {
        const response = await fetch(`${base}/proxy/messages`, { method: "POST", body: "{}" });
        expect(response.status).toBe(201);
        expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
        expect(response.headers.get("transfer-encoding")).toBeNull();
        expect(await response.text()).toBe(body);
      },
    );
  });

  it("keep every header, repeated ones included, and an empty body", async () => {
    await serving(
      proxyAnswering(() => {
        const headers = new Headers({ "Retry-After": "5" });
        headers.append("Set-Cookie", "a=1");
        headers.append("Set-Cookie", "b=2");
        return new Response(null, { status: 429, headers });
      }),
      async (base) => {
        const response = await fetch(`${base}/proxy/messages`);
        expect(response.status).toBe(429);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
        expect(await response.text()).toBe("");
      },
    );
  });

  it("stream Server-Sent Events as they are written", async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const encoder = new TextEncoder();
    await serving(
      proxyAnswering(
        () =>
          new Response(
            new ReadableStream({
              async start(controller) {
                controller.enqueue(encoder.encode("event: delta\ndata: 1\n\n"));
                await finished;
                controller.enqueue(encoder.encode("event: message\ndata: 2\n\n"));
                controller.close();
              },
            }),
            { headers: { "Content-Type": "text/event-stream" } },
          ),
      ),
      async (base) => {
        const response = await fetch(`${base}/proxy/messages`, { method: "POST", body: "{}" });
        const reader = response.body!.getReader();
        // The first event arrives while the second is not yet written.
        expect(new TextDecoder().decode((await reader.read()).value)).toBe("event: delta\ndata: 1\n\n");
        finish();
        let rest = "";
        for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
        expect(rest).toBe("event: message\ndata: 2\n\n");
      },
    );
  });

  it("give the route the request's URL, method, headers and body as Remix's Express adapter does", async () => {
    await serving(
      proxyAnswering(async (request) =>
        Response.json({
          url: request.url,
          method: request.method,
          type: request.headers.get("content-type"),
          body: request.method === "POST" ? await request.text() : null,
        }),
      ),
      async (base) => {
        const url = `${base}/proxy/messages?shop=a.myshopify.com&signature=abc`;
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: '{"text":"hi"}',
        });
        expect(await response.json()).toEqual({ url, method: "POST", type: "application/json", body: '{"text":"hi"}' });
      },
    );
  });
});
