/**
 * The merchant's dashboard and conversations list in a real browser, against the demo: chats sent
 * through the (signed) app proxy, then the figures read off the dashboard, then the list filtered
 * by intent with the filter bar and a conversation opened.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();
let sent = 0;

// Each proxied request gets its own query, so its signature differs from the last one's even
// within the same second (the proxy refuses a signature it has already seen).
const proxyUrl = (endpoint: string) => `${env.demo.url}/apps/support/${endpoint}?request=${Date.now()}-${++sent}`;

async function chat(text: string, conversationId?: string): Promise<{ conversationId: string; replyId: string }> {
  const response = await fetch(proxyUrl("messages"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  const body = await response.json();
  return { conversationId: body.conversationId, replyId: body.reply.id };
}

async function rate(conversationId: string, messageId: string, rating: "up" | "down"): Promise<void> {
  const response = await fetch(proxyUrl("feedback"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ conversationId, messageId, rating }),
  });
  expect(response.status).toBe(200);
}

const metric = (page: Page, id: string) => page.locator(`[data-metric="${id}"]`);

beforeAll(async () => {
  // Three conversations, four shopper messages: two about tracking an order, one about returns.
  const first = await chat("Where is my order #1006? my email is hannah.brooks@example.com");
  await chat("thanks, that's all", first.conversationId);
  await chat("Where is my order #1003?");
  const returns = await chat("What is your return policy?");
  await rate(first.conversationId, first.replyId, "up");
  await rate(returns.conversationId, returns.replyId, "down");
}, 240_000);

describe("merchant dashboard", () => {
  it("shows the figures of the chats, and the list filters by intent and opens a conversation", async () => {
    const page = await newPage(env.browser);
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && /hydrat|did not match/i.test(message.text())) errors.push(message.text());
    });

    await page.goto(`${env.demo.url}/admin`);
    await metric(page, "conversations").waitFor({ timeout: 20_000 });
    expect(await metric(page, "conversations").locator("[data-value]").innerText()).toBe("3");
    expect(await metric(page, "messages").locator("[data-value]").innerText()).toBe("8");
    expect(await metric(page, "messages").innerText()).toContain("4 from shoppers · 4 bot replies · 0 from your team");
    expect(await metric(page, "ratings").locator("[data-value]").innerText()).toBe("50%");
    expect(await metric(page, "ratings").innerText()).toContain("1 thumbs up · 1 thumbs down");
    expect(await metric(page, "handoff").locator("[data-value]").innerText()).toBe("0%");
    const top = page.locator("[data-top-intent]").first();
    expect(await top.getAttribute("data-top-intent")).toBe("track_order");
    expect(await top.getAttribute("data-count")).toBe("2");
    const perDay = page.locator('[data-chart="per-day"]');
    await expect.poll(() => perDay.locator("svg").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The same figures for screen readers: a row per day, today's holding the three conversations.
    expect(await perDay.locator("tr").count()).toBe(30);
    expect(await perDay.locator("tr").last().locator("td").innerText()).toBe("3");
    // 30 days draw a line: straight from day to day, no curve turning up before the day it belongs to.
    const line = perDay.locator('svg path[d^="M"]');
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const paths = await line.evaluateAll((els) => els.map((el) => el.getAttribute("d") ?? ""));
    expect(paths.some((d) => /L/.test(d))).toBe(true);
    expect(paths.filter((d) => /[Cc]/.test(d))).toEqual([]);

    // Another period reloads the figures (the chats are in every period).
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await page.waitForURL(/period=7/);
    expect(await metric(page, "conversations").locator("[data-value]").innerText()).toBe("3");

    // The list, from the dashboard; the intent filter from the filter bar.
    await page.getByRole("link", { name: "View conversations" }).click();
    await page.waitForURL(/\/app\/conversations/);
    await expect.poll(() => page.locator(".Polaris-IndexTable__TableRow").count(), { timeout: 15_000 }).toBe(3);
    await page.getByRole("button", { name: "Intent", exact: true }).click();
    await page.locator(".Polaris-Popover").getByText("Track order", { exact: true }).click();
    await page.waitForURL(/intent=track_order/);
    await expect.poll(() => page.locator(".Polaris-IndexTable__TableRow").count(), { timeout: 15_000 }).toBe(2);
    const rows = await page.locator(".Polaris-IndexTable__TableRow").allInnerTexts();
    expect(rows.some((row) => row.includes("What is your return policy?"))).toBe(false);

    await page.keyboard.press("Escape");
    await page.getByText("Where is my order #1006? my email is hannah.brooks@example.com").click();
    await page.waitForURL(/\/app\/conversations\/[A-Za-z0-9_-]{16,}/);
    await page.getByText("intent: Track order").first().waitFor({ timeout: 15_000 });
    expect(await page.locator("body").innerText()).toContain("thanks, that's all");
    expect(errors).toEqual([]);

    // A stale link gets a page that says so, with the way back.
    await page.goto(`${env.demo.url}/admin/conversations/no-such-conversation-id`);
    await page.getByText("Conversation not found").first().waitFor();
    await page
      .getByRole("button", { name: "Conversations" })
      .or(page.getByRole("link", { name: "Conversations" }))
      .first()
      .waitFor();
    await page.close();
  }, 90_000);
});
