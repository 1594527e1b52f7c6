/**
 * A hand-off answered by the merchant, end to end in the demo (its email goes to a local outbox): a guest asks the
 * bubble for a person and leaves an email; the merchant finds the ticket under Hand-offs in the
 * admin and replies; the shopper comes back to the storefront, sees the team's reply in the bubble,
 * and rates the conversation — which the merchant then sees on the ticket before closing it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { askBubble, newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();

const ask = (page: Page, text: string) => askBubble(page, text, 30_000);

const EMAIL = "jamie.rivera@example.com";
const REPLY =
  "Hi Jamie, this is Sam from Northwind. Your exchange is approved: bring the jacket to any store, or reply here for a prepaid label.";

describe("a hand-off answered by the merchant", () => {
  it("the guest's request reaches the inbox, the merchant replies, and the shopper sees it on return", async () => {
    // The shopper asks for a person and leaves an email.
    const shop = await newPage(env.browser);
    await shop.goto(`${env.demo.url}/`);
    await shop.locator("button.nwsc-launcher").click();
    expect(await ask(shop, "I'd like to talk to a real person please")).toMatch(/email/i);
    expect(await ask(shop, EMAIL)).toMatch(/passing this conversation to a person/i);

    // The merchant: admin → Hand-offs → the ticket → reply.
    const admin = await newPage(env.browser);
    await admin.goto(`${env.demo.url}/admin`);
    await admin.getByRole("link", { name: "Hand-offs" }).click();
    const row = admin.getByRole("row").filter({ hasText: EMAIL });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toMatch(/Wants a person/);
    expect(await row.innerText()).toMatch(/Open/);
    await row.click();
    await admin.getByText("I'd like to talk to a real person please").waitFor({ timeout: 20_000 }); // the transcript
    await admin.getByLabel("Reply to the shopper").fill(REPLY);
    await admin.getByRole("button", { name: "Send reply" }).click();
    await admin.getByText("Reply sent").waitFor({ timeout: 20_000 });
    expect(await admin.locator("body").innerText()).toContain(`It was also emailed to ${EMAIL}.`);
    const outbox = await newPage(env.browser);
    await outbox.goto(`${env.demo.url}/demo/outbox`);
    expect(await outbox.locator("article").filter({ hasText: EMAIL }).first().innerText()).toContain(REPLY);
    await outbox.close();
    await admin.getByText(REPLY).first().waitFor(); // now in the transcript, from "Your team"

    // Back on the storefront: a page load brings the team's reply.
    await shop.reload();
    if ((await shop.locator("button.nwsc-launcher").getAttribute("aria-expanded")) !== "true")
      await shop.locator("button.nwsc-launcher").click();
    const team = shop.locator(".nwsc-msg--agent");
    await team.waitFor({ timeout: 15_000 });
    expect(await team.locator(".nwsc-from").innerText()).toBe("Team");
    expect((await team.locator(".nwsc-bubble").innerText()).trim()).toBe(REPLY);
    expect(await shop.locator(".nwsc-msg--shopper").count()).toBe(2);

    // The conversation ended with the team's reply: the shopper rates it.
    const survey = shop.locator("form.nwsc-csat");
    await survey.waitFor();
    await survey.getByRole("radio", { name: "5 of 5 stars" }).check();
    await survey.getByRole("textbox").fill("Sam sorted it out");
    await survey.getByRole("button", { name: "Send" }).click();
    await shop.getByText("Thanks for your feedback!").waitFor({ timeout: 15_000 });

    // The merchant finds the ticket under Replied, with the shopper's rating.
    await admin.goto(`${env.demo.url}/admin`); // a fresh admin load (the embedded app has no deep links without a token)
    await admin.getByRole("link", { name: "Hand-offs" }).click();
    await admin.getByRole("tab", { name: /Replied/ }).click();
    const replied = admin.getByRole("row").filter({ hasText: EMAIL });
    await replied.waitFor({ timeout: 20_000 });
    await replied.click();
    await admin.getByText("Shopper's rating").waitFor({ timeout: 20_000 });
    expect(await admin.locator("body").innerText()).toContain("(5/5) — “Sam sorted it out”");

    // Done: the merchant closes it.
    await admin.getByRole("button", { name: "Close hand-off" }).click();
    await admin.getByText("Hand-off closed.").waitFor({ timeout: 20_000 });
    await admin.getByRole("button", { name: "Reopen" }).waitFor();

    await shop.close();
    await admin.close();
  }, 120_000);
});
