/** What the merchant's admin reads about conversations: always for the authenticated shop only. */
import type { Db } from "../db.server";
import { Prisma } from "../generated/prisma/client";
import { FALLBACK_REPLY_SQL, LOW_CONFIDENCE_SQL } from "./fallback-sql";

export const PAGE_SIZE = 25;

/** What the merchant can narrow the conversations list by. Dates are inclusive UTC days. */
export interface ConversationFilters {
  /** Words (from their start) in any message of the conversation, or in a ticket's order number or email. */
  search?: string;
  /** Started on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Started on or before this day (YYYY-MM-DD, UTC). */
  to?: string;
  /** A shopper message with this intent (the merchant's correction taking precedence). */
  intent?: string;
  /** A reply rated up / down. */
  rating?: "up" | "down";
  /** Handed off (a ticket or status "handoff") or not. */
  handoff?: boolean;
  /** A fallback turn, as the dashboard counts them: a shopper message not understood, or a reply that answered nothing. */
  lowConfidence?: boolean;
  /** A reply by this engine (local | openai | none). */
  engine?: string;
}

export interface ConversationPageRequest extends ConversationFilters {
  /** Keyset cursors (see pageCursor): the last row of the previous page, or the first row of the next one. */
  after?: string;
  before?: string;
  pageSize?: number;
}

export interface ConversationRow {
  id: string;
  startedAt: string;
  lastMessageAt: string;
  status: string;
  customerId: string | null;
  messageCount: number;
  firstMessage: string;
  lastIntent: string | null;
  thumbsUp: number;
  thumbsDown: number;
  tickets: number;
  csat: number | null;
}

export interface ConversationPage {
  rows: ConversationRow[];
  hasNext: boolean;
  hasPrevious: boolean;
  /** Cursors for the neighbouring pages (pass as `after` / `before`). */
  nextCursor: string | null;
  previousCursor: string | null;
  /** Conversations matching the filters, counted in the database. */
  total: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

function utcDay(value: string | undefined, endOfDay = false): Date | null {
  if (!value || !DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return null;
  return endOfDay ? new Date(date.getTime() + DAY_MS - 1) : date;
}

/** A position in the list: the row's last activity and id (the list's sort key). */
export function pageCursor(row: { lastMessageAt: string; id: string }): string {
  return `${new Date(row.lastMessageAt).getTime()}.${row.id}`;
}

function readCursor(value: string | undefined): { at: Date; id: string } | null {
  const match = value?.match(CURSOR);
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}

/**
 * Word search, portable to SQLite and PostgreSQL (neither has a shared word-boundary operator): the
 * column and the search are both lower-cased with punctuation turned into spaces, and the search
 * must follow a space — the start of a word, so "tent" finds "tents" but not "extent" or "content".
 */
const WORD_BREAKS = [
  "\n",
  "\r",
  "\t",
  ".",
  ",",
  ";",
  ":",
  "!",
  "?",
  "¿",
  "¡",
  "(",
  ")",
  "[",
  "]",
  '"',
  "'",
  "‘",
  "’",
  "“",
  "”",
  "/",
  "#",
  "@",
  "-",
  "_",
];

function searchableText(column: Prisma.Sql): Prisma.Sql {
  const quoted = (c: string) => `'${c.replace(/'/g, "''")}'`;
  // Control characters go in as themselves: a SQL string literal holds them as they are.
  const spaced = WORD_BREAKS.reduce((sql, c) => `REPLACE(${sql}, ${quoted(c)}, ' ')`, "LOWER(__col__)");
  // Runs of spaces ("cotton? and") fold to one, as in the search: each pass halves them (up to 8).
  const replaced = [1, 2, 3].reduce((sql) => `REPLACE(${sql}, '  ', ' ')`, spaced);
  const [before, after] = replaced.split("__col__");
  return Prisma.sql`(' ' || ${Prisma.raw(before)}${column}${Prisma.raw(after)})`;
}

/** The LIKE pattern for `searchableText`, with the merchant's % and \\ taken literally. */
function wordPattern(text: string): string | null {
  let words = text.toLowerCase();
  for (const c of WORD_BREAKS) words = words.split(c).join(" ");
  words = words.trim().replace(/\s+/g, " ");
  return words ? `% ${words.replace(/[\\%]/g, (c) => `\\${c}`)}%` : null;
}

/**
 * The list's filters as portable SQL over "Conversation" c, always scoped to the shop. Related rows
 * are matched with uncorrelated IN (SELECT …) subqueries, each scoped by shop: one pass per filter
 * rather than a lookup per conversation.
 */
export function conversationConditions(shop: string, filters: ConversationFilters): Prisma.Sql[] {
  const conditions = [Prisma.sql`c."shop" = ${shop}`];
  const pattern = filters.search ? wordPattern(filters.search) : null;
  if (pattern) {
    const words = (column: string) =>
      Prisma.sql`${searchableText(Prisma.raw(`"${column}"`))} LIKE ${pattern} ESCAPE '\\'`;
    conditions.push(Prisma.sql`(
      c."id" IN (SELECT "conversationId" FROM "Message" WHERE "shop" = ${shop} AND ${words("text")})
      OR c."id" IN (SELECT "conversationId" FROM "HandoffTicket" WHERE "shop" = ${shop}
        AND (${words("orderNumber")} OR ${words("contactEmail")})))`);
  }
  const from = utcDay(filters.from);
  const to = utcDay(filters.to, true);
  if (from) conditions.push(Prisma.sql`c."createdAt" >= ${from}`);
  if (to) conditions.push(Prisma.sql`c."createdAt" <= ${to}`);
  if (filters.intent) {
    conditions.push(Prisma.sql`c."id" IN (SELECT "conversationId" FROM "Message" WHERE "shop" = ${shop} AND "role" = 'shopper'
      AND ("correctedIntent" = ${filters.intent} OR ("correctedIntent" IS NULL AND "intent" = ${filters.intent})))`);
  }
  if (filters.rating) {
    conditions.push(
      Prisma.sql`c."id" IN (SELECT "conversationId" FROM "Feedback" WHERE "shop" = ${shop} AND "rating" = ${filters.rating})`,
    );
  }
  const ticketed = Prisma.sql`c."id" IN (SELECT "conversationId" FROM "HandoffTicket" WHERE "shop" = ${shop})`;
  if (filters.handoff === true) conditions.push(Prisma.sql`(c."status" = 'handoff' OR ${ticketed})`);
  if (filters.handoff === false) conditions.push(Prisma.sql`NOT (c."status" = 'handoff' OR ${ticketed})`);
  if (filters.lowConfidence) {
    // The dashboard's definition of a fallback turn (fallback-sql.ts).
    conditions.push(Prisma.sql`c."id" IN (SELECT "conversationId" FROM "Message" WHERE "shop" = ${shop} AND (
      ("role" = 'shopper' AND ${LOW_CONFIDENCE_SQL}) OR ("role" = 'bot' AND ${FALLBACK_REPLY_SQL})))`);
  }
  if (filters.engine) {
    conditions.push(
      Prisma.sql`c."id" IN (SELECT "conversationId" FROM "Message" WHERE "shop" = ${shop} AND "role" = 'bot' AND "engine" = ${filters.engine})`,
    );
  }
  return conditions;
}

/** Reads the list's search parameters; anything malformed is ignored rather than trusted. */
export function parseConversationQuery(params: URLSearchParams): ConversationPageRequest {
  const text = (key: string, max = 200) => {
    const value = params.get(key)?.trim();
    return value ? value.slice(0, max) : undefined;
  };
  const day = (key: string) => (DAY.test(params.get(key) ?? "") ? params.get(key)! : undefined);
  const cursor = (key: string) => (CURSOR.test(params.get(key) ?? "") ? params.get(key)! : undefined);
  const rating = params.get("rating");
  const handoff = params.get("handoff");
  return {
    search: text("q"),
    from: day("from"),
    to: day("to"),
    intent: text("intent", 64),
    rating: rating === "up" || rating === "down" ? rating : undefined,
    handoff: handoff === "yes" ? true : handoff === "no" ? false : undefined,
    lowConfidence: params.get("lowConfidence") === "yes" ? true : undefined,
    engine: text("engine", 32),
    after: cursor("after"),
    before: cursor("before"),
  };
}

/**
 * One page of the shop's conversations, most recent activity first, filtered and paginated in the
 * database: a keyset cursor on (lastMessageAt, id), so deep pages cost what the first one does.
 * A number is read as a page number (offset), for callers of the old signature.
 */
export async function listConversations(
  db: Db,
  shop: string,
  request: ConversationPageRequest | number = {},
): Promise<ConversationPage> {
  const query: ConversationPageRequest = typeof request === "number" ? {} : request;
  const pageSize = Math.max(1, Math.min(100, Math.floor(query.pageSize ?? PAGE_SIZE)));
  const offset = typeof request === "number" ? Math.max(0, (Math.floor(request) - 1) * pageSize) : 0;
  const conditions = conversationConditions(shop, query);
  const after = readCursor(query.after);
  const before = after ? null : readCursor(query.before);
  const keyset = after
    ? [Prisma.sql`(c."lastMessageAt" < ${after.at} OR (c."lastMessageAt" = ${after.at} AND c."id" < ${after.id}))`]
    : before
      ? [Prisma.sql`(c."lastMessageAt" > ${before.at} OR (c."lastMessageAt" = ${before.at} AND c."id" > ${before.id}))`]
      : [];
  const direction = Prisma.raw(before ? "ASC" : "DESC");
  const [found, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Conversation" c
      WHERE ${Prisma.join([...conditions, ...keyset], " AND ")}
      ORDER BY c."lastMessageAt" ${direction}, c."id" ${direction}
      LIMIT ${Prisma.raw(String(pageSize + 1))} OFFSET ${Prisma.raw(String(offset))}`,
    db.$queryRaw<
      { n: number | bigint }[]
    >`SELECT COUNT(*) AS n FROM "Conversation" c WHERE ${Prisma.join(conditions, " AND ")}`,
  ]);
  const more = found.length > pageSize;
  const ids = found.slice(0, pageSize).map((row) => row.id);
  if (before) ids.reverse();
  const hasNext = before ? true : more;
  const hasPrevious = before ? more : Boolean(after) || offset > 0;

  // The ids come from the shop-scoped query above; the follow-ups look rows up by those ids (and
  // re-check the shop on the conversations). A "shop = ?" beside the id list would tempt SQLite,
  // without statistics, to walk the shop's whole index instead of the primary key.
  const [conversations, firstMessages, intents, ratings, tickets] = await Promise.all([
    db.conversation.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        shop: true,
        createdAt: true,
        lastMessageAt: true,
        status: true,
        customerId: true,
        messageCount: true,
        csat: true,
      },
    }),
    db.message.findMany({
      where: { conversationId: { in: ids }, role: "shopper" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      distinct: ["conversationId"],
      select: { conversationId: true, text: true },
    }),
    db.message.findMany({
      where: {
        conversationId: { in: ids },
        role: "shopper",
        OR: [{ intent: { not: null } }, { correctedIntent: { not: null } }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["conversationId"],
      select: { conversationId: true, intent: true, correctedIntent: true },
    }),
    db.feedback.groupBy({
      by: ["conversationId", "rating"],
      where: { shop, conversationId: { in: ids } },
      _count: { _all: true },
    }),
    db.handoffTicket.groupBy({
      by: ["conversationId"],
      where: { shop, conversationId: { in: ids } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(conversations.filter((c) => c.shop === shop).map((c) => [c.id, c]));
  const firstMessage = new Map(firstMessages.map((m) => [m.conversationId, m.text]));
  const lastIntent = new Map(intents.map((m) => [m.conversationId, m.correctedIntent ?? m.intent]));
  const ratingCount = (id: string, rating: string) =>
    ratings.find((r) => r.conversationId === id && r.rating === rating)?._count._all ?? 0;
  const ticketCount = new Map(tickets.map((t) => [t.conversationId, t._count._all]));
  const rows: ConversationRow[] = ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    return [
      {
        id: c.id,
        startedAt: c.createdAt.toISOString(),
        lastMessageAt: c.lastMessageAt.toISOString(),
        status: c.status,
        customerId: c.customerId,
        messageCount: c.messageCount,
        firstMessage: firstMessage.get(id) ?? "",
        lastIntent: lastIntent.get(id) ?? null,
        thumbsUp: ratingCount(id, "up"),
        thumbsDown: ratingCount(id, "down"),
        tickets: ticketCount.get(id) ?? 0,
        csat: c.csat,
      },
    ];
  });
  return {
    rows,
    hasNext,
    hasPrevious,
    nextCursor: hasNext && rows.length ? pageCursor(rows[rows.length - 1]) : null,
    previousCursor: hasPrevious && rows.length ? pageCursor(rows[0]) : null,
    total: Number(counted[0]?.n ?? 0),
  };
}

export interface TranscriptMessage {
  id: string;
  role: string;
  text: string;
  createdAt: string;
  /** For a bot reply: the shopper message it answers. */
  replyToId: string | null;
  intent: string | null;
  /** The intent the merchant relabelled a shopper message to. */
  correctedIntent: string | null;
  confidence: number | null;
  entities: Record<string, string>;
  engine: string | null;
  engineNote: string | null;
  /** What a bot reply did (app/chat/reply-kind.ts); null on older replies and others' messages. */
  replyKind: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  lookups: { kind: string; ref: string; outcome: string }[];
  /** The product cards the shopper saw under a bot reply (title and price). */
  products: { title: string; price: string }[];
  feedback: string | null;
}

export async function getConversationDetail(db: Db, shop: string, id: string) {
  const conversation = await db.conversation.findFirst({
    where: { id, shop },
    include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { feedback: true } } },
  });
  if (!conversation) return null;
  const messages: TranscriptMessage[] = conversation.messages.map((m) => ({
    id: m.id,
    role: m.role,
    text: m.text,
    createdAt: m.createdAt.toISOString(),
    replyToId: m.replyToId,
    intent: m.intent,
    correctedIntent: m.correctedIntent,
    confidence: m.confidence,
    entities: m.entities ? JSON.parse(m.entities) : {},
    engine: m.engine,
    engineNote: m.engineNote,
    replyKind: m.replyKind,
    promptTokens: m.promptTokens,
    completionTokens: m.completionTokens,
    costUsd: m.costUsd,
    latencyMs: m.latencyMs,
    lookups: m.lookups ? JSON.parse(m.lookups) : [],
    products: m.products
      ? (JSON.parse(m.products) as { title?: string; price?: string }[]).map((p) => ({
          title: String(p.title ?? ""),
          price: String(p.price ?? ""),
        }))
      : [],
    feedback: m.feedback?.rating ?? null,
  }));
  return {
    id: conversation.id,
    status: conversation.status,
    csat: conversation.csat,
    csatComment: conversation.csatComment,
    customerId: conversation.customerId,
    language: conversation.language,
    startedAt: conversation.createdAt.toISOString(),
    messages,
  };
}
