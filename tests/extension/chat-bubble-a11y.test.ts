/**
 * The bubble as a keyboard and screen-reader user meets it, in Chromium at the two sizes QA uses
 * (desktop 1280×800, phone 390×844), against a loopback stand-in for the app proxy: focus stays in
 * the open panel, the phone's full-screen panel is a modal dialog over a page that doesn't scroll,
 * Escape closes and hands focus back, only replies are announced, and axe-core finds nothing
 * serious. Also the product cards: images, whole titles, "Show more" for the matches past four.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, newPage, SCREENS, type Screen } from "../helpers/browser";
import { json, readJsonBody, startBubblePage, type BubblePage } from "../helpers/bubble-page";
import { seriousViolations } from "../helpers/axe";

const CONV = "conv-a11y-00000000000001";
const LONG_TITLE = "Ridgeline 2 Backpacking Tent with Footprint";
const TENTS = [
  "Ridgeline 1 Solo Tent",
  LONG_TITLE,
  "Basecamp 4 Family Tent",
  "Four-Season Summit Tent 2P",
  "Ridgeline 2 Footprint",
];
const FOUND = "I found 5 tents:";
const card = (title: string, i: number) => ({
  title,
  price: i === 1 ? "From $319.00" : `$${100 + i * 50}.00`,
  imageUrl: `/img/tent-${i}.svg`,
  url: `/products/tent-${i}`,
  available: true,
});
const at = () => new Date().toISOString();

/** The stand-in app proxy: "tents" finds five, "hi" is greeted (a reply there is nothing to rate). */
async function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
  if (url.pathname.startsWith("/img/")) {
    res.writeHead(200, { "Content-Type": "image/svg+xml" });
    res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#6a8"/></svg>`,
    );
    return;
  }
  if (req.method === "POST" && url.pathname === "/apps/support/messages") {
    const body = await readJsonBody(req);
    const shopperMessage = { id: `s-${body.clientMessageId}`, role: "shopper", text: body.text, createdAt: at() };
    const reply = /tent/i.test(body.text)
      ? {
          id: `b-${body.clientMessageId}`,
          role: "bot",
          text: FOUND,
          createdAt: at(),
          products: TENTS.map(card),
          quickReplies: ["Under $200", "Talk to a person"],
          feedback: null,
        }
      : {
          id: `b-${body.clientMessageId}`,
          role: "bot",
          text: "Hi! Welcome to Trailhead Supply. What can I do for you?",
          createdAt: at(),
        };
    return json(res, 200, { conversationId: CONV, shopperMessage, reply });
  }
}

// A theme's page: header links and a long grid of product links behind the bubble.
const THEME = `<header><a href="/">Trailhead Supply</a> <a href="/collections">Shop</a> <a href="/account">Account</a></header>
<main><h1>Trailhead Supply</h1>${Array.from({ length: 40 }, (_, i) => `<p><a href="/products/p${i}">Product ${i}</a></p>`).join("")}</main>`;

let storefront: BubblePage;
let browser: Browser;

beforeAll(async () => {
  [storefront, browser] = await Promise.all([
    startBubblePage(handle, {
      body: THEME,
      block: { shop: { permanent_domain: "trailhead.myshopify.com", name: "Trailhead Supply" } },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

async function freshPage(screen: Screen): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, screen);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${storefront.origin}/`);
  return { page, errors };
}

/** Where focus is: inside the bubble's root, and drawn on screen (not under or behind anything hidden). */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      inBubble: !!el?.closest(".nwsc-root"),
      visible: !!el && el.getClientRects().length > 0 && !!box && box.bottom > 0 && box.top < innerHeight,
      what: el ? `${el.tagName.toLowerCase()}.${el.className || ""} ${el.textContent?.slice(0, 30) ?? ""}` : "none",
    };
  });

async function tabToLauncher(page: Page) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.classList.contains("nwsc-launcher"))) return;
  }
  throw new Error("Tab never reached the chat launcher");
}

async function askWithKeyboard(page: Page, text: string) {
  await page.keyboard.type(text);
  const replies = await page.locator(".nwsc-msg--bot[data-id]").count();
  await page.keyboard.press("Enter");
  await page.locator(".nwsc-msg--bot[data-id]").nth(replies).waitFor({ timeout: 10_000 });
}

describe.each(Object.keys(SCREENS) as Screen[])("chat bubble on %s, keyboard only", (screen) => {
  it("opens with Enter, keeps Tab and Shift+Tab inside the panel, closes with Escape and gives focus back", async () => {
    const { page, errors } = await freshPage(screen);
    const launcher = page.locator("button.nwsc-launcher");
    // aria-controls never names an element that isn't there.
    const controls = await launcher.getAttribute("aria-controls");
    if (controls) expect(await page.locator(`#${controls}`).count()).toBe(1);

    await tabToLauncher(page);
    await page.evaluate(() => scrollTo(0, 0)); // tabbing through the page's links scrolled it
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("nwsc-input"))).toBe(true);
    expect(await page.locator(`#${await launcher.getAttribute("aria-controls")}`).getAttribute("role")).toBe("dialog");
    await askWithKeyboard(page, "do you have tents?");

    for (const key of ["Tab", "Shift+Tab"]) {
      for (let i = 0; i < 24; i++) {
        await page.keyboard.press(key);
        const focus = await focusState(page);
        expect(focus, `${key} #${i + 1}: ${focus.what}`).toMatchObject({ inBubble: true, visible: true });
      }
    }

    const dialog = page.locator(".nwsc-panel");
    if (screen === "mobile") {
      // Full screen: a modal dialog, and the page behind neither scrolls nor is read out.
      expect(await dialog.getAttribute("aria-modal")).toBe("true");
      await page.mouse.move(195, 600);
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => scrollY)).toBe(0);
    } else {
      expect(await dialog.getAttribute("aria-modal")).toBeNull(); // the page beside it stays usable
    }

    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("nwsc-launcher"))).toBe(true);
    expect(await launcher.getAttribute("aria-expanded")).toBe("false");
    // Closed, the page scrolls again.
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no serious or critical axe-core violations with the bubble open and product cards shown", async () => {
    const { page } = await freshPage(screen);
    await page.locator("button.nwsc-launcher").click();
    await page.locator("textarea.nwsc-input").focus();
    await askWithKeyboard(page, "tents please");
    await page.locator(".nwsc-product img").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("chat bubble for screen readers", () => {
  it("announces the reply's words, not its product cards or rating buttons", async () => {
    const { page } = await freshPage("desktop");
    await page.locator("button.nwsc-launcher").click();
    await askWithKeyboard(page, "tents?");
    const live = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          ".nwsc-root [aria-live]:not([aria-live=off]), .nwsc-root [role=log], .nwsc-root [role=status], .nwsc-root [role=alert]",
        ),
      ].map((el) => ({
        text: el.textContent,
        interactive: el.querySelectorAll("button, a, .nwsc-product, .nwsc-feedback").length,
      })),
    );
    expect(live.length).toBeGreaterThan(0);
    for (const region of live) expect(region.interactive).toBe(0);
    expect(live.map((region) => region.text).join("")).toContain(FOUND);
    expect(live.map((region) => region.text).join("")).not.toContain(TENTS[0]);
    // The cards and buttons are still in the conversation, for the shopper to reach.
    expect(await page.locator(".nwsc-msg--bot .nwsc-product").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("offers no thumbs under a greeting, and does under an answer", async () => {
    const { page } = await freshPage("desktop");
    await page.locator("button.nwsc-launcher").click();
    await askWithKeyboard(page, "hi");
    expect(await page.locator(".nwsc-msg--bot[data-id]").last().locator(".nwsc-feedback").count()).toBe(0);
    await askWithKeyboard(page, "tents");
    expect(await page.locator(".nwsc-msg--bot[data-id]").last().locator(".nwsc-feedback button").count()).toBe(2);
    await page.close();
  });
});

describe("product cards", () => {
  it("show each product's image, its whole title, and the matches past four on request", async () => {
    for (const screen of Object.keys(SCREENS) as Screen[]) {
      const { page } = await freshPage(screen);
      await page.locator("button.nwsc-launcher").click();
      await askWithKeyboard(page, "tents");
      const reply = page.locator(".nwsc-msg--bot[data-id]").last();
      const cards = reply.locator(".nwsc-product");
      await expect
        .poll(() =>
          cards
            .locator("img")
            .evaluateAll(
              (imgs) =>
                imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length,
            ),
        )
        .toBe(4);
      expect(await cards.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length)).toBe(4);

      // The long title is there in full: wrapped, nothing cut off.
      const title = cards.nth(1).locator(".nwsc-product-title");
      expect(await title.textContent()).toBe(LONG_TITLE);
      const box = await title.evaluate((el) => ({
        sw: el.scrollWidth,
        cw: el.clientWidth,
        sh: el.scrollHeight,
        ch: el.clientHeight,
        lh: parseFloat(getComputedStyle(el).lineHeight),
      }));
      expect(box.sw, screen).toBeLessThanOrEqual(box.cw);
      expect(box.sh, screen).toBeLessThanOrEqual(box.ch + 1);
      expect(box.ch, screen).toBeGreaterThan(box.lh * 1.5); // two lines
      expect(await cards.nth(1).locator(".nwsc-product-price").innerText()).toContain("From $319.00");

      // The fifth match: one button away, and focus lands on it.
      const more = reply.getByRole("button", { name: "Show 1 more" });
      await more.focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => cards.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length))
        .toBe(5);
      expect(await more.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(TENTS[4]);
      await page.close();
    }
  });

  it("the header names the shop when the merchant hasn't named the bot", async () => {
    const { page } = await freshPage("desktop");
    await page.locator("button.nwsc-launcher").click();
    expect(await page.locator(".nwsc-title").innerText()).toBe("Trailhead Supply");
    expect(await page.locator(".nwsc-panel").getAttribute("aria-label")).toBe("Trailhead Supply");
    await page.close();
  });
});
