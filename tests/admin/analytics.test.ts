/**
 * Dashboard figures and the conversations list against a small dataset whose every figure was
 * worked out by hand (see the comments beside each expectation), on SQLite and, where a
 * PostgreSQL server is available (tests/helpers/postgres.ts), on PostgreSQL too: the queries'
 * raw SQL must be portable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { postgresUnavailable, startPostgres } from "../helpers/postgres";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";

configureTestApp("analytics");
const { createDb } = await import("../../app/db.server");
type Db = import("../../app/db.server").Db;
const analytics = await import("../../app/admin/analytics.server");
const { listConversations, parseConversationQuery } = await import("../../app/admin/conversations.server");

interface Backend {
  name: string;
  start(): Promise<{ db: Db; stop(): Promise<void> }>;
}

const backends: Backend[] = [
  { name: "SQLite", start: async () => ({ db: createDb(migratedDatabaseUrl("analytics")), stop: async () => {} }) },
];

const pgMissing = postgresUnavailable();
if (!pgMissing) {
  backends.push({
    name: "PostgreSQL",
    start: async () => {
      const server = await startPostgres("analytics");
      await applyPostgresMigrations(server.url);
      return { db: createDb(server.url), stop: () => server.stop() };
    },
  });
} else {
  console.warn(`\n[analytics] PostgreSQL skipped: ${pgMissing}.\n`);
}

const SHOP = "analytics-a.myshopify.com";
const OTHER = "analytics-b.myshopify.com";
const NOW = new Date("2026-06-15T12:00:00.000Z");
const at = (iso: string) => new Date(`2026-${iso}:00.000Z`);

interface Turn {
  text: string;
  intent: string | null;
  confidence: number | null;
  correctedIntent?: string;
  engine: string;
  engineNote: string;
  latencyMs: number;
  tokens?: [number, number, number];
  rating?: "up" | "down";
}

interface Seed {
  id: string;
  shop?: string;
  createdAt: string;
  lastMessageAt: string;
  status?: string;
  csat?: number;
  ticket?: { kind: string; reasonCategory?: string; orderNumber?: string; contactEmail?: string };
  /** A reply from the merchant's team after the turns. */
  teamReply?: string;
  turns: Turn[];
}

const local = (
  text: string,
  intent: string | null,
  confidence: number | null,
  latencyMs: number,
  extra: Partial<Turn> = {},
): Turn => ({
  text,
  intent,
  confidence,
  engine: "local",
  engineNote: "local mode",
  latencyMs,
  ...extra,
});

// Shop A, in the 7-day period (2026-06-09T00:00Z … 2026-06-15T12:00Z) unless noted.
const CONVERSATIONS: Seed[] = [
  // c1: idle > 24 h → closed; no ticket, rated up → automated.
  {
    id: "conv-a1-aaaaaaaaaaaa",
    createdAt: "06-10T10:00",
    lastMessageAt: "06-10T10:05",
    turns: [
      local("Where is my order #1006? my email is hannah@example.com", "track_order", 0.9, 100, { rating: "up" }),
    ],
  },
  // c2: handed off (ticket with an order number no message mentions).
  {
    id: "conv-a2-aaaaaaaaaaaa",
    createdAt: "06-11T09:00",
    lastMessageAt: "06-11T09:10",
    status: "handoff",
    ticket: { kind: "handoff", orderNumber: "#1042", contactEmail: "li@example.com" },
    teamReply: "We're on it, sorry for the wait",
    turns: [
      local("has my parcel shipped", "track_order", 0.8, 150),
      local("I want to talk to a person", "human_agent", 0.95, 200),
    ],
  },
  // c3: resolved, CSAT 4, but a thumbs-down → closed, not automated; one low-confidence message; one OpenAI reply.
  {
    id: "conv-a3-aaaaaaaaaaaa",
    createdAt: "06-12T08:00",
    lastMessageAt: "06-12T08:05",
    status: "resolved",
    csat: 4,
    turns: [
      local("what's the weather", "out_of_scope", 0.2, 300, { rating: "down" }),
      {
        ...local("track 1007 please", "track_order", 0.8, 2000),
        engine: "openai",
        engineNote: "hybrid: local confidence 0.40 below 0.75",
        tokens: [1000, 100, 0.00056],
      },
    ],
  },
  // c4: active an hour ago → not closed. A low-confidence turn answered by a fallback (counted once),
  // and a turn the store couldn't answer (engine none).
  {
    id: "conv-a4-aaaaaaaaaaaa",
    createdAt: "06-15T11:00",
    lastMessageAt: "06-15T11:30",
    turns: [
      local("asdf qwerty", "out_of_scope", 0.1, 400, { engineNote: "fallback: openai timeout", rating: "up" }),
      { ...local("Please cancel order #1001", null, null, 10), engine: "none", engineNote: "store unavailable" },
    ],
  },
  // c5: resolved, CSAT 5; the merchant relabelled product_info → return_policy; OpenAI reply rated up.
  {
    id: "conv-a5-aaaaaaaaaaaa",
    createdAt: "06-14T10:00",
    lastMessageAt: "06-14T10:02",
    status: "resolved",
    csat: 5,
    turns: [
      {
        ...local("Is the tee 100% cotton? and how do returns work", "product_info", 0.6, 1500, {
          correctedIntent: "return_policy",
          rating: "up",
        }),
        engine: "openai",
        engineNote: "openai mode",
        tokens: [500, 50, 0.00028],
      },
    ],
  },
  // c6: before the 7-day period (inside 30 days): ticket, thumbs-down, CSAT 1.
  {
    id: "conv-a6-aaaaaaaaaaaa",
    createdAt: "06-01T09:00",
    lastMessageAt: "06-01T09:03",
    status: "handoff",
    csat: 1,
    ticket: { kind: "complaint", reasonCategory: "complaint" },
    turns: [local("where is order #1010", "track_order", 0.9, 5000, { rating: "down" })],
  },
  // Shop B, same days: must never count for shop A.
  {
    id: "conv-b1-bbbbbbbbbbbb",
    shop: OTHER,
    createdAt: "06-13T10:00",
    lastMessageAt: "06-13T10:09",
    status: "handoff",
    csat: 1,
    ticket: { kind: "handoff", reasonCategory: "couldnt_answer", orderNumber: "#1001" },
    turns: [
      local("where is my order, my email is hannah@example.com", "track_order", 0.9, 9000, { rating: "down" }),
      { ...local("zzz", "out_of_scope", 0.05, 8000), engine: "none", engineNote: "store unavailable" },
      {
        ...local("refund?", "refund_status", 0.9, 7000),
        engine: "openai",
        engineNote: "openai mode",
        tokens: [9999, 999, 1.5],
      },
    ],
  },
];

async function seed(db: Db, conversations: Seed[]) {
  for (const c of conversations) {
    const shop = c.shop ?? SHOP;
    const start = at(c.createdAt);
    await db.conversation.create({
      data: {
        id: c.id,
        shop,
        status: c.status ?? "open",
        csat: c.csat ?? null,
        createdAt: start,
        lastMessageAt: at(c.lastMessageAt),
        messageCount: c.turns.length * 2,
      },
    });
    let clock = start.getTime();
    for (const [i, turn] of c.turns.entries()) {
      const shopper = await db.message.create({
        data: {
          id: `${c.id}-s${i}`,
          shop,
          conversationId: c.id,
          role: "shopper",
          text: turn.text,
          intent: turn.intent,
          confidence: turn.confidence,
          correctedIntent: turn.correctedIntent ?? null,
          engine: turn.engine,
          createdAt: new Date((clock += 1000)),
        },
      });
      // As recordBotReply does: the reply carries the turn's intent and confidence.
      const bot = await db.message.create({
        data: {
          id: `${c.id}-b${i}`,
          shop,
          conversationId: c.id,
          role: "bot",
          text: `reply ${i}`,
          replyToId: shopper.id,
          intent: turn.intent,
          confidence: turn.confidence,
          engine: turn.engine,
          engineNote: turn.engineNote,
          latencyMs: turn.latencyMs,
          promptTokens: turn.tokens?.[0] ?? null,
          completionTokens: turn.tokens?.[1] ?? null,
          costUsd: turn.tokens?.[2] ?? null,
          createdAt: new Date((clock += 1000)),
        },
      });
      if (turn.rating) {
        await db.feedback.create({
          data: {
            shop,
            messageId: bot.id,
            conversationId: c.id,
            rating: turn.rating,
            createdAt: new Date((clock += 1000)),
          },
        });
      }
    }
    if (c.ticket) {
      await db.handoffTicket.create({
        data: { shop, conversationId: c.id, summary: "needs a person", createdAt: new Date(clock), ...c.ticket },
      });
    }
    if (c.teamReply) {
      await db.message.create({
        data: { shop, conversationId: c.id, role: "agent", text: c.teamReply, createdAt: new Date((clock += 1000)) },
      });
    }
  }
}

const week = () => analytics.periodOf(7, NOW);

describe.each(backends)("on $name", (backend) => {
  let db: Db;
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ db, stop } = await backend.start());
    await seed(db, CONVERSATIONS);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await stop();
  });

  describe("dashboard figures (last 7 days, shop A)", () => {
    it("the period is the last 7 UTC days up to now", () => {
      expect(week().start.toISOString()).toBe("2026-06-09T00:00:00.000Z");
      expect(week().end).toEqual(NOW);
      expect(analytics.parsePeriodDays("90")).toBe(90);
      expect(analytics.parsePeriodDays("12")).toBe(analytics.DEFAULT_PERIOD);
      expect(analytics.parsePeriodDays(null)).toBe(analytics.DEFAULT_PERIOD);
    });

    it("counts conversations and messages", async () => {
      // c1–c5; 2+4+4+4+2 messages, half from shoppers.
      // Every message is one of the three: the caption's parts add up to the total.
      expect(await analytics.volume(db, SHOP, week())).toEqual({
        conversations: 5,
        messages: 17,
        shopperMessages: 8,
        botReplies: 8,
        teamReplies: 1,
      });
    });

    it("counts conversations per UTC day, every day present", async () => {
      expect(await analytics.conversationsPerDay(db, SHOP, week())).toEqual([
        { date: "2026-06-09", conversations: 0 },
        { date: "2026-06-10", conversations: 1 },
        { date: "2026-06-11", conversations: 1 },
        { date: "2026-06-12", conversations: 1 },
        { date: "2026-06-13", conversations: 0 },
        { date: "2026-06-14", conversations: 1 },
        { date: "2026-06-15", conversations: 1 },
      ]);
    });

    it("automated resolution and hand-off rates", async () => {
      // Closed: c1 (idle), c2 (idle), c3 (resolved), c5 (resolved); c4 was active an hour ago.
      // Automated: c1, c5 (c2 handed off, c3 has a thumbs-down). Handed off: c2 of 5.
      expect(await analytics.resolution(db, SHOP, week())).toEqual({
        conversations: 5,
        closed: 4,
        automated: 2,
        automatedRate: 0.5,
        handedOff: 1,
        handoffRate: 0.2,
      });
    });

    it("thumbs and CSAT", async () => {
      // Up: c1, c4, c5; down: c3. CSAT: c3 = 4, c5 = 5.
      expect(await analytics.satisfaction(db, SHOP, week())).toEqual({
        thumbsUp: 3,
        thumbsDown: 1,
        thumbsUpShare: 0.75,
        csatAverage: 4.5,
        csatResponses: 2,
      });
    });

    it("fallback / low-confidence turns, each counted once", async () => {
      // Low confidence: c3 "what's the weather" (0.2), c4 "asdf qwerty" (0.1).
      // Fallback replies: c4's fallback (the same turn as its low-confidence message) and c4's engine "none".
      // Flagged turns: 2 + 2 − 1 = 3 of 8 shopper messages.
      expect(await analytics.fallbacks(db, SHOP, week())).toEqual({
        shopperMessages: 8,
        lowConfidence: 2,
        fallbackReplies: 2,
        // No reply here was marked a non-answer or a clarification (tests/admin/fallback-figure.test.ts counts those).
        noAnswers: 0,
        clarifications: 0,
        flagged: 3,
        rate: 3 / 8,
      });
    });

    it("hand-off reasons: the period's tickets by why they were filed", async () => {
      // In the week: c2's ticket (the default reason). c6's complaint is older; shop B's is another shop's.
      expect(await analytics.handoffReasons(db, SHOP, week())).toEqual([{ reason: "asked_for_person", tickets: 1 }]);
      expect(await analytics.handoffReasons(db, SHOP, analytics.periodOf(30, NOW))).toEqual([
        { reason: "asked_for_person", tickets: 1 },
        { reason: "complaint", tickets: 1 },
      ]);
      expect(await analytics.handoffReasons(db, OTHER, week())).toEqual([{ reason: "couldnt_answer", tickets: 1 }]);
    });

    it("top intents, with the merchant's corrections", async () => {
      // track_order: c1, c2, c3; out_of_scope: c3, c4; human_agent: c2; return_policy: c5 (relabelled from product_info);
      // c4's second message has no intent (store unavailable).
      expect(await analytics.topIntents(db, SHOP, week())).toEqual([
        { intent: "track_order", messages: 3 },
        { intent: "out_of_scope", messages: 2 },
        { intent: "human_agent", messages: 1 },
        { intent: "return_policy", messages: 1 },
      ]);
      expect(await analytics.topIntents(db, SHOP, week(), 2)).toHaveLength(2);
    });

    it("median and p95 response time by nearest rank", async () => {
      // Latencies: 10 100 150 200 300 400 1500 2000 → median = 4th (200), p95 = 8th (2000).
      expect(await analytics.responseTimes(db, SHOP, week())).toEqual({ replies: 8, medianMs: 200, p95Ms: 2000 });
    });

    it("replies per engine, tokens and cost", async () => {
      const figures = await analytics.engines(db, SHOP, week());
      expect(figures.byEngine.map(({ engine, replies }) => ({ engine, replies }))).toEqual([
        { engine: "local", replies: 5 },
        { engine: "openai", replies: 2 },
        { engine: "none", replies: 1 },
      ]);
      expect(figures.promptTokens).toBe(1500);
      expect(figures.completionTokens).toBe(150);
      expect(figures.costUsd).toBeCloseTo(0.00084, 10);
    });

    it("dashboardFigures gathers the same figures", async () => {
      const all = await analytics.dashboardFigures(db, SHOP, week());
      expect(all.volume.conversations).toBe(5);
      expect(all.resolution.automated).toBe(2);
      expect(all.topIntents[0]).toEqual({ intent: "track_order", messages: 3 });
      expect(all.perDay).toHaveLength(7);
      expect(all.period).toEqual({ days: 7, start: "2026-06-09T00:00:00.000Z", end: NOW.toISOString() });
    });

    it("a longer period takes in c6 (before the week), and nothing of shop B", async () => {
      const month = analytics.periodOf(30, NOW);
      expect((await analytics.volume(db, SHOP, month)).conversations).toBe(6);
      const r = await analytics.resolution(db, SHOP, month);
      expect([r.closed, r.automated, r.handedOff]).toEqual([5, 2, 2]);
      const s = await analytics.satisfaction(db, SHOP, month);
      expect([s.thumbsUp, s.thumbsDown, s.csatResponses]).toEqual([3, 2, 3]);
      expect(s.csatAverage).toBeCloseTo(10 / 3, 10);
      expect((await analytics.responseTimes(db, SHOP, month)).p95Ms).toBe(5000);
    });

    it("another shop's data never counts, and a shop with nothing gets zeros, not errors", async () => {
      const b = await analytics.dashboardFigures(db, OTHER, week());
      expect(b.volume).toEqual({ conversations: 1, messages: 6, shopperMessages: 3, botReplies: 3, teamReplies: 0 });
      expect(b.resolution.handedOff).toBe(1);
      expect(b.engines.promptTokens).toBe(9999);
      const none = await analytics.dashboardFigures(db, "nobody.myshopify.com", week());
      expect(none.volume).toEqual({ conversations: 0, messages: 0, shopperMessages: 0, botReplies: 0, teamReplies: 0 });
      expect(none.resolution.automatedRate).toBeNull();
      expect(none.satisfaction).toEqual({
        thumbsUp: 0,
        thumbsDown: 0,
        thumbsUpShare: null,
        csatAverage: null,
        csatResponses: 0,
      });
      expect(none.fallbacks.rate).toBeNull();
      expect(none.responseTimes).toEqual({ replies: 0, medianMs: null, p95Ms: null });
      expect(none.topIntents).toEqual([]);
      expect(none.perDay.every((d) => d.conversations === 0)).toBe(true);
      expect(none.engines).toEqual({ byEngine: [], promptTokens: 0, completionTokens: 0, costUsd: 0 });
    });
  });

  describe("conversations list", () => {
    const ids = async (query: Parameters<typeof listConversations>[2], shop = SHOP) =>
      (await listConversations(db, shop, query)).rows.map((r) => r.id.slice(5, 7));

    it("lists the shop's conversations, most recent activity first, with what the merchant scans for", async () => {
      const page = await listConversations(db, SHOP, {});
      expect(page.rows.map((r) => r.id.slice(5, 7))).toEqual(["a4", "a5", "a3", "a2", "a1", "a6"]);
      expect(page.total).toBe(6);
      expect([page.hasNext, page.hasPrevious]).toEqual([false, false]);
      const c5 = page.rows.find((r) => r.id.startsWith("conv-a5"))!;
      expect(c5).toMatchObject({
        firstMessage: "Is the tee 100% cotton? and how do returns work",
        lastIntent: "return_policy",
        thumbsUp: 1,
        thumbsDown: 0,
        csat: 5,
        messageCount: 2,
      });
      const c2 = page.rows.find((r) => r.id.startsWith("conv-a2"))!;
      expect(c2).toMatchObject({
        firstMessage: "has my parcel shipped",
        lastIntent: "human_agent",
        tickets: 1,
        status: "handoff",
      });
      expect(await ids({}, OTHER)).toEqual(["b1"]);
    });

    it("searches message text (order numbers, emails) and tickets, case-insensitively and literally", async () => {
      expect(await ids({ search: "#1001" })).toEqual(["a4"]); // shop B's ticket for #1001 doesn't leak in
      expect(await ids({ search: "HANNAH@example" })).toEqual(["a1"]); // shop B also has hannah@example.com
      expect(await ids({ search: "#1042" })).toEqual(["a2"]); // only on c2's ticket
      expect(await ids({ search: "li@example.com" })).toEqual(["a2"]);
      expect(await ids({ search: "100%" })).toEqual(["a5"]); // % is a character, not a wildcard (#1001, #1006 and #1010 start with 100)
      expect(await ids({ search: "1_0" })).toEqual([]); // _ too
      expect(await ids({ search: "nothing like this" })).toEqual([]);
    });

    it("matches words from their start, not letters inside other words", async () => {
      expect(await ids({ search: "cotton" })).toEqual(["a5"]);
      expect(await ids({ search: "otton" })).toEqual([]); // inside "cotton"
      expect(await ids({ search: "return" })).toEqual(["a5"]); // "returns": a word starting so
      expect(await ids({ search: "turn" })).toEqual([]); // inside "returns"
      expect(await ids({ search: "parcel shipped" })).toEqual(["a2"]);
      expect(await ids({ search: "cotton?" })).toEqual(["a5"]); // punctuation ends a word on both sides
      expect(await ids({ search: "cotton and how" })).toEqual(["a5"]); // across "cotton? and how"
      expect(await ids({ search: "example.com" })).toEqual(["a2", "a1"]); // after the @, in text and on the ticket
    });

    it("filters by date, intent, rating, hand-off, low confidence and engine, alone and together", async () => {
      expect(await ids({ from: "2026-06-12" })).toEqual(["a4", "a5", "a3"]);
      expect(await ids({ from: "2026-06-10", to: "2026-06-11" })).toEqual(["a2", "a1"]);
      expect(await ids({ intent: "track_order" })).toEqual(["a3", "a2", "a1", "a6"]);
      expect(await ids({ intent: "return_policy" })).toEqual(["a5"]);
      expect(await ids({ intent: "product_info" })).toEqual([]); // relabelled away
      expect(await ids({ rating: "down" })).toEqual(["a3", "a6"]);
      expect(await ids({ rating: "up" })).toEqual(["a4", "a5", "a1"]);
      expect(await ids({ handoff: true })).toEqual(["a2", "a6"]);
      expect(await ids({ handoff: false })).toEqual(["a4", "a5", "a3", "a1"]);
      expect(await ids({ lowConfidence: true })).toEqual(["a4", "a3"]);
      expect(await ids({ engine: "openai" })).toEqual(["a5", "a3"]);
      expect(await ids({ engine: "none" })).toEqual(["a4"]);
      expect(await ids({ intent: "track_order", handoff: false, from: "2026-06-09" })).toEqual(["a3", "a1"]);
      expect((await listConversations(db, SHOP, { intent: "track_order", handoff: false })).total).toBe(2);
    });

    it("pages with keyset cursors, both ways, in the database", async () => {
      const first = await listConversations(db, SHOP, { pageSize: 2 });
      expect(first.rows.map((r) => r.id.slice(5, 7))).toEqual(["a4", "a5"]);
      expect([first.hasPrevious, first.hasNext, first.total]).toEqual([false, true, 6]);
      const second = await listConversations(db, SHOP, { pageSize: 2, after: first.nextCursor! });
      expect(second.rows.map((r) => r.id.slice(5, 7))).toEqual(["a3", "a2"]);
      expect([second.hasPrevious, second.hasNext]).toEqual([true, true]);
      const third = await listConversations(db, SHOP, { pageSize: 2, after: second.nextCursor! });
      expect(third.rows.map((r) => r.id.slice(5, 7))).toEqual(["a1", "a6"]);
      expect([third.hasPrevious, third.hasNext, third.nextCursor]).toEqual([true, false, null]);
      const back = await listConversations(db, SHOP, { pageSize: 2, before: third.previousCursor! });
      expect(back.rows.map((r) => r.id.slice(5, 7))).toEqual(["a3", "a2"]);
      expect([back.hasPrevious, back.hasNext]).toEqual([true, true]);
      const start = await listConversations(db, SHOP, { pageSize: 2, before: back.previousCursor! });
      expect(start.rows.map((r) => r.id.slice(5, 7))).toEqual(["a4", "a5"]);
      expect(start.hasPrevious).toBe(false);
      // Filters hold across pages; the old page-number signature still works.
      const filtered = await listConversations(db, SHOP, {
        pageSize: 1,
        intent: "track_order",
        after: first.nextCursor!,
      });
      expect(filtered.rows.map((r) => r.id.slice(5, 7))).toEqual(["a3"]);
      expect((await listConversations(db, SHOP, 1)).rows).toHaveLength(6);
    });

    it("reads the list's search parameters, ignoring malformed ones", () => {
      const query = parseConversationQuery(
        new URLSearchParams({
          q: " #1001 ",
          from: "2026-06-01",
          to: "June",
          intent: "track_order",
          rating: "meh",
          handoff: "no",
          lowConfidence: "yes",
          engine: "openai",
          after: "123.abc",
          before: "x; DROP",
        }),
      );
      expect(query).toEqual({
        search: "#1001",
        from: "2026-06-01",
        to: undefined,
        intent: "track_order",
        rating: undefined,
        handoff: false,
        lowConfidence: true,
        engine: "openai",
        after: "123.abc",
        before: undefined,
      });
    });
  });
});
