/**
 * Browser part of `npm run bench`: the demo storefront page with the app embed, loaded in headless
 * Chromium. Reports the time from the bubble script's first byte to an interactive launcher, the
 * page's cumulative layout shift, and any bubble asset the browser counted as render-blocking.
 */
import { launchChromium, newPage } from "../tests/helpers/browser";
import { startBenchDemo } from "./bench-http";

export interface PageFigures {
  /** Median over the loads, in ms: script response start → launcher button in the page. */
  firstByteToInteractiveMs: number;
  /** Worst cumulative layout shift over the loads (0 = nothing moved). */
  layoutShift: number;
  /** Bubble assets Chromium reported as render-blocking (Resource Timing renderBlockingStatus). */
  blockingAssets: string[];
}

const LOADS = 5;

// Runs in the page before any of its scripts.
const OBSERVE = () => {
  const w = window as unknown as { __cls: number; __launcherAt?: number };
  w.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.__cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new MutationObserver((_records, observer) => {
    if (document.querySelector("button.nwsc-launcher")) {
      w.__launcherAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

export async function benchPage(): Promise<PageFigures> {
  const [demo, browser] = await Promise.all([startBenchDemo(), launchChromium()]);
  try {
    const times: number[] = [];
    let layoutShift = 0;
    const blocking = new Set<string>();
    for (let load = 0; load <= LOADS; load++) {
      const page = await newPage(browser);
      await page.addInitScript(OBSERVE);
      await page.goto(`${demo.url}/`, { waitUntil: "load" });
      await page.locator("button.nwsc-launcher").waitFor();
      await page.waitForTimeout(500); // late shifts, if any, are counted too
      const measured = await page.evaluate(() => {
        const w = window as unknown as { __cls: number; __launcherAt?: number };
        const assets = (
          performance.getEntriesByType("resource") as (PerformanceResourceTiming & { renderBlockingStatus?: string })[]
        ).filter((e) => e.name.includes("chat-bubble"));
        const script = assets.find((e) => e.name.includes(".js"));
        return {
          interactive: script && w.__launcherAt !== undefined ? w.__launcherAt - script.responseStart : NaN,
          cls: w.__cls,
          blocking: assets.filter((e) => e.renderBlockingStatus === "blocking").map((e) => new URL(e.name).pathname),
        };
      });
      await page.close();
      if (load === 0) continue; // the first load fills the server's and the browser's caches
      times.push(measured.interactive);
      layoutShift = Math.max(layoutShift, measured.cls);
      for (const asset of measured.blocking) blocking.add(asset);
    }
    times.sort((a, b) => a - b);
    return {
      firstByteToInteractiveMs: times[Math.floor(times.length / 2)],
      layoutShift,
      blockingAssets: [...blocking],
    };
  } finally {
    await browser.close();
    await demo.stop();
  }
}
