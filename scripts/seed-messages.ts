/**
 * Seed a database with a realistic volume of chat history for one shop, then time each dashboard
 * query and the conversations list against it.
 *
 *   npx tsx scripts/seed-messages.ts                      100,000 messages into a fresh temp SQLite file
 *   DATABASE_URL=file:/tmp/big.sqlite npx tsx scripts/seed-messages.ts --messages 100000 --shop my-shop.myshopify.com
 *   npx tsx scripts/seed-messages.ts --time-only          time the queries on DATABASE_URL, no seeding
 *
 * Options: --messages N (default 100000), --shop DOMAIN (default the demo shop, so `npm run demo`
 * on the same DATABASE_URL shows the data), --days D (history spread, default 90), --seed S
 * (random seed, default 1), --reset (delete the shop's conversations first), --time-only.
 * The database is migrated first (prisma migrate deploy). Rows are written with createMany in batches.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../app/db.server";
import { DASHBOARD_QUERIES, dashboardFigures, PERIOD_DAYS, periodOf } from "../app/admin/analytics.server";
import { listConversations } from "../app/admin/conversations.server";
import { estimateCostUsd } from "../app/llm/pricing";
import { mulberry32 } from "../app/chat/intent/linear-model";
import { migrateDatabase } from "./postgres-migrate";

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "100000" },
    shop: { type: "string", default: "northwind-outfitters.myshopify.com" },
    days: { type: "string", default: "90" },
    seed: { type: "string", default: "1" },
    reset: { type: "boolean", default: false },
    "time-only": { type: "boolean", default: false },
  },
});

const TOTAL = Math.max(2, Number(args.messages) || 100_000);
const SHOP = args.shop!;
const DAYS = Math.max(1, Number(args.days) || 90);
const BATCH = 2_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- deterministic randomness
const random = mulberry32(Number(args.seed) || 1);
const between = (min: number, max: number) => min + random() * (max - min);
const int = (min: number, max: number) => Math.floor(between(min, max + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
function weighted<T extends string>(weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((roll -= w) < 0) return key;
  return entries[entries.length - 1][0];
}
/** Log-normal around a median, for latencies. */
const logNormal = (median: number, spread: number) => Math.round(median * Math.exp(spread * gaussian()));
function gaussian(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

// ---------------------------------------------------------------- what shoppers ask
const INTENT_WEIGHTS = {
  track_order: 26,
  return_policy: 8,
  product_search: 8,
  product_info: 8,
  shipping_options: 7,
  return_item: 6,
  refund_status: 5,
  cancel_order: 4,
  change_shipping_address: 3,
  discount_code: 3,
  payment_methods: 2,
  payment_issue: 2,
  get_invoice: 2,
  account_help: 2,
  exchange_item: 2,
  change_order: 2,
  complaint: 2,
  human_agent: 2,
  greeting: 3,
  thanks_goodbye: 3,
  out_of_scope: 5,
} as const;
type SeedIntent = keyof typeof INTENT_WEIGHTS;

const NAMES = [
  "hannah.brooks",
  "li.wei",
  "maria.garcia",
  "sam.okafor",
  "jo.schmidt",
  "priya.nair",
  "tom.haddad",
  "ana.silva",
];
const PRODUCTS = ["trail runner", "rain shell", "merino hoodie", "canvas tote", "down vest", "hiking sock"];
const order = () => `#${int(1001, 1400)}`;
const email = () => `${pick(NAMES)}${int(1, 99)}@example.com`;
const TEXTS: Record<SeedIntent, (() => string)[]> = {
  track_order: [
    () => `Where is my order ${order()}? my email is ${email()}`,
    () => `has ${order()} shipped yet`,
    () => `tracking for order ${order()} please`,
  ],
  return_policy: [() => "What is your return policy?", () => "how many days do I have to return something"],
  product_search: [() => `do you have a ${pick(PRODUCTS)} in blue`, () => `looking for a ${pick(PRODUCTS)} under $80`],
  product_info: [() => `what is the ${pick(PRODUCTS)} made of`, () => `does the ${pick(PRODUCTS)} run small?`],
  shipping_options: [() => "do you ship to Canada?", () => "how long does express shipping take"],
  return_item: [() => `I want to return the ${pick(PRODUCTS)} from ${order()}`, () => `start a return for ${order()}`],
  refund_status: [() => `when will I get my refund for ${order()}`, () => "still waiting on my refund"],
  cancel_order: [() => `Please cancel order ${order()}`, () => `cancel ${order()} I ordered the wrong size`],
  change_shipping_address: [
    () => `change the address on ${order()}`,
    () => "I moved, can you update my shipping address",
  ],
  discount_code: [() => "do you have a discount code?", () => "my code WELCOME10 doesn't work"],
  payment_methods: [() => "can I pay with PayPal?", () => "do you take Apple Pay"],
  payment_issue: [() => "my card was charged twice", () => "payment keeps failing at checkout"],
  get_invoice: [() => `can I get an invoice for ${order()}`, () => `VAT invoice for ${order()} to ${email()}`],
  account_help: [() => "I can't log in to my account", () => "how do I reset my password"],
  exchange_item: [
    () => `exchange the ${pick(PRODUCTS)} for a larger size`,
    () => `swap ${order()} for a different color`,
  ],
  change_order: [() => `add a ${pick(PRODUCTS)} to ${order()}`, () => `change the size on ${order()}`],
  complaint: [
    () => `the ${pick(PRODUCTS)} arrived damaged, not happy`,
    () => "this is the second time my order is late",
  ],
  human_agent: [() => "I want to talk to a person", () => "agent please"],
  greeting: [() => "hi", () => "hello there"],
  thanks_goodbye: [() => "thanks, that's all", () => "great, bye!"],
  out_of_scope: [() => "what's the weather tomorrow", () => "can you write me a poem", () => "asdfgh"],
};
const REPLY = (intent: SeedIntent) => `(${intent.replace(/_/g, " ")}) Here is what I found for you.`;
const TICKET_KIND: Partial<Record<SeedIntent, string>> = {
  human_agent: "handoff",
  complaint: "complaint",
  cancel_order: "cancel_request",
  return_item: "return_request",
  change_shipping_address: "address_request",
  get_invoice: "invoice_request",
  change_order: "change_request",
};
const FALLBACK_NOTES = [
  "fallback: openai timeout",
  "fallback: openai 429 after retries",
  "fallback: circuit open after repeated model failures",
];

// ---------------------------------------------------------------- database
function databaseUrl(): string {
  if (process.env.DATABASE_URL?.trim()) return process.env.DATABASE_URL;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "support-chat-seed-")), "seed.sqlite");
  return `file:${file}`;
}

type ConversationRow = {
  id: string;
  shop: string;
  customerId: string | null;
  status: string;
  resolvedAt: Date | null;
  csat: number | null;
  csatComment: string | null;
  state: string;
  messageCount: number;
  createdAt: Date;
  lastMessageAt: Date;
};
type MessageRow = {
  id: string;
  shop: string;
  conversationId: string;
  role: string;
  text: string;
  replyToId: string | null;
  intent: string | null;
  confidence: number | null;
  correctedIntent: string | null;
  engine: string | null;
  engineNote: string | null;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  createdAt: Date;
};
type FeedbackRow = {
  id: string;
  shop: string;
  messageId: string;
  conversationId: string;
  rating: string;
  createdAt: Date;
  updatedAt: Date;
};
type TicketRow = {
  id: string;
  shop: string;
  conversationId: string;
  kind: string;
  status: string;
  summary: string;
  orderNumber: string | null;
  contactEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
};

async function seed(
  db: Db,
): Promise<{ conversations: number; messages: number; feedback: number; tickets: number; ms: number }> {
  const started = performance.now();
  const run = Date.now().toString(36);
  const now = Date.now();
  let sequence = 0;
  const nextId = (kind: string) => `seed${kind}${run}${(sequence++).toString(36).padStart(7, "0")}`;

  const conversations: ConversationRow[] = [];
  let messages: MessageRow[] = [];
  let feedback: FeedbackRow[] = [];
  let tickets: TicketRow[] = [];
  const counts = { conversations: 0, messages: 0, feedback: 0, tickets: 0 };

  const flush = async (final = false) => {
    if (conversations.length >= BATCH || final) {
      // Conversations first: messages, feedback and tickets reference them.
      for (let i = 0; i < conversations.length; i += BATCH)
        await db.conversation.createMany({ data: conversations.slice(i, i + BATCH) });
      counts.conversations += conversations.length;
      conversations.length = 0;
      for (let i = 0; i < messages.length; i += BATCH)
        await db.message.createMany({ data: messages.slice(i, i + BATCH) });
      for (let i = 0; i < feedback.length; i += BATCH)
        await db.feedback.createMany({ data: feedback.slice(i, i + BATCH) });
      for (let i = 0; i < tickets.length; i += BATCH)
        await db.handoffTicket.createMany({ data: tickets.slice(i, i + BATCH) });
      counts.messages += messages.length;
      counts.feedback += feedback.length;
      counts.tickets += tickets.length;
      messages = [];
      feedback = [];
      tickets = [];
      process.stdout.write(`\r  ${counts.messages.toLocaleString()} messages written`);
    }
  };

  let remaining = TOTAL;
  while (remaining > 0) {
    // More traffic recently, and less at weekends.
    let startAt = now - Math.pow(random(), 0.8) * DAYS * DAY_MS;
    const weekday = new Date(startAt).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random() < 0.3) startAt = now - random() * DAYS * DAY_MS;
    const id = nextId("c");
    const turns = Math.min(Math.ceil(remaining / 2), 1 + Math.floor(-Math.log(1 - random()) * 2.2));
    const customerId = random() < 0.35 ? `gid://shopify/Customer/${int(7000000000, 7000009999)}` : null;
    let at = startAt;
    let handedOff = false;
    let rated = false;
    let count = 0;
    let firstIntent: SeedIntent | null = null;
    for (let turn = 0; turn < turns && remaining > 0; turn++) {
      const intent: SeedIntent =
        turn === turns - 1 && turns > 1 && random() < 0.35 ? "thanks_goodbye" : weighted(INTENT_WEIGHTS);
      firstIntent ??= intent;
      const confidence = intent === "out_of_scope" ? between(0.05, 0.55) : between(0.55, 0.99);
      const engine = weighted({ local: 70, openai: 29, none: 1 });
      const note =
        engine === "none"
          ? "store unavailable"
          : engine === "local" && random() < 0.03
            ? pick(FALLBACK_NOTES)
            : engine === "local"
              ? "local mode"
              : "hybrid: local confidence below 0.75";
      const answered = engine !== "none";
      const corrected =
        intent === "out_of_scope" && random() < 0.1
          ? pick(["product_info", "shipping_options", "discount_code"])
          : null;
      const shopperId = nextId("m");
      at += int(5_000, 120_000);
      messages.push({
        id: shopperId,
        shop: SHOP,
        conversationId: id,
        role: "shopper",
        text: pick(TEXTS[intent])(),
        replyToId: null,
        intent: answered ? intent : null,
        confidence: answered ? confidence : null,
        correctedIntent: corrected,
        engine,
        engineNote: null,
        latencyMs: null,
        promptTokens: null,
        completionTokens: null,
        costUsd: null,
        createdAt: new Date(at),
      });
      remaining--;
      count++;
      if (remaining === 0) break;
      const latencyMs =
        engine === "openai" ? logNormal(1_700, 0.45) : engine === "none" ? int(3, 30) : logNormal(35, 0.6);
      const usage = engine === "openai" ? { promptTokens: int(600, 2_200), completionTokens: int(40, 260) } : null;
      const botId = nextId("m");
      at += latencyMs;
      messages.push({
        id: botId,
        shop: SHOP,
        conversationId: id,
        role: "bot",
        text: answered ? REPLY(intent) : "Sorry, I can't reach the store's records right now.",
        replyToId: shopperId,
        intent: answered ? intent : null,
        confidence: answered ? confidence : null,
        correctedIntent: null,
        engine,
        engineNote: note,
        latencyMs,
        promptTokens: usage?.promptTokens ?? null,
        completionTokens: usage?.completionTokens ?? null,
        costUsd: usage ? estimateCostUsd("gpt-4.1-mini", usage) : null,
        createdAt: new Date(at),
      });
      remaining--;
      count++;
      if (random() < 0.12) {
        const bad = intent === "out_of_scope" || note.startsWith("fallback") || engine === "none";
        const rating = random() < (bad ? 0.6 : 0.15) ? "down" : "up";
        rated ||= rating === "down";
        const ratedAt = new Date(at + int(2_000, 60_000));
        feedback.push({
          id: nextId("f"),
          shop: SHOP,
          messageId: botId,
          conversationId: id,
          rating,
          createdAt: ratedAt,
          updatedAt: ratedAt,
        });
      }
      const kind = TICKET_KIND[intent];
      if (kind && !handedOff && (kind === "handoff" || kind === "complaint" || random() < 0.3)) {
        handedOff = true;
        const age = now - at;
        const ticketAt = new Date(at);
        tickets.push({
          id: nextId("t"),
          shop: SHOP,
          conversationId: id,
          kind,
          status: age > 3 * DAY_MS ? "closed" : age > DAY_MS ? pick(["open", "replied"]) : "open",
          summary: `Shopper asked: ${intent.replace(/_/g, " ")}`,
          orderNumber: random() < 0.6 ? order() : null,
          contactEmail: random() < 0.5 ? email() : null,
          createdAt: ticketAt,
          updatedAt: ticketAt,
        });
      }
    }
    const idle = now - at > DAY_MS;
    const resolved = !handedOff && (idle ? random() < 0.5 : random() < 0.15);
    const csat = resolved && random() < 0.3 ? weighted({ "5": 50, "4": 25, "3": 12, "2": 6, "1": 7 }) : null;
    conversations.push({
      id,
      shop: SHOP,
      customerId,
      status: handedOff ? "handoff" : resolved ? "resolved" : "open",
      resolvedAt: resolved ? new Date(at + 60_000) : null,
      csat: csat ? Number(csat) : null,
      csatComment: csat && rated ? "The bot didn't get my question" : null,
      state: JSON.stringify({ lastIntent: firstIntent }),
      messageCount: count,
      createdAt: new Date(startAt),
      lastMessageAt: new Date(at),
    });
    await flush();
  }
  await flush(true);
  process.stdout.write("\n");
  return { ...counts, ms: performance.now() - started };
}

// ---------------------------------------------------------------- timings
async function time<T>(fn: () => Promise<T>, runs = 5): Promise<{ first: number; median: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], result };
}

const row = (name: string, t: { first: number; median: number }, note = "") =>
  console.log(
    `  ${name.padEnd(38)} ${t.first.toFixed(1).padStart(8)} ms ${t.median.toFixed(1).padStart(8)} ms  ${note}`,
  );

async function timeQueries(db: Db): Promise<void> {
  console.log(`\nQuery timings for ${SHOP} (first run, median of 5):`);
  for (const days of PERIOD_DAYS) {
    const period = periodOf(days);
    console.log(`\n Dashboard, last ${days} days`);
    for (const [name, query] of Object.entries(DASHBOARD_QUERIES)) row(name, await time(() => query(db, SHOP, period)));
    const all = await time(() => dashboardFigures(db, SHOP, period));
    row(
      "all figures (as the page loads them)",
      all,
      `${all.result.volume.conversations} conversations, ${all.result.volume.messages} messages`,
    );
  }
  console.log("\n Conversations list (25 per page, with total count)");
  const first = await time(() => listConversations(db, SHOP, {}));
  row("first page", first, `${first.result.total} conversations`);
  const lastId = first.result.rows.at(-1)?.id;
  if (lastId) row("next page (keyset cursor)", await time(() => listConversations(db, SHOP, { after: lastId })));
  const search = await time(() => listConversations(db, SHOP, { search: "#1042" }));
  row('search "#1042"', search, `${search.result.total} matches`);
  const emailSearch = await time(() => listConversations(db, SHOP, { search: "hannah.brooks1@" }));
  row('search "hannah.brooks1@"', emailSearch, `${emailSearch.result.total} matches`);
  const intent = await time(() => listConversations(db, SHOP, { intent: "cancel_order" }));
  row("intent = cancel_order", intent, `${intent.result.total} matches`);
  const low = await time(() => listConversations(db, SHOP, { lowConfidence: true }));
  row("low confidence", low, `${low.result.total} matches`);
  const down = await time(() => listConversations(db, SHOP, { rating: "down", handoff: false }));
  row("thumbs down, not handed off", down, `${down.result.total} matches`);
  const engine = await time(() =>
    listConversations(db, SHOP, {
      engine: "openai",
      from: new Date(Date.now() - 6 * DAY_MS).toISOString().slice(0, 10),
    }),
  );
  row("engine openai, last 7 days", engine, `${engine.result.total} matches`);
}

async function main(): Promise<void> {
  const url = databaseUrl();
  console.log(`Database: ${url.replace(/\/\/[^@/]*@/, "//…@")}`);
  await migrateDatabase(url);
  const db = createDb(url);
  try {
    if (args.reset) {
      const { count } = await db.conversation.deleteMany({ where: { shop: SHOP } });
      await db.feedback.deleteMany({ where: { shop: SHOP } });
      console.log(`Deleted ${count} conversations of ${SHOP}.`);
    }
    if (!args["time-only"]) {
      console.log(`Seeding ${TOTAL.toLocaleString()} messages for ${SHOP} over ${DAYS} days…`);
      const seeded = await seed(db);
      console.log(
        `Seeded ${seeded.conversations.toLocaleString()} conversations, ${seeded.messages.toLocaleString()} messages, ` +
          `${seeded.feedback.toLocaleString()} ratings, ${seeded.tickets.toLocaleString()} tickets in ${(seeded.ms / 1000).toFixed(1)} s.`,
      );
    }
    await timeQueries(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
