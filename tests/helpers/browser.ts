import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { startDemo, type RunningDemo } from "./demo-process";

/** Debian's Chromium, headless, with the flags this closed network needs (see TOOLCHAIN notes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// Shopify's admin authentication turns away bots (isbot), and "HeadlessChrome" reads as one.
export const DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export const MOBILE_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

/** The two sizes QA checks: a laptop, and a phone held upright. */
export const SCREENS = {
  desktop: { userAgent: DESKTOP_CHROME, viewport: { width: 1280, height: 800 } },
  mobile: { userAgent: MOBILE_CHROME, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;
export type Screen = keyof typeof SCREENS;

export function newPage(browser: Browser, screen?: Screen) {
  return browser.newPage(screen ? SCREENS[screen] : { userAgent: DESKTOP_CHROME, viewport: { width: 1280, height: 900 } });
}

/** Type a message into the open bubble and return the next bot reply's text. */
export async function askBubble(page: import("playwright-core").Page, text: string, timeout = 20_000): Promise<string> {
  const before = await page.locator(".nwsc-msg--bot").count();
  await page.locator("textarea.nwsc-input").fill(text);
  await page.keyboard.press("Enter");
  const reply = page.locator(".nwsc-msg--bot").nth(before);
  await reply.waitFor({ timeout });
  return (await reply.innerText()).trim();
}

/**
 * The demo (`npm run demo`, as a child process) and a headless Chromium for one test file:
 * started before its tests, stopped after them. Read `env.demo` and `env.browser` inside tests.
 */
export function useDemoAndBrowser(): { demo: RunningDemo; browser: Browser } {
  const env = {} as { demo: RunningDemo; browser: Browser };
  beforeAll(async () => {
    [env.demo, env.browser] = await Promise.all([startDemo(), launchChromium()]);
  }, 240_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.demo?.stop();
  });
  return env;
}
