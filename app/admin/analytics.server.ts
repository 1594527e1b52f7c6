/**
 * The merchant's dashboard figures. Every figure is counted in the database (Prisma count, groupBy,
 * aggregate, or portable parameterised SQL that runs on SQLite and PostgreSQL alike), always for
 * one shop and one period. No function here loads rows to count them in JavaScript.
 *
 * Definitions (the dashboard shows a short form of each next to the figure):
 * - Period: the last N calendar days in UTC, today included, up to `now`.
 * - Conversations: conversations started in the period. Messages: messages written in it, by
 *   shoppers, the bot and the merchant's team.
 * - Closed: status "resolved", or no activity for 24 hours.
 * - Automated resolution rate: closed conversations with no hand-off (no ticket of any kind and
 *   status not "handoff") and no thumbs-down on any reply, out of closed conversations.
 * - Hand-off rate: conversations with a ticket (or status "handoff"), out of conversations.
 * - Ratings: thumbs given in the period; CSAT: average of Conversation.csat (1–5) where given.
 * - Fallback / low confidence: shopper messages classified out_of_scope with confidence < 0.3,
 *   plus turns whose reply answered nothing — a non-answer or a clarification as the answer code
 *   marked it (Message.replyKind), no engine ("none"), or a model fallback (engineNote starting
 *   "fallback") — each turn counted once, out of shopper messages (fallback-sql.ts).
 * - Hand-off reasons: tickets filed in the period by reasonCategory (app/chat/handoff-reason.ts).
 * - Top intents: shopper messages by intent, the merchant's correction taking precedence.
 * - Response time: bot replies' latencyMs, median and 95th percentile by nearest rank.
 * - Engines, tokens, cost: bot replies by engine; sums of prompt/completion tokens and costUsd.
 */
import type { Db } from "../db.server";
import { Prisma } from "../generated/prisma/client";
import { FALLBACK_REPLY_SQL, LOW_CONFIDENCE_SQL } from "./fallback-sql";

export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];
export const DEFAULT_PERIOD: PeriodDays = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A conversation with no activity for this long counts as closed. */
export const IDLE_CLOSE_MS = DAY_MS;

export interface Period {
  days: number;
  /** Midnight UTC of the first day. */
  start: Date;
  /** The moment the figures are computed for. */
  end: Date;
}

export function parsePeriodDays(value: string | null | undefined): PeriodDays {
  const days = Number(value);
  return (PERIOD_DAYS as readonly number[]).includes(days) ? (days as PeriodDays) : DEFAULT_PERIOD;
}

/** The last `days` calendar days (UTC), today included, up to `now`. */
export function periodOf(days: number, now: Date = new Date()): Period {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { days, start: new Date(todayStart - (days - 1) * DAY_MS), end: now };
}

/** The UTC midnight starting each day of the period, oldest first. */
export function dayStarts(period: Period): Date[] {
  return Array.from({ length: period.days }, (_, i) => new Date(period.start.getTime() + i * DAY_MS));
}

const inPeriod = (period: Period) => ({ gte: period.start, lte: period.end });
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export interface VolumeFigures {
  conversations: number;
  messages: number;
  shopperMessages: number;
  botReplies: number;
  /** Replies from the merchant's team (hand-offs): with the two above, every message. */
  teamReplies: number;
}

export async function volume(db: Db, shop: string, period: Period): Promise<VolumeFigures> {
  const [conversations, byRole] = await Promise.all([
    db.conversation.count({ where: { shop, createdAt: inPeriod(period) } }),
    db.message.groupBy({ by: ["role"], where: { shop, createdAt: inPeriod(period) }, _count: { _all: true } }),
  ]);
  const count = (role: string) => byRole.find((row) => row.role === role)?._count._all ?? 0;
  return {
    conversations,
    messages: byRole.reduce((sum, row) => sum + row._count._all, 0),
    shopperMessages: count("shopper"),
    botReplies: count("bot"),
    teamReplies: count("agent"),
  };
}

export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  date: string;
  conversations: number;
}

/**
 * Conversations started per UTC day: one scan, each row bucketed by a balanced tree of CASEs over
 * the day boundaries (about log2(days) comparisons a row), grouped in the database.
 */
export async function conversationsPerDay(db: Db, shop: string, period: Period): Promise<DayCount[]> {
  const starts = dayStarts(period);
  // Bucket index of "createdAt" among days [low, high): split at the middle day's midnight.
  const bucketOf = (low: number, high: number): Prisma.Sql =>
    high - low === 1
      ? Prisma.raw(String(low))
      : Prisma.sql`CASE WHEN "createdAt" < ${starts[(low + high) >> 1]} THEN ${bucketOf(low, (low + high) >> 1)} ELSE ${bucketOf((low + high) >> 1, high)} END`;
  const bucket = bucketOf(0, starts.length);
  const rows = await db.$queryRaw<{ bucket: number | bigint; n: number | bigint }[]>`
    SELECT ${bucket} AS bucket, COUNT(*) AS n
    FROM "Conversation"
    WHERE "shop" = ${shop} AND "createdAt" >= ${period.start} AND "createdAt" <= ${period.end}
    GROUP BY bucket`;
  const counts = new Map(rows.map((row) => [Number(row.bucket), Number(row.n)]));
  return starts.map((day, i) => ({ date: day.toISOString().slice(0, 10), conversations: counts.get(i) ?? 0 }));
}

export interface ResolutionFigures {
  conversations: number;
  closed: number;
  automated: number;
  /** automated / closed */
  automatedRate: number | null;
  handedOff: number;
  /** handedOff / conversations */
  handoffRate: number | null;
}

/**
 * One pass over the period's conversations. Tickets and thumbs-down are matched with uncorrelated
 * IN (SELECT …) subqueries scoped by shop, so the database reads each table once rather than
 * looking up every conversation's tickets (HandoffTicket has no index on conversationId).
 */
export async function resolution(db: Db, shop: string, period: Period): Promise<ResolutionFigures> {
  const idleSince = new Date(period.end.getTime() - IDLE_CLOSE_MS);
  const closed = Prisma.sql`(c."status" = 'resolved' OR c."lastMessageAt" < ${idleSince})`;
  const ticketed = Prisma.sql`SELECT "conversationId" FROM "HandoffTicket" WHERE "shop" = ${shop}`;
  const [row] = await db.$queryRaw<
    Record<"conversations" | "closed" | "automated" | "handed_off", number | bigint | null>[]
  >`
    SELECT
      COUNT(*) AS conversations,
      SUM(CASE WHEN ${closed} THEN 1 ELSE 0 END) AS closed,
      SUM(CASE WHEN ${closed} AND c."status" <> 'handoff'
            AND c."id" NOT IN (${ticketed})
            AND c."id" NOT IN (SELECT "conversationId" FROM "Feedback" WHERE "shop" = ${shop} AND "rating" = 'down')
          THEN 1 ELSE 0 END) AS automated,
      SUM(CASE WHEN c."status" = 'handoff' OR c."id" IN (${ticketed}) THEN 1 ELSE 0 END) AS handed_off
    FROM "Conversation" c
    WHERE c."shop" = ${shop} AND c."createdAt" >= ${period.start} AND c."createdAt" <= ${period.end}`;
  const conversations = Number(row?.conversations ?? 0);
  const closedCount = Number(row?.closed ?? 0);
  const automated = Number(row?.automated ?? 0);
  const handedOff = Number(row?.handed_off ?? 0);
  return {
    conversations,
    closed: closedCount,
    automated,
    automatedRate: ratio(automated, closedCount),
    handedOff,
    handoffRate: ratio(handedOff, conversations),
  };
}

export interface SatisfactionFigures {
  thumbsUp: number;
  thumbsDown: number;
  /** up / (up + down) */
  thumbsUpShare: number | null;
  csatAverage: number | null;
  csatResponses: number;
}

export async function satisfaction(db: Db, shop: string, period: Period): Promise<SatisfactionFigures> {
  const [ratings, csat] = await Promise.all([
    db.feedback.groupBy({ by: ["rating"], where: { shop, createdAt: inPeriod(period) }, _count: { _all: true } }),
    db.conversation.aggregate({
      where: { shop, createdAt: inPeriod(period), csat: { not: null } },
      _avg: { csat: true },
      _count: { csat: true },
    }),
  ]);
  const thumbsUp = ratings.find((r) => r.rating === "up")?._count._all ?? 0;
  const thumbsDown = ratings.find((r) => r.rating === "down")?._count._all ?? 0;
  return {
    thumbsUp,
    thumbsDown,
    thumbsUpShare: ratio(thumbsUp, thumbsUp + thumbsDown),
    csatAverage: csat._avg.csat ?? null,
    csatResponses: csat._count.csat,
  };
}

export interface FallbackFigures {
  shopperMessages: number;
  /** Shopper messages classified out_of_scope with confidence < 0.3. */
  lowConfidence: number;
  /** Bot replies that answered nothing (see fallback-sql.ts). */
  fallbackReplies: number;
  /** Of those, the replies the answer code marked as a non-answer, and as a clarification. */
  noAnswers: number;
  clarifications: number;
  /** Turns with either, each counted once. */
  flagged: number;
  /** flagged / shopperMessages */
  rate: number | null;
}

/** One pass over the period's messages. */
export async function fallbacks(db: Db, shop: string, period: Period): Promise<FallbackFigures> {
  const low = LOW_CONFIDENCE_SQL;
  const fallback = FALLBACK_REPLY_SQL;
  // A bot reply carries its shopper message's intent and confidence (recordBotReply), so a turn
  // that is both low-confidence and a fallback is a fallback reply that is itself low-confidence.
  const [row] = await db.$queryRaw<
    Record<"shopper" | "low" | "fallback" | "overlap" | "no_answer" | "clarification", number | bigint | null>[]
  >`
    SELECT
      SUM(CASE WHEN "role" = 'bot' AND "replyKind" = 'no_answer' THEN 1 ELSE 0 END) AS no_answer,
      SUM(CASE WHEN "role" = 'bot' AND "replyKind" = 'clarification' THEN 1 ELSE 0 END) AS clarification,
      SUM(CASE WHEN "role" = 'shopper' THEN 1 ELSE 0 END) AS shopper,
      SUM(CASE WHEN "role" = 'shopper' AND ${low} THEN 1 ELSE 0 END) AS low,
      SUM(CASE WHEN "role" = 'bot' AND ${fallback} THEN 1 ELSE 0 END) AS fallback,
      SUM(CASE WHEN "role" = 'bot' AND ${fallback} AND ${low} THEN 1 ELSE 0 END) AS overlap
    FROM "Message"
    WHERE "shop" = ${shop} AND "createdAt" >= ${period.start} AND "createdAt" <= ${period.end}`;
  const shopperMessages = Number(row?.shopper ?? 0);
  const lowConfidence = Number(row?.low ?? 0);
  const fallbackReplies = Number(row?.fallback ?? 0);
  const flagged = lowConfidence + fallbackReplies - Number(row?.overlap ?? 0);
  return {
    shopperMessages,
    lowConfidence,
    fallbackReplies,
    noAnswers: Number(row?.no_answer ?? 0),
    clarifications: Number(row?.clarification ?? 0),
    flagged,
    rate: ratio(flagged, shopperMessages),
  };
}

export interface ReasonCount {
  /** app/chat/handoff-reason.ts */
  reason: string;
  tickets: number;
}

/** Tickets filed in the period by why the bot handed over, most first. */
export async function handoffReasons(db: Db, shop: string, period: Period): Promise<ReasonCount[]> {
  const groups = await db.handoffTicket.groupBy({
    by: ["reasonCategory"],
    where: { shop, createdAt: inPeriod(period) },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({ reason: g.reasonCategory, tickets: g._count._all }))
    .sort((a, b) => b.tickets - a.tickets || a.reason.localeCompare(b.reason));
}

export interface IntentCount {
  intent: string;
  messages: number;
}

export async function topIntents(db: Db, shop: string, period: Period, limit = 10): Promise<IntentCount[]> {
  const take = Math.max(1, Math.min(50, Math.floor(limit)));
  const rows = await db.$queryRaw<{ intent: string; n: number | bigint }[]>`
    SELECT COALESCE("correctedIntent", "intent") AS intent, COUNT(*) AS n
    FROM "Message"
    WHERE "shop" = ${shop} AND "role" = 'shopper' AND "createdAt" >= ${period.start} AND "createdAt" <= ${period.end}
      AND COALESCE("correctedIntent", "intent") IS NOT NULL
    GROUP BY COALESCE("correctedIntent", "intent")
    ORDER BY n DESC, intent ASC
    LIMIT ${Prisma.raw(String(take))}`;
  return rows.map((row) => ({ intent: row.intent, messages: Number(row.n) }));
}

export interface ResponseTimeFigures {
  replies: number;
  medianMs: number | null;
  p95Ms: number | null;
}

/**
 * Nearest-rank percentiles: the ceil(p·n)-th fastest reply, read with ORDER BY … LIMIT 1 OFFSET
 * after a count. Above the median the same row is read from the slow end (OFFSET n − ceil(p·n)),
 * so the database keeps a short sort instead of ordering almost every reply.
 */
export async function responseTimes(db: Db, shop: string, period: Period): Promise<ResponseTimeFigures> {
  const where: Prisma.MessageWhereInput = { shop, role: "bot", createdAt: inPeriod(period), latencyMs: { not: null } };
  const replies = await db.message.count({ where });
  const percentile = async (p: number) => {
    if (replies === 0) return null;
    const rank = Math.min(replies, Math.max(1, Math.ceil(p * replies)));
    const fromTop = rank - 1 > replies - rank;
    const row = await db.message.findFirst({
      where,
      orderBy: { latencyMs: fromTop ? "desc" : "asc" },
      skip: fromTop ? replies - rank : rank - 1,
      select: { latencyMs: true },
    });
    return row?.latencyMs ?? null;
  };
  const [medianMs, p95Ms] = await Promise.all([percentile(0.5), percentile(0.95)]);
  return { replies, medianMs, p95Ms };
}

export interface EngineFigures {
  byEngine: { engine: string; replies: number; promptTokens: number; completionTokens: number; costUsd: number }[];
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** Bot replies, tokens and estimated cost per engine: one grouped query; totals add up its few groups. */
export async function engines(db: Db, shop: string, period: Period): Promise<EngineFigures> {
  const groups = await db.message.groupBy({
    by: ["engine"],
    where: { shop, role: "bot", createdAt: inPeriod(period) },
    _count: { _all: true },
    _sum: { promptTokens: true, completionTokens: true, costUsd: true },
  });
  const byEngine = groups
    .map((g) => ({
      engine: g.engine ?? "unknown",
      replies: g._count._all,
      promptTokens: g._sum.promptTokens ?? 0,
      completionTokens: g._sum.completionTokens ?? 0,
      costUsd: g._sum.costUsd ?? 0,
    }))
    .sort((a, b) => b.replies - a.replies || a.engine.localeCompare(b.engine));
  return {
    byEngine,
    promptTokens: byEngine.reduce((sum, e) => sum + e.promptTokens, 0),
    completionTokens: byEngine.reduce((sum, e) => sum + e.completionTokens, 0),
    costUsd: byEngine.reduce((sum, e) => sum + e.costUsd, 0),
  };
}

export interface DashboardFigures {
  period: { days: number; start: string; end: string };
  volume: VolumeFigures;
  perDay: DayCount[];
  resolution: ResolutionFigures;
  satisfaction: SatisfactionFigures;
  fallbacks: FallbackFigures;
  handoffReasons: ReasonCount[];
  topIntents: IntentCount[];
  responseTimes: ResponseTimeFigures;
  engines: EngineFigures;
}

/** Each query of the dashboard by name, so the seed script can time them one by one. */
export const DASHBOARD_QUERIES: Record<string, (db: Db, shop: string, period: Period) => Promise<unknown>> = {
  volume,
  perDay: conversationsPerDay,
  resolution,
  satisfaction,
  fallbacks,
  handoffReasons,
  topIntents: (db: Db, shop: string, period: Period) => topIntents(db, shop, period),
  responseTimes,
  engines,
};

export async function dashboardFigures(db: Db, shop: string, period: Period): Promise<DashboardFigures> {
  const [v, perDay, r, s, f, hr, t, rt, e] = await Promise.all([
    volume(db, shop, period),
    conversationsPerDay(db, shop, period),
    resolution(db, shop, period),
    satisfaction(db, shop, period),
    fallbacks(db, shop, period),
    handoffReasons(db, shop, period),
    topIntents(db, shop, period),
    responseTimes(db, shop, period),
    engines(db, shop, period),
  ]);
  return {
    period: { days: period.days, start: period.start.toISOString(), end: period.end.toISOString() },
    volume: v,
    perDay,
    resolution: r,
    satisfaction: s,
    fallbacks: f,
    handoffReasons: hr,
    topIntents: t,
    responseTimes: rt,
    engines: e,
  };
}
