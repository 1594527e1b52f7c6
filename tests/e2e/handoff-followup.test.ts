/**
 * Hand-offs that respect the person, end to end in the demo: ordinary questions in the bubble get
 * answers and file nothing for the team; a hand-off the merchant has answered keeps the shopper's
 * next message for the team — the bot only acknowledges it, the ticket is back in Open marked as
 * new with the message in its transcript, and the team is emailed (the demo's local outbox).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { askBubble, newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();

const ask = (page: Page, text: string) => askBubble(page, text, 30_000);
// The demo's hand-off address is its snapshot shop's email (demo/demo-settings.ts).
const TEAM = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8")).shop.email as string;

const EMAIL = "casey.north@example.com";
const REPLY = "Hi Casey, we've sent a prepaid return label to your email.";
const FOLLOW_UP = "Thanks! The label hasn't reached my inbox yet, could you send it again?";
const ACKNOWLEDGED = /added this to your request/i;

async function openHandoffs(admin: Page, tab?: RegExp): Promise<void> {
  await admin.goto(`${env.demo.url}/admin`);
  await admin.getByRole("link", { name: "Hand-offs" }).click();
  if (tab) await admin.getByRole("tab", { name: tab }).click();
}

describe("hand-offs that respect the person", () => {
  it("ordinary questions get answers and file no ticket", async () => {
    const shop = await newPage(env.browser);
    await shop.goto(`${env.demo.url}/`);
    await shop.locator("button.nwsc-launcher").click();

    const washing = await ask(shop, "How do I wash my down jacket?");
    expect(washing).toMatch(/wash/i);
    const arrived = await ask(shop, "did everything arrive?");
    expect(arrived).toMatch(/order number/i);
    const sourcing = await ask(shop, "Where do you source your down?");
    for (const reply of [washing, arrived, sourcing])
      expect(reply).not.toMatch(/passing this conversation to a person|added this to your request/i);

    const admin = await newPage(env.browser);
    await openHandoffs(admin, /All/);
    await admin.getByText("No hand-offs yet").waitFor({ timeout: 20_000 });
    await shop.close();
    await admin.close();
  }, 120_000);

  it("after the team's reply, the shopper's answer reaches the ticket, not the bot", async () => {
    const shop = await newPage(env.browser);
    await shop.goto(`${env.demo.url}/`);
    await shop.locator("button.nwsc-launcher").click();
    expect(await ask(shop, "I'd like to talk to a real person please")).toMatch(/email/i);
    expect(await ask(shop, EMAIL)).toMatch(/passing this conversation to a person/i);

    // The merchant replies in the admin.
    const admin = await newPage(env.browser);
    await openHandoffs(admin);
    const row = admin.getByRole("row").filter({ hasText: EMAIL });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toMatch(/Asked for a person/);
    await row.click();
    await admin.getByLabel("Reply to the shopper").fill(REPLY);
    await admin.getByRole("button", { name: "Send reply" }).click();
    await admin.getByText("Reply sent").waitFor({ timeout: 20_000 });

    // The shopper sees it and writes back.
    await shop.reload();
    if ((await shop.locator("button.nwsc-launcher").getAttribute("aria-expanded")) !== "true")
      await shop.locator("button.nwsc-launcher").click();
    await shop.locator(".nwsc-msg--agent").waitFor({ timeout: 15_000 });
    expect(await ask(shop, FOLLOW_UP)).toMatch(ACKNOWLEDGED);

    // The ticket is back in Open, marked, with the shopper's message in its transcript.
    await openHandoffs(admin, /Open/);
    const reopened = admin.getByRole("row").filter({ hasText: EMAIL });
    await reopened.waitFor({ timeout: 20_000 });
    expect(await reopened.innerText()).toMatch(/New message from the shopper/);
    await reopened.click();
    await admin.getByText(FOLLOW_UP).waitFor({ timeout: 20_000 });
    const body = await admin.locator("body").innerText();
    // The bot said only that: no new conversation, no order lookup, no second ticket.
    expect(body).toMatch(ACKNOWLEDGED);
    await openHandoffs(admin, /All/);
    expect(await admin.getByRole("row").filter({ hasText: EMAIL }).count()).toBe(1);

    // The team was told, at the shop's hand-off address.
    const outbox = await newPage(env.browser);
    await outbox.goto(`${env.demo.url}/demo/outbox`);
    const notice = outbox.locator("article").filter({ hasText: FOLLOW_UP }).filter({ hasText: TEAM });
    await notice
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        await outbox.reload();
        await notice.first().waitFor({ timeout: 10_000 });
      });
    expect(await notice.count()).toBe(1);

    await outbox.close();
    await shop.close();
    await admin.close();
  }, 150_000);
});
