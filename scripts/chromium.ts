/**
 * Debian's Chromium through playwright-core, headless, with the flags a closed network needs (no
 * background connections), and the screen sizes the browser tests and screenshots use.
 */
import { chromium, type Browser } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// Shopify's admin authentication turns away bots (isbot), and "HeadlessChrome" reads as one.
export const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
export const MOBILE_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

/** The two sizes QA checks: a laptop, and a phone held upright. */
export const SCREENS = {
  desktop: { userAgent: DESKTOP_CHROME, viewport: { width: 1280, height: 800 } },
  mobile: {
    userAgent: MOBILE_CHROME,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
} as const;
export type Screen = keyof typeof SCREENS;
