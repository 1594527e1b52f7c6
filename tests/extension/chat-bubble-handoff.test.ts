/**
 * The bubble's hand-off and CSAT behaviour (app/chat/protocol.ts) in a real browser against a tiny
 * loopback "app proxy": the team's reply rendered as such, gentle polling while a hand-off waits
 * (only while the panel is open and the page visible), and the end-of-conversation survey.
 * Time is Playwright's fake clock, so a 20 s poll is a `runFor`, not a wait.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { askBubble, launchChromium } from "../helpers/browser";
import { json, openBubble, readJsonBody, startBubblePage, type BubblePage } from "../helpers/bubble-page";

type Json = Record<string, any>;
const CONV = "conv-handoff-0000000001";
const at = () => new Date().toISOString();
const msg = (id: string, role: string, text: string) => ({
  id,
  role,
  text,
  createdAt: at(),
  ...(role === "bot" ? { feedback: null } : {}),
});

let storefront: BubblePage;
let browser: Browser;
let page: Page;
let pageErrors: string[];
/** What GET /conversation answers now. */
let conversation: Json;
let conversationGets = 0;
let messageReplies: Json[] = [];
const csatPosts: Json[] = [];
let csatFailures = 0;

/** The stand-in app proxy. */
async function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method === "POST" && url.pathname === "/apps/support/messages") {
    const body = await readJsonBody(req);
    const next = messageReplies.shift();
    if (!next) return json(res, 500, { error: { code: "unexpected", message: "No reply queued." } });
    return json(res, 200, {
      conversationId: CONV,
      shopperMessage: msg(`s-${body.clientMessageId}`, "shopper", body.text),
      ...next,
    });
  }
  if (req.method === "GET" && url.pathname === "/apps/support/conversation") {
    conversationGets++;
    expect(url.searchParams.get("conversationId")).toBe(CONV);
    return json(res, 200, { conversationId: CONV, ...conversation });
  }
  if (req.method === "POST" && url.pathname === "/apps/support/csat") {
    csatPosts.push(await readJsonBody(req));
    if (csatFailures > 0) {
      csatFailures--;
      return json(res, 503, { error: { code: "unavailable", message: "Please try again in a moment." } });
    }
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
  conversation = { messages: [] };
  conversationGets = 0;
  messageReplies = [];
  csatPosts.length = 0;
  csatFailures = 0;
  ({ page, pageErrors } = await openBubble(browser, storefront, { fakeClock: true }));
  return async () => {
    expect(pageErrors).toEqual([]);
    await page.context().close();
  };
});

const ask = (text: string) => askBubble(page, text, 10_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Twenty seconds pass on the page's clock; a request they trigger has time to arrive. */
async function wait20s() {
  await page.clock.runFor(20_000);
  await sleep(300);
}

const HANDOFF_REPLY = msg("b-1", "bot", "I'm passing this conversation to a person on our team.");
const TEAM_REPLY = msg(
  "a-1",
  "agent",
  "Hi, this is Sam from the shop. Your order ships tomorrow: https://shop.example.test/track",
);

describe("chat bubble: the team's reply to a hand-off", () => {
  it("polls every 20 s while the hand-off waits, renders the reply labelled as the team's, then stops", async () => {
    messageReplies.push({ reply: HANDOFF_REPLY, awaitingTeam: true });
    await ask("I want to talk to a person");
    const shopper = await page.locator(".nwsc-msg--shopper").getAttribute("data-id");
    conversation = {
      messages: [msg(shopper!, "shopper", "I want to talk to a person"), HANDOFF_REPLY],
      awaitingTeam: true,
    };

    await wait20s();
    await expect.poll(() => conversationGets).toBe(1);
    await sleep(200);
    expect(await page.locator(".nwsc-msg--agent").count()).toBe(0);
    expect(await page.locator(".nwsc-msg").count()).toBe(3); // greeting, shopper, bot: nothing drawn twice

    conversation = { messages: [...conversation.messages, TEAM_REPLY], endOfConversation: true };
    await wait20s();
    await expect.poll(() => conversationGets).toBe(2);
    const team = page.locator(".nwsc-msg--agent");
    await team.waitFor();
    expect(await team.getAttribute("data-id")).toBe("a-1");
    expect(await team.locator(".nwsc-from").textContent()).toBe("Team");
    expect(await team.locator(".nwsc-bubble").textContent()).toBe(TEAM_REPLY.text);
    expect(await team.locator(".nwsc-bubble a").getAttribute("href")).toBe("https://shop.example.test/track");
    expect(await team.locator(".nwsc-feedback").count()).toBe(0); // thumbs are for the bot
    expect(await page.locator(".nwsc-msg--shopper, .nwsc-msg--bot:not(.nwsc-msg--greeting)").count()).toBe(2);
    await page.locator(".nwsc-csat").waitFor(); // the team answered: how did we do?

    await wait20s();
    await wait20s();
    expect(conversationGets).toBe(2); // answered: no more polling
  });

  it("doesn't poll while the panel is closed or the page is hidden, nor without a waiting hand-off", async () => {
    messageReplies.push({ reply: msg("b-0", "bot", "Our return window is 30 days.") });
    await ask("What is your return policy?");
    await wait20s();
    expect(conversationGets).toBe(0);

    messageReplies.push({ reply: HANDOFF_REPLY, awaitingTeam: true });
    await ask("Can I talk to a person?");
    conversation = { messages: [], awaitingTeam: true };
    await page.locator("button.nwsc-close").click();
    await wait20s();
    await wait20s();
    expect(conversationGets).toBe(0);

    await page.locator("button.nwsc-launcher").click();
    await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => true }));
    await wait20s();
    expect(conversationGets).toBe(0);
    await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => false }));
    await wait20s();
    await expect.poll(() => conversationGets).toBe(1);
  });

  it("shows the team's reply and the survey when the shopper comes back (page load)", async () => {
    messageReplies.push({ reply: HANDOFF_REPLY, awaitingTeam: true });
    await ask("I want to talk to a person");
    conversation = {
      messages: [msg("s-1", "shopper", "I want to talk to a person"), HANDOFF_REPLY, TEAM_REPLY],
      endOfConversation: true,
    };
    await page.reload();
    await page.locator(".nwsc-msg--agent").waitFor({ timeout: 10_000 }); // the panel reopens by itself
    expect(await page.locator(".nwsc-msg--agent .nwsc-from").textContent()).toBe("Team");
    expect(await page.locator(".nwsc-csat").count()).toBe(1);
    expect(conversationGets).toBe(1);
  });
});

describe("chat bubble: the end-of-conversation survey", () => {
  it("asks 'How did we do?' with 1–5 star radios and an optional comment, and posts it", async () => {
    messageReplies.push({ reply: msg("b-9", "bot", "You're welcome! Have a great day."), endOfConversation: true });
    await ask("thanks, bye!");
    const form = page.locator("form.nwsc-csat");
    await form.waitFor();
    expect(await form.locator("legend").textContent()).toBe("How did we do?");
    const radios = form.getByRole("radio");
    expect(await radios.count()).toBe(5);
    for (let n = 1; n <= 5; n++) expect(await form.getByRole("radio", { name: `${n} of 5 stars` }).count()).toBe(1);
    expect(await form.getByRole("group", { name: "How did we do?" }).count()).toBe(1);

    // No rating yet: the form doesn't send.
    await form.getByRole("button", { name: "Send" }).click();
    await sleep(300);
    expect(csatPosts).toHaveLength(0);

    // Keyboard: focus the first star, arrow to the fourth.
    await radios.first().focus();
    await page.keyboard.press("Space");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await form.getByRole("radio", { name: "4 of 5 stars" }).isChecked()).toBe(true);
    expect(await form.locator("label.nwsc-on").count()).toBe(4);

    await form.getByRole("textbox", { name: "Anything else? (optional)" }).fill("  Quick answers <b>thanks</b>  ");
    csatFailures = 1;
    await form.getByRole("button", { name: "Send" }).click();
    await page.locator(".nwsc-error").waitFor();
    expect(await page.locator(".nwsc-error span").textContent()).toBe("Please try again in a moment.");
    await page.locator("button.nwsc-retry", { hasText: "Retry" }).click();
    await page.getByText("Thanks for your feedback!").waitFor();
    expect(csatPosts).toEqual([
      { conversationId: CONV, rating: 4, comment: "Quick answers <b>thanks</b>" },
      { conversationId: CONV, rating: 4, comment: "Quick answers <b>thanks</b>" },
    ]);
    expect(await page.locator("form.nwsc-csat").count()).toBe(0);
  });

  it("a rating without a comment sends none; continuing the conversation drops an unanswered survey", async () => {
    messageReplies.push({ reply: msg("b-1", "bot", "Bye!"), endOfConversation: true });
    await ask("bye");
    await page.locator("form.nwsc-csat").waitFor();
    messageReplies.push({ reply: msg("b-2", "bot", "Sure, what else?") });
    await ask("oh wait, one more thing");
    expect(await page.locator("form.nwsc-csat").count()).toBe(0);

    messageReplies.push({ reply: msg("b-3", "bot", "Goodbye!"), endOfConversation: true });
    await ask("ok thanks bye");
    expect(await page.locator("form.nwsc-csat").count()).toBe(1);
    await page.locator("form.nwsc-csat label").nth(4).click();
    await page.locator("form.nwsc-csat").getByRole("button", { name: "Send" }).click();
    await page.getByText("Thanks for your feedback!").waitFor();
    expect(csatPosts).toEqual([{ conversationId: CONV, rating: 5 }]);
  });
});
