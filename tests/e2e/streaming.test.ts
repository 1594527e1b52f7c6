/**
 * GPT-4 mode end to end: the demo app talks to a local OpenAI-compatible server through the real
 * `openai` client, and the streamed reply reaches the bubble in Chromium over SSE.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, newPage } from "../helpers/browser";
import { startDemo, type RunningDemo } from "../helpers/demo-process";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai";

let fake: FakeOpenAI;
let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-demo-test" });
  [demo, browser] = await Promise.all([
    startDemo({
      OPENAI_API_KEY: "sk-demo-test",
      OPENAI_BASE_URL: fake.baseURL,
      CHAT_ENGINE: "openai",
      OPENAI_MAX_RETRIES: "0",
    }),
    launchChromium(),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await fake?.close();
});

describe("streaming replies from the model", () => {
  it("streams the model's reply into the bubble over SSE", async () => {
    const reply = "Hello! I'm happy to help with orders, products and returns. What can I do for you today?";
    fake.enqueue(
      {
        type: "json",
        value: {
          intent: "greeting",
          confidence: 0.97,
          language: "en",
          entities: { order_number: null, email: null, product: null, quantity: null, size: null, color: null },
        },
      },
      { type: "message", content: reply },
    );
    const page = await newPage(browser);
    const contentTypes: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/apps/support/messages"))
        contentTypes.push(response.headers()["content-type"] ?? "");
    });
    await page.goto(`${demo.url}/`);
    await page.locator("button.nwsc-launcher").click();
    await page.locator("textarea.nwsc-input").fill("hey there, anyone around?");
    await page.keyboard.press("Enter");
    const bot = page.locator(".nwsc-msg--bot").nth(1);
    await bot.waitFor({ timeout: 15_000 });
    expect((await bot.innerText()).trim()).toContain(reply);
    expect(contentTypes[0]).toMatch(/text\/event-stream/);
    expect(fake.requests.at(-1)?.body.stream).toBe(true);
    await page.close();
  });
});
