/**
 * The demo storefront with the real bubble, as a shopper meets it at 1280×800 and 390×844: product
 * cards with the shop's (local) product images, one name for the assistant from the header to the
 * reply to "hi", and axe-core finding nothing serious with the bubble open.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { askBubble, newPage, SCREENS, useDemoAndBrowser, type Screen } from "../helpers/browser";
import { seriousViolations } from "../helpers/axe";

const env = useDemoAndBrowser();
const shopName: string = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8")).shop.name;

async function openBubble(screen: Screen): Promise<Page> {
  const page = await newPage(env.browser, screen);
  page.setDefaultTimeout(20_000);
  await page.goto(`${env.demo.url}/`);
  await page.locator("button.nwsc-launcher").click();
  await page.locator("textarea.nwsc-input").waitFor();
  return page;
}

describe.each(Object.keys(SCREENS) as Screen[])("the storefront on %s", (screen) => {
  it("shows product cards with the products' own images, and axe-core finds nothing serious", async () => {
    const page = await openBubble(screen);
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(env.demo.url) && !request.url().startsWith("data:")) outside.push(request.url());
    });
    await askBubble(page, "Do you have tents?");
    const images = page.locator(".nwsc-msg--bot .nwsc-product img");
    await expect
      .poll(() =>
        images.evaluateAll(
          (imgs) =>
            imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length,
        ),
      )
      .toBeGreaterThanOrEqual(3);
    expect(await page.locator(".nwsc-msg--bot .nwsc-product span.nwsc-product-img").count()).toBe(0); // no grey boxes
    expect(await seriousViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe("the assistant's name", () => {
  it("is the shop's, in the header, the dialog's name and the reply to 'hi'", async () => {
    const page = await openBubble("desktop");
    expect(await page.locator(".nwsc-title").innerText()).toBe(shopName);
    expect(await page.locator(".nwsc-panel").getAttribute("aria-label")).toBe(shopName);
    const hi = await askBubble(page, "hi");
    expect(hi).toContain(shopName);
    expect(hi).not.toMatch(/assistant|Support\b/);
    expect(await page.locator(".nwsc-msg--greeting").innerText()).not.toMatch(/Northwind assistant/);
    await page.close();
  });
});
