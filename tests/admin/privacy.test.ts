import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, TEST_API_KEY, TEST_SECRET } from "../helpers/app-env";
import { mintSessionToken } from "../../demo/shopify-surrogate";
import { DESKTOP_CHROME } from "../helpers/browser";

configureTestApp("admin-privacy");
const { default: db } = await import("../../app/db.server");
const list = await import("../../app/routes/app.privacy");
const download = await import("../../app/routes/app.privacy.$id");

/** A request from the embedded admin: App Bridge's session token in the Authorization header. */
function adminRequest(path: string, shop = DEMO_SHOP): Request {
  const token = mintSessionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_SECRET });
  return new Request(`http://localhost:3999${path}`, {
    headers: { Authorization: `Bearer ${token}`, "User-Agent": DESKTOP_CHROME },
  });
}

const run = (loader: (args: never) => unknown, request: Request, params: Record<string, string> = {}) =>
  Promise.resolve(loader({ request, params, context: {} } as never)).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });

describe("data requests in the admin", () => {
  beforeAll(installDemoShop);

  it("lists this shop's data requests and downloads one as JSON, never another shop's", async () => {
    const ours = await db.dataRequestExport.create({
      data: {
        shop: DEMO_SHOP,
        requestId: "31",
        customerEmail: "ann@example.com",
        conversations: 2,
        data: JSON.stringify({ conversations: ["ours"] }),
      },
    });
    const theirs = await db.dataRequestExport.create({
      data: {
        shop: "other-shop.myshopify.com",
        requestId: "32",
        customerEmail: "bob@example.com",
        conversations: 1,
        data: '{"secret":true}',
      },
    });

    const page = (await run(list.loader, adminRequest("/app/privacy"))) as Awaited<ReturnType<typeof list.loader>>;
    expect(page.requests.map((r) => r.id)).toEqual([ours.id]);

    const file = (await run(download.loader, adminRequest(`/app/privacy/${ours.id}`), { id: ours.id })) as Response;
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="data-request-31.json"');
    expect(await file.json()).toEqual({ conversations: ["ours"] });

    const denied = (await run(download.loader, adminRequest(`/app/privacy/${theirs.id}`), {
      id: theirs.id,
    })) as Response;
    expect(denied.status).toBe(404);
  });
});
