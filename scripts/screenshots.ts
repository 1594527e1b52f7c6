/**
 * `npm run screenshots`: the demo in headless Chromium, photographed for the README — the bubble on
 * the storefront (desktop 1280×800 and a 390×844 phone, with product cards) and each admin page —
 * into docs/screenshots/. Shoppers' conversations are typed into the bubble first, as shoppers
 * would, on a throwaway database, so the admin pages have something to show.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, SCREENS, type Screen } from "./chromium";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function main() {
  process.env.DATABASE_URL = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "screenshots-")), "demo.sqlite")}`;
  const { startDemoServer } = await import("../demo/server");
  const snapshot = JSON.parse(fs.readFileSync(path.join(ROOT, "demo", "demo-store.json"), "utf8"));
  const demo = await startDemoServer({ port: await freePort(), quiet: true });
  const browser = await launchChromium();
  fs.mkdirSync(OUT, { recursive: true });
  const shot = async (page: Page, name: string, wholePage = false) => {
    const take = async () =>
      void (await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: "disabled" }));
    await (wholePage ? shotWholePage(page, take) : take());
    console.log(`wrote docs/screenshots/${name}.png`);
  };
  try {
    // Shoppers.
    const customer = snapshot.customers.find((c: { numberOfOrders?: number }) => (c.numberOfOrders ?? 0) > 0);
    const customerOrder = snapshot.orders.find((o: { customerId: string | null }) => o.customerId === customer.id);
    const asCustomer = await shopper(browser, demo.url, "desktop", customer.id.split("/").pop());
    await ask(asCustomer, `Where is my order ${customerOrder.name}?`);
    await ask(asCustomer, "I'd like to talk to a person about it please");
    await asCustomer.close();

    const guest = await shopper(browser, demo.url, "desktop");
    await ask(guest, "Where is my order #1006? my email is hannah.brooks@example.com");
    await guest.locator(".nwsc-msg--bot[data-id] .nwsc-fb-up").last().click();
    await ask(guest, "thanks, that's all");
    await guest.close();

    const unhappy = await shopper(browser, demo.url, "desktop");
    await ask(unhappy, "My tent pole snapped on the first night, this is not ok");
    await ask(unhappy, "jamie.rivera@example.com");

    // The bubble, with product cards.
    const desktop = await shopper(browser, demo.url, "desktop");
    await ask(desktop, "Hi!");
    await ask(desktop, "Do you have tents?");
    await desktop.locator(".nwsc-product img").first().waitFor();
    await settle(desktop);
    await shot(desktop, "bubble-desktop");
    await desktop.close();

    const phone = await shopper(browser, demo.url, "mobile");
    await ask(phone, "Show me your jackets");
    await phone.locator(".nwsc-product img").first().waitFor();
    await settle(phone);
    await shot(phone, "bubble-mobile");
    await phone.close();

    // The merchant.
    const admin = await browser.newPage(SCREENS.desktop);
    admin.setDefaultTimeout(20_000);
    await admin.goto(`${demo.url}/admin/handoffs`);
    await admin.getByRole("row").filter({ hasText: "jamie.rivera@example.com" }).click();
    await admin
      .getByLabel("Reply to the shopper")
      .fill(
        "Hi Jamie, sorry about the pole! A replacement section is on its way today, and tell me if anything else is wrong with the tent.",
      );
    await admin.getByRole("button", { name: "Send reply" }).click();
    await admin.getByText("Reply sent").waitFor();
    // The shopper writes back: the hand-off returns to Open, marked as new.
    await ask(unhappy, "Thanks! Will it arrive before the weekend?");
    await unhappy.close();
    // The merchant teaches the bot from a transcript: the answer it should have given.
    await admin.goto(`${demo.url}/admin/conversations`);
    await admin.getByText("My tent pole snapped on the first night, this is not ok").first().click();
    await admin.getByRole("button", { name: "Write a better answer" }).first().click();
    await admin
      .getByLabel("The answer the bot should have given")
      .fill(
        "I'm so sorry! Poles are covered by our warranty: I'm passing this to our team, who will ship a replacement section right away.",
      );
    await admin.getByRole("button", { name: "Save answer" }).click();
    await admin.getByText(/Approved answer: I'm so sorry/).waitFor();

    const pages: [string, string, (page: Page) => Promise<void>][] = [
      ["admin-dashboard", "/admin", async (page) => page.locator('[data-chart="per-day"] svg').first().waitFor()],
      [
        "admin-conversations",
        "/admin/conversations",
        async (page) => page.locator(".Polaris-IndexTable__TableRow").first().waitFor(),
      ],
      ["admin-handoffs", "/admin/handoffs", async (page) => page.getByRole("row").nth(1).waitFor()],
      [
        "admin-training",
        "/admin/training",
        async (page) => page.getByRole("heading", { name: "Teach the bot" }).waitFor(),
      ],
      ["admin-store-facts", "/admin/facts", async (page) => page.getByLabel("Days").waitFor()],
      [
        "admin-settings",
        "/admin/settings",
        async (page) => {
          await page.getByLabel("Greeting").fill("Hi! Ask me about an order, our gear, or returns.");
          await page.getByRole("region", { name: "Unsaved changes" }).waitFor();
        },
      ],
    ];
    for (const [name, url, ready] of pages) {
      await admin.goto(`${demo.url}${url}`);
      await ready(admin);
      await settle(admin);
      await shot(admin, name, true);
    }
    // A transcript and a hand-off, opened from their lists.
    await admin.goto(`${demo.url}/admin/conversations`);
    await admin.getByText(`Where is my order ${customerOrder.name}?`).first().click();
    await admin.getByRole("heading", { name: "In Shopify" }).waitFor();
    await settle(admin);
    await shot(admin, "admin-conversation", true);
    await admin.goto(`${demo.url}/admin/handoffs`);
    await admin.getByRole("row").filter({ hasText: customer.displayName }).click();
    await admin.getByRole("heading", { name: "In Shopify" }).waitFor();
    await settle(admin);
    await shot(admin, "admin-handoff", true);
  } finally {
    await browser.close();
    await demo.close();
  }
}

async function shopper(browser: Browser, url: string, screen: Screen, customerId?: string): Promise<Page> {
  const page = await browser.newPage(SCREENS[screen]);
  page.setDefaultTimeout(20_000);
  await page.goto(customerId ? `${url}/account/login?customer=${customerId}` : `${url}/`);
  await page.locator("button.nwsc-launcher").click();
  await page.locator("textarea.nwsc-input").waitFor();
  return page;
}

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator(".nwsc-msg--bot[data-id]").count();
  await page.locator("textarea.nwsc-input").fill(text);
  await page.keyboard.press("Enter");
  await page.locator(".nwsc-msg--bot[data-id]").nth(before).waitFor();
}

/** Fonts, images and the last layout in place before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(300);
}

/**
 * The whole admin page: the window is made as tall as the page first, so the admin frame's fixed
 * sidebar runs its full height (a full-page capture would draw it one window high).
 */
async function shotWholePage(page: Page, shoot: () => Promise<void>): Promise<void> {
  const { width, height } = page.viewportSize()!;
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.max(height, full) });
  await page.waitForTimeout(300);
  await shoot();
  await page.setViewportSize({ width, height });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
