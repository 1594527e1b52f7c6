/**
 * The whole path in a real browser: storefront page → bubble → local app proxy (signed) → app →
 * demo store → reply in the bubble → transcript in the merchant admin.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { askBubble as ask, newPage, useDemoAndBrowser } from "../helpers/browser";

const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const order1006 = snapshot.orders.find((o: { name: string }) => o.name === "#1006");
const upsNumber: string = order1006.fulfillments[0].trackingInfo[0].number;

const env = useDemoAndBrowser();

describe("storefront chat, end to end", () => {
  it("a guest tracks an order with the order's email, and a wrong email reveals nothing", async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.demo.url}/`);
    await page.locator("button.nwsc-launcher").click();
    await expect.poll(() => page.locator("button.nwsc-launcher").getAttribute("aria-expanded")).toBe("true");

    const tracked = await ask(page, "Where is my order #1006? my email is hannah.brooks@example.com");
    expect(tracked).toContain(upsNumber);
    expect(tracked).toContain("UPS");

    const refused = await ask(page, "Where is my order #1006? my email is not.hannah@example.com");
    expect(refused).not.toContain(upsNumber);
    expect(refused).not.toMatch(/UPS|in transit|delivered/i);

    // The conversation survives a page load.
    await page.reload();
    await page.locator("button.nwsc-launcher").click();
    await expect.poll(() => page.locator(".nwsc-msg--shopper").count(), { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it("a logged-in customer cancels an unfulfilled order after confirming, and the store shows it cancelled", async () => {
    const open = snapshot.orders.find((o: any) => o.fulfillments.length === 0 && !o.cancelledAt && o.customerId);
    const customerId = open.customerId.split("/").pop();
    const page = await newPage(env.browser);
    await page.goto(`${env.demo.url}/account/login?customer=${customerId}`);
    await page.locator("button.nwsc-launcher").click();

    const offer = await ask(page, `Please cancel order ${open.name}`);
    expect(offer).toContain(open.name);
    expect(offer).toMatch(/hasn't shipped/);
    expect(offer).not.toMatch(/is cancelled/);

    const before = await page.locator(".nwsc-msg--bot").count();
    await page.locator(".nwsc-quick button").first().click(); // "Yes, go ahead"
    const done = page.locator(".nwsc-msg--bot").nth(before);
    await done.waitFor({ timeout: 15_000 });
    expect(await done.innerText()).toMatch(new RegExp(`order ${open.name} is (?:now )?cancelled`, "i"));

    // A fresh question reads the order back from the store: the cancellation really happened.
    const status = await ask(page, `where is order ${open.name}?`);
    expect(status).toMatch(/was cancelled/);
    await page.close();
  });

  it("the merchant sees the conversation in the admin list and its detail", async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.demo.url}/admin/conversations`);
    const row = page.getByText("Where is my order #1006? my email is hannah.brooks@example.com");
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.getByText("intent: Track order").first().waitFor({ timeout: 20_000 });
    const transcript = await page.locator("body").innerText();
    expect(transcript).toContain(upsNumber);
    expect(transcript).toContain("my email is not.hannah@example.com");
    await page.close();
  });
});
