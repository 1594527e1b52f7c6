import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP_CHROME, launchChromium, SCREENS, type Screen } from "../../scripts/chromium";
import { startDemo, type RunningDemo } from "./demo-process";

export { DESKTOP_CHROME, launchChromium, MOBILE_CHROME, SCREENS, type Screen } from "../../scripts/chromium";

export function newPage(browser: Browser, screen?: Screen) {
  return browser.newPage(
    screen ? SCREENS[screen] : { userAgent: DESKTOP_CHROME, viewport: { width: 1280, height: 900 } },
  );
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
