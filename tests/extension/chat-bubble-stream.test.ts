/**
 * The bubble's streamed replies (SSE, app/chat/protocol.ts) in a real browser: the rendered block on a
 * loopback page, and a tiny loopback "app proxy" that answers POST /apps/support/messages with an SSE
 * stream cut into chunks mid-line, mid-CRLF and mid-UTF-8 character — or with plain JSON, the fallback.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { json, openBubble, readJsonBody, startBubblePage, type BubblePage } from "../helpers/bubble-page";

type Sent = { accept: string; body: { clientMessageId?: string; conversationId?: string; text: string } };
type Handler = (res: ServerResponse, sent: Sent) => Promise<void> | void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sent: Sent[] = [];
const feedbackAccept: string[] = [];
let handlers: Handler[] = [];
let storefront: BubblePage;
let browser: Browser;
let page: Page;
let pageErrors: string[];

const reply = (id: string, text: string) => ({
  conversationId: "conv-1",
  shopperMessage: { id: `shopper-${id}`, role: "shopper", text: "…", createdAt: new Date().toISOString() },
  reply: {
    id,
    role: "bot",
    text,
    createdAt: new Date().toISOString(),
    products: [{ title: "Crème Kettle", price: "$42.00", url: "/products/creme-kettle", available: true }],
    quickReplies: ["Track my order", "Talk to a person"],
    feedback: null, // a reply the shopper can rate (protocol.ts)
  },
});

/** Cut `bytes` at the given (ascending) byte offsets. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  expect(at).toEqual([...at].sort((a, b) => a - b));
  return [0, ...at].map((start, i) => bytes.subarray(start, i < at.length ? at[i] : bytes.length));
}

function startSse(res: ServerResponse) {
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
  res.flushHeaders();
}
async function writeChunks(res: ServerResponse, chunks: Buffer[]) {
  for (const chunk of chunks) {
    res.write(chunk);
    await sleep(40); // lets each chunk reach the page as its own read
  }
}
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** The stand-in app proxy. */
async function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method === "POST" && url.pathname === "/apps/support/messages") {
    const s: Sent = { accept: String(req.headers.accept), body: await readJsonBody<Sent["body"]>(req) };
    sent.push(s);
    const next = handlers.shift();
    if (!next) return json(res, 500, { error: { code: "unexpected", message: "No handler queued." } });
    await next(res, s);
    if (!res.writableEnded) res.end();
    return;
  }
  if (req.method === "POST" && url.pathname === "/apps/support/feedback") {
    feedbackAccept.push(String(req.headers.accept));
    return json(res, 200, { ok: true });
  }
}

beforeAll(async () => {
  [storefront, browser] = await Promise.all([startBubblePage(handle), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

beforeEach(async () => {
  sent.length = 0;
  feedbackAccept.length = 0;
  handlers = [];
  ({ page, pageErrors } = await openBubble(browser, storefront));
  return async () => {
    expect(pageErrors).toEqual([]);
    await page.context().close();
  };
});

async function ask(text: string) {
  await page.locator("textarea.nwsc-input").fill(text);
  await page.keyboard.press("Enter");
}
const textOf = (selector: string) => page.locator(selector).evaluate((el) => el.textContent);

/** The final reply is rendered exactly like a JSON one. */
async function expectFinalReply(id: string, text: string) {
  const bot = page.locator(`.nwsc-msg--bot[data-id="${id}"]`);
  await bot.waitFor({ timeout: 10_000 });
  expect(await bot.locator(".nwsc-bubble").evaluate((el) => el.textContent)).toBe(text);
  await expect
    .poll(() => bot.locator(".nwsc-bubble a").getAttribute("href"))
    .toBe("https://shop.example.test/pages/shipping");
  expect(await bot.locator(".nwsc-product-title").textContent()).toBe("Crème Kettle");
  expect(await bot.locator(".nwsc-quick button").allTextContents()).toEqual(["Track my order", "Talk to a person"]);
  expect(await bot.locator(".nwsc-feedback button").count()).toBe(2);
  expect(await page.locator(".nwsc-msg--streaming, .nwsc-typing, .nwsc-error, [aria-busy]").count()).toBe(0);
  expect(await page.locator(".nwsc-msg--shopper").last().getAttribute("class")).toBe("nwsc-msg nwsc-msg--shopper");
  expect(await page.locator(".nwsc-msg--shopper").last().getAttribute("data-id")).toBe(`shopper-${id}`);
}

const FINAL = "Crème brûlée ships in 2 days 🚚 — see https://shop.example.test/pages/shipping";

describe("chat bubble: streamed replies", () => {
  it("grows a reply from SSE deltas split anywhere, then finalises it from the `message` event", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    handlers.push(async (res) => {
      startSse(res);
      const head = Buffer.from(
        ": keep-alive comment\n\n" +
          'event: delta\ndata: {"text":"Crème brûlée "}\n\n' +
          'event: delta\r\ndata: {"text":"ships in 2 days 🚚"}\r\n\r\n' +
          // Multi-line data is joined with \n (JSON whitespace here); the text itself holds a newline and markup.
          'event: delta\ndata: {"text":\ndata: " <b>not bold</b>\\nline two"}\n\n' +
          'event: ping\ndata: {"text":"ignored"}\n\n',
      );
      const at = (s: string, plus: number, from = 0) => head.indexOf(Buffer.from(s), from) + plus;
      const chunks = cut(head, [
        at("event: delta", 9), //                 mid field name
        at("è", 1), //                            inside a 2-byte character
        at("û", 1),
        at("\r\n", 1), //                         between CR and LF
        at("🚚", 1), //                           inside a 4-byte character, twice
        at("🚚", 3),
        at("\r\n\r\n", 3), //                     inside the blank line
        at('data: " <b>', 3), //                 mid second data line
      ]);
      expect(chunks.length).toBe(9);
      await writeChunks(res, chunks);
      await gate;
      const tail = Buffer.from(frame("message", reply("bot-1", FINAL)));
      await writeChunks(res, cut(tail, [tail.indexOf(Buffer.from("è")) + 1, tail.length - 1]));
    });

    await ask("When does the crème brûlée ship?");
    const streaming = page.locator(".nwsc-msg--streaming");
    const grown = "Crème brûlée ships in 2 days 🚚 <b>not bold</b>\nline two";
    await expect
      .poll(() => streaming.locator(".nwsc-bubble").evaluate((el) => el.textContent), { timeout: 10_000 })
      .toBe(grown);
    expect(await streaming.getAttribute("aria-busy")).toBe("true");
    expect(await streaming.locator("b").count()).toBe(0); // text, never HTML
    expect(await page.locator(".nwsc-typing").count()).toBe(0); // the growing reply replaced the dots
    expect(await page.locator(".nwsc-msg--bot:not(.nwsc-msg--greeting)").count()).toBe(0); // not a reply yet

    release();
    await expectFinalReply("bot-1", FINAL);
    expect(sent).toHaveLength(1);
    expect(sent[0].accept).toBe("text/event-stream, application/json");
    expect(sent[0].body.text).toBe("When does the crème brûlée ship?");
  });

  it("still takes a plain JSON reply (the fallback the server may always use)", async () => {
    handlers.push((res) => json(res, 200, reply("bot-2", FINAL)));
    await ask("Shipping?");
    await expectFinalReply("bot-2", FINAL);
    expect(sent[0].accept).toBe("text/event-stream, application/json");
    // Other endpoints still ask for JSON only.
    await page.locator('.nwsc-msg--bot[data-id="bot-2"] .nwsc-fb-up').click();
    await expect.poll(() => feedbackAccept).toEqual(["application/json"]);
    expect(await page.locator(".nwsc-fb-up").getAttribute("aria-pressed")).toBe("true");
  });

  it("an `error` event mid-stream shows the inline error; Retry resends the same clientMessageId", async () => {
    handlers.push(async (res) => {
      startSse(res);
      await writeChunks(res, [
        Buffer.from(frame("delta", { text: "Let me che" })),
        Buffer.from(frame("error", { error: { code: "model_unavailable", message: "The assistant is busy." } })),
      ]);
    });
    handlers.push(async (res) => {
      startSse(res);
      await writeChunks(res, [
        Buffer.from(frame("delta", { text: "Crème" })),
        Buffer.from(frame("message", reply("bot-3", FINAL))),
      ]);
    });
    await ask("Shipping?");
    await page.locator(".nwsc-error").waitFor({ timeout: 10_000 });
    expect(await textOf(".nwsc-error span")).toBe("The assistant is busy.");
    expect(await page.locator(".nwsc-msg--streaming, .nwsc-typing").count()).toBe(0); // the partial reply is gone
    expect(await page.locator(".nwsc-msg--shopper").last().getAttribute("class")).toContain("nwsc-msg--failed");

    await page.locator("button.nwsc-retry").click();
    await expectFinalReply("bot-3", FINAL);
    expect(sent).toHaveLength(2);
    expect(sent[1].body.clientMessageId).toBe(sent[0].body.clientMessageId);
    expect(sent[1].body.text).toBe("Shipping?");
  });

  it("a stream that ends without `message` (or whose last frame is unterminated) is an error; Retry can get JSON", async () => {
    handlers.push(async (res) => {
      startSse(res);
      await writeChunks(res, [
        Buffer.from(frame("delta", { text: "Half a rep" })),
        Buffer.from(frame("message", reply("bot-x", FINAL)).trimEnd()),
      ]);
    });
    handlers.push((res) => json(res, 200, reply("bot-4", FINAL)));
    await ask("Shipping?");
    await page.locator(".nwsc-error").waitFor({ timeout: 10_000 });
    expect(await textOf(".nwsc-error span")).toBe("Something went wrong. Please try again.");
    expect(await page.locator(".nwsc-msg--streaming, .nwsc-typing, .nwsc-msg--bot[data-id]").count()).toBe(0);

    await page.locator("button.nwsc-retry").click();
    await expectFinalReply("bot-4", FINAL);
    expect(sent[1].body.clientMessageId).toBe(sent[0].body.clientMessageId);
  });
});
