/**
 * The admin's front door: malformed or unauthenticated requests get a clear 4xx, never a 500,
 * a change needs the session token in the Authorization header (not in the URL), and the login
 * path answers instead of crashing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, TEST_API_KEY, TEST_SECRET } from "../helpers/app-env";
import { adminHostParam, mintSessionToken } from "../../demo/shopify-surrogate";
import { DESKTOP_CHROME } from "../helpers/browser";

configureTestApp("admin-auth");
const { default: db } = await import("../../app/db.server");
const { DEFAULT_SETTINGS } = await import("../../app/settings.server");
const appRoute = await import("../../app/routes/app");
const settingsRoute = await import("../../app/routes/app.settings");

type RouteFn = (args: never) => unknown;

/** What Remix would send: the returned value, or the Response a loader/action threw. */
async function call(
  fn: RouteFn,
  request: Request,
): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    const value = await fn({ request, params: {}, context: {} } as never);
    if (value instanceof Response)
      return { status: value.status, body: await value.text(), location: value.headers.get("location") };
    return { status: 200, body: value, location: null };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, body: await thrown.text(), location: thrown.headers.get("location") };
    return { status: 500, body: String(thrown), location: null };
  }
}

const token = () => mintSessionToken({ shop: DEMO_SHOP, apiKey: TEST_API_KEY, secret: TEST_SECRET });

function settingsForm(botName: string): URLSearchParams {
  const values = {
    ...DEFAULT_SETTINGS,
    botName,
    retentionDays: "90",
    openaiKey: "",
    allowCancel: "off",
    allowReturns: "off",
    allowAddressChange: "off",
  } as Record<string, unknown>;
  return new URLSearchParams(
    Object.entries(values)
      .filter(([, v]) => typeof v !== "boolean")
      .map(([k, v]) => [k, String(v)]),
  );
}

function post(path: string, form: URLSearchParams, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:3999${path}`, {
    method: "POST",
    body: form,
    headers: { "User-Agent": DESKTOP_CHROME, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

const botName = async () => (await db.shopSettings.findUnique({ where: { shop: DEMO_SHOP } }))?.botName;

describe("the embedded admin's entry", () => {
  beforeAll(installDemoShop);

  it("answers a host parameter that isn't one with 400, with or without a shop", async () => {
    for (const query of [
      `shop=${DEMO_SHOP}&host=x`,
      `shop=${DEMO_SHOP}&host=x&embedded=1`,
      "host=x",
      `shop=${DEMO_SHOP}&host=%25%25`,
    ]) {
      const response = await call(
        appRoute.loader as RouteFn,
        new Request(`http://localhost:3999/app?${query}`, { headers: { "User-Agent": DESKTOP_CHROME } }),
      );
      expect([query, response.status]).toEqual([query, 400]);
    }
  });

  it("still lets a real admin URL through to the library (the bounce page, not an error)", async () => {
    const query = `shop=${DEMO_SHOP}&host=${adminHostParam(DEMO_SHOP)}&embedded=1`;
    const response = await call(
      appRoute.loader as RouteFn,
      new Request(`http://localhost:3999/app?${query}`, { headers: { "User-Agent": DESKTOP_CHROME } }),
    );
    expect(response.status).toBeLessThan(400);
  });

  it("refuses a change without the session token in the Authorization header: cross-origin, or with id_token in the URL", async () => {
    const before = await botName();
    const crossOrigin = await call(
      settingsRoute.action as RouteFn,
      post("/app/settings", settingsForm("Cross origin"), { Origin: "https://evil.example" }),
    );
    expect(crossOrigin.status).toBe(401);
    const inUrl = await call(
      settingsRoute.action as RouteFn,
      post(
        `/app/settings?shop=${DEMO_SHOP}&host=${adminHostParam(DEMO_SHOP)}&embedded=1&id_token=${token()}`,
        settingsForm("Token in URL"),
      ),
    );
    expect(inUrl.status).toBe(401);
    expect(await botName()).toBe(before);

    // The control: the same change as App Bridge sends it is saved.
    const signed = await call(
      settingsRoute.action as RouteFn,
      post("/app/settings", settingsForm("Signed change"), { Authorization: `Bearer ${token()}` }),
    );
    expect(signed.status).toBe(200);
    expect(await botName()).toBe("Signed change");
  });

  it("answers the login path: a form, then Shopify's install page for the shop", async () => {
    const loginRoute = await import("../../app/routes/auth.login");
    const page = await call(
      loginRoute.loader as RouteFn,
      new Request("http://localhost:3999/auth/login", { headers: { "User-Agent": DESKTOP_CHROME } }),
    );
    expect(page.status).toBe(200);
    const submitted = await call(
      loginRoute.action as RouteFn,
      post("/auth/login", new URLSearchParams({ shop: "northwind-outfitters" })),
    );
    expect(submitted.status).toBe(302);
    expect(submitted.location).toContain(`${DEMO_SHOP.replace(".myshopify.com", "")}`);
    const invalid = await call(
      loginRoute.action as RouteFn,
      post("/auth/login", new URLSearchParams({ shop: "not a shop!" })),
    );
    expect(invalid.status).toBe(200);
    expect(invalid.body).toMatchObject({ errors: { shop: expect.any(String) } });
  });
});
