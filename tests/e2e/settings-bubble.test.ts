/**
 * The merchant's bubble settings reach the storefront: saved on the admin's Settings page, the app
 * publishes them as an app-data metafield, which the app embed's Liquid reads (on the demo, the
 * demo store answers the same Admin API calls and the storefront renders the real block).
 */
import { describe, expect, it } from "vitest";
import { newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();

describe("bubble settings", () => {
  it("saved in the admin, change the storefront bubble's name, greeting, colour and position", async () => {
    const storefront = await newPage(env.browser);
    await storefront.goto(`${env.demo.url}/`);
    const root = storefront.locator(".nwsc-root");
    expect(await root.getAttribute("data-accent")).toBe("#1f6f5c"); // the app embed's own default

    const admin = await newPage(env.browser);
    admin.setDefaultTimeout(15_000);
    await admin.goto(`${env.demo.url}/admin/settings`);
    await admin.getByLabel("Bot name").fill("Trail Buddy");
    await admin.getByLabel("Greeting").fill("Howdy! Ask me about your gear.");
    await admin.getByLabel("Accent colour").fill("#c0392b");
    await admin.getByLabel("Position").selectOption("bottom-left");
    // The admin's contextual save bar (App Bridge), drawn by the demo's admin frame.
    await admin.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await admin.getByText("Settings saved").waitFor();

    await storefront.reload();
    expect(await root.getAttribute("data-bot-name")).toBe("Trail Buddy");
    expect(await root.getAttribute("data-accent")).toBe("#c0392b");
    await expect.poll(() => root.evaluate((el) => el.classList.contains("nwsc-left"))).toBe(true);
    await storefront.locator(".nwsc-launcher").click();
    await storefront.locator(".nwsc-msg--greeting").getByText("Howdy! Ask me about your gear.").waitFor();
    expect(await storefront.locator(".nwsc-title").innerText()).toBe("Trail Buddy");
    expect(await storefront.locator(".nwsc-launcher").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(192, 57, 43)",
    );
    await storefront.close();
    await admin.close();
  }, 120_000);
});
