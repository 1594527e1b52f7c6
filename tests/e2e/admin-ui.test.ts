/**
 * The merchant's admin as a merchant meets it, in Chromium at 1280×800 against the demo: the demo's
 * admin frame (sidebar, title bar, contextual save bar), the hand-off inbox (names, width, unread
 * marker), a transcript (links into Shopify, review tools on demand, fast turns apart), Settings
 * (save bar, colour picker, plain-words validation), and axe-core on every page.
 */
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, useDemoAndBrowser } from "../helpers/browser";
import { seriousViolations } from "../helpers/axe";

const env = useDemoAndBrowser();
const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const customer = snapshot.customers.find((c: any) => snapshot.orders.some((o: any) => o.customerId === c.id));
const customerOrder = snapshot.orders.find((o: any) => o.customerId === customer.id);
const numeric = (gid: string) => gid.split("/").pop()!;
const LONG_REQUEST =
  "I'd like to talk to a real person about my boots: the left one squeaks on every single step and the right one lets water in at the toe";
const GUEST_EMAIL = "robin.ashe@example.com";

let sent = 0;
async function chat(
  text: string,
  options: { conversationId?: string; customerId?: string } = {},
): Promise<{ conversationId: string }> {
  // Each request's own query string: the proxy accepts a signature once.
  const response = await fetch(`${env.demo.url}/apps/support/messages?request=${Date.now()}-${++sent}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(options.customerId ? { Cookie: `demo_customer=${options.customerId}` } : {}),
    },
    body: JSON.stringify({ text, ...(options.conversationId ? { conversationId: options.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return { conversationId: (await response.json()).conversationId };
}

let guestConversation: string;
beforeAll(async () => {
  // A logged-in customer's hand-off about their order, and a guest's long one with a reply address.
  const asked = await chat(`Where is my order ${customerOrder.name}?`, { customerId: numeric(customer.id) });
  await chat("Can I talk to a person about it please", {
    customerId: numeric(customer.id),
    conversationId: asked.conversationId,
  });
  guestConversation = (await chat(LONG_REQUEST)).conversationId;
  await chat(GUEST_EMAIL, { conversationId: guestConversation });
}, 120_000);

async function admin(path = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(env.browser, "desktop");
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|did not match/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${env.demo.url}/admin${path}`);
  return { page, errors };
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);

describe("the demo's admin frame", () => {
  it("draws the admin around the app: the app's pages in a sidebar, the page's title in a title bar", async () => {
    const { page, errors } = await admin();
    const nav = page.getByRole("navigation", { name: "Shopify admin" });
    const links = nav.getByRole("link");
    await expect
      .poll(() => links.allInnerTexts())
      .toEqual([
        "Support chat",
        "Conversations",
        "Hand-offs",
        "Training",
        "Store facts",
        "Settings",
        "Privacy requests",
      ]);
    // One under another, left of the app, not run together at the top.
    const boxes = await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, b] of boxes.entries()) {
      expect(b.right).toBeLessThanOrEqual(240);
      if (i > 0) expect(b.top).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 1);
    }
    const content = await box(page, ".Polaris-Page");
    expect(content.left).toBeGreaterThanOrEqual(240);
    expect(content.top).toBeGreaterThanOrEqual(104);
    expect(await page.locator(".demo-admin-title").innerText()).toContain("Dashboard");
    expect(await nav.getByRole("link", { name: "Support chat" }).getAttribute("aria-current")).toBe("page");

    // The sidebar navigates inside the app (no reload), and follows it.
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await nav.getByRole("link", { name: "Hand-offs" }).click();
    await page.waitForURL(/\/app\/handoffs/);
    await expect.poll(() => page.locator(".demo-admin-title").innerText()).toContain("Hand-offs");
    expect(await nav.getByRole("link", { name: "Hand-offs" }).getAttribute("aria-current")).toBe("page");
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("hand-offs", () => {
  it("names the logged-in customer, fits the table in its card, and marks a ticket the shopper wrote back on", async () => {
    const { page } = await admin("/handoffs");
    const row = page.getByRole("row").filter({ hasText: "Can I talk to a person about it please" });
    await row.waitFor();
    expect(await row.innerText()).toContain(customer.displayName);
    expect(await row.innerText()).toContain(customer.email);
    expect(await page.locator(".Polaris-IndexTable").innerText()).not.toMatch(/Logged-in customer \d|customer 7\d{5}/);

    // Every column inside the card: nothing to scroll sideways, no header past the card's edge.
    const card = await box(page, ".Polaris-IndexTable");
    // The tickets' table (paused order lookups have their own table below it).
    const headers = await page
      .locator("table.Polaris-IndexTable__Table")
      .first()
      .locator("thead .Polaris-IndexTable__TableHeading")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    expect(headers).toHaveLength(6);
    for (const right of headers) expect(right).toBeLessThanOrEqual(card.right + 0.5);
    const scroller = page.locator(".Polaris-IndexTable-ScrollContainer").first();
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    expect(await page.getByRole("row").filter({ hasText: "squeaks" }).innerText()).toContain("water in at the toe"); // wrapped, not cut

    // The team replies to the guest; the guest writes back: the ticket is in Open again, marked.
    await page.getByRole("row").filter({ hasText: GUEST_EMAIL }).click();
    await page.getByLabel("Reply to the shopper").fill("We're sending a new pair today.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByText("Reply sent").waitFor();
    await chat("Great, and should I send the old pair back?", { conversationId: guestConversation });
    await page.goto(`${env.demo.url}/admin/handoffs`);
    const reopened = page.getByRole("row").filter({ hasText: GUEST_EMAIL });
    await reopened.waitFor();
    expect(await reopened.innerText()).toContain("New message from the shopper");
    expect(await page.getByRole("row").filter({ hasText: customer.displayName }).innerText()).not.toContain(
      "New message",
    );
    await page.close();
  });
});

describe("a transcript", () => {
  it("links the customer and the order into Shopify, opens the review tools on demand, and keeps fast turns apart", async () => {
    const { page } = await admin("/conversations");
    await page.getByText(`Where is my order ${customerOrder.name}?`).first().click();
    await page.getByRole("heading", { name: "In Shopify" }).waitFor();
    const customerLink = page.getByRole("link", { name: customer.displayName });
    expect(await customerLink.getAttribute("href")).toBe(`shopify://admin/customers/${numeric(customer.id)}`);
    expect(await customerLink.getAttribute("target")).toBe("_top");
    expect(await page.getByRole("link", { name: `Order ${customerOrder.name}` }).getAttribute("href")).toBe(
      `shopify://admin/orders/${numeric(customerOrder.id)}`,
    );

    // Scannable: no forms until asked for.
    expect(await page.locator("form select, form textarea").count()).toBe(0);
    await page.getByRole("button", { name: "Correct the intent" }).first().click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Relabel" }) });
    expect(await form.count()).toBe(1);
    expect(await form.getByRole("button", { name: "Relabel" }).isDisabled()).toBe(true); // the label it has
    await form.locator("select").selectOption("shipping_options");
    expect(await form.getByRole("button", { name: "Relabel" }).isDisabled()).toBe(false);
    await form.getByRole("button", { name: "Cancel" }).click();
    expect(await form.count()).toBe(0);

    // The bot answered within the second: its time says how long after the question.
    const stamps = await page.getByText(/^\d{1,2}:\d\d:\d\d [AP]M UTC/).allInnerTexts();
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    expect(stamps.slice(1).every((s) => /UTC · \+\d/.test(s))).toBe(true);
    await page.close();
  });
});

describe("settings", () => {
  it("uses the admin's save bar, a colour picker, and says in plain words what to fix", async () => {
    const { page } = await admin("/settings");
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    await page.getByLabel("Bot name").waitFor();
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0); // nothing to save yet
    expect(await saveBar.isVisible()).toBe(false);

    // A bad colour: told beside the field when leaving it, in plain words; Save keeps it unsaved.
    await page.getByLabel("Accent colour").fill("green");
    await page.getByLabel("Greeting").focus();
    await page.getByText("Use a colour code like #1f6f5c: # and six digits or letters a–f.").waitFor();
    await saveBar.waitFor();
    await saveBar.getByRole("button", { name: "Save" }).click();
    await page.getByText("1 setting needs fixing before saving").waitFor();

    // The picker writes a code into the field.
    await page.getByRole("button", { name: "Pick a colour" }).click();
    const picker = page.locator(".Polaris-ColorPicker").first();
    await picker.waitFor();
    const area = await picker.locator(".Polaris-ColorPicker__MainColor").boundingBox();
    await page.mouse.click(area!.x + area!.width * 0.8, area!.y + area!.height * 0.3);
    await expect.poll(() => page.getByLabel("Accent colour").inputValue()).toMatch(/^#[0-9a-f]{6}$/);
    await page.keyboard.press("Escape");
    expect(await page.getByText("Use a colour code like").count()).toBe(0);

    // Discard puts the saved values back and the bar away; a real change saves.
    await saveBar.getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => saveBar.isVisible()).toBe(false);
    expect(await page.getByLabel("Accent colour").inputValue()).toBe("#1f6f5c");
    await page.getByLabel("Keep transcripts for (days)").fill("120");
    await saveBar.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved").waitFor();
    await expect.poll(() => saveBar.isVisible()).toBe(false);
    await page.reload();
    expect(await page.getByLabel("Keep transcripts for (days)").inputValue()).toBe("120");
    await page.close();
  });
});

describe("accessibility", () => {
  it("every admin page has no serious or critical axe-core violations", async () => {
    const { page } = await admin();
    const pages: [string, () => Promise<unknown>][] = [
      ["dashboard", () => page.locator('[data-metric="conversations"]').waitFor()],
      [
        "conversations",
        async () => (
          await page.goto(`${env.demo.url}/admin/conversations`),
          page.locator(".Polaris-IndexTable__TableRow").first().waitFor()
        ),
      ],
      [
        "transcript",
        async () => (
          await page.locator(".Polaris-IndexTable__TableRow").first().click(),
          page.getByRole("heading", { name: "In Shopify" }).waitFor()
        ),
      ],
      [
        "hand-offs",
        async () => (await page.goto(`${env.demo.url}/admin/handoffs`), page.getByRole("row").nth(1).waitFor()),
      ],
      [
        "hand-off",
        async () => (
          await page.getByRole("row").nth(1).click(),
          page.getByLabel(/Reply to the shopper|Send another reply/).waitFor()
        ),
      ],
      [
        "training",
        async () => (
          await page.goto(`${env.demo.url}/admin/training`),
          page.getByRole("heading", { name: "Teach the bot" }).waitFor()
        ),
      ],
      [
        "settings",
        async () => (await page.goto(`${env.demo.url}/admin/settings`), page.getByLabel("Bot name").waitFor()),
      ],
      ["store facts", async () => (await page.goto(`${env.demo.url}/admin/facts`), page.getByLabel("Days").waitFor())],
      [
        "privacy requests",
        async () => (
          await page.goto(`${env.demo.url}/admin/privacy`),
          page.getByRole("heading", { name: "Privacy requests" }).first().waitFor()
        ),
      ],
    ];
    const found: string[] = [];
    for (const [name, open] of pages) {
      await open();
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
    }
    expect(found).toEqual([]);
    await page.close();
  }, 120_000);
});
