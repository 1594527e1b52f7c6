/**
 * The statements every chat turn runs, written as SQL that SQLite and PostgreSQL read alike and
 * sent through Prisma's $queryRaw/$executeRaw (parameters bound, dates stored as Prisma stores
 * them). Prisma's model API plans each query afresh in its query compiler: about 1 ms a statement
 * on this machine against 0.2 ms for the same statement raw (`npm run bench:db`), and a turn runs
 * five of them. Everything else keeps the model API.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../db.server";
import type { Conversation, Message } from "../generated/prisma/client";

/**
 * A new row id in the shape of Prisma's cuid(): "c", the time and a per-process counter in base 36,
 * then randomness. Ids sort in creation order within a process, so a shopper message and its reply
 * written in the same millisecond still list in order (transcripts break createdAt ties by id).
 */
export function newRowId(now = Date.now()): string {
  counter = (counter + 1) % COUNTER_SPAN;
  const random = Array.from(randomBytes(12), (byte) => (byte % 36).toString(36)).join("");
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
const COUNTER_SPAN = 36 ** 4;
let counter = Math.floor(Math.random() * COUNTER_SPAN);

/** The conversation's row and how many of its hand-offs wait for the team, in one statement. */
export async function selectConversation(db: Db, shop: string, id: string): Promise<{ conversation: Conversation; openTickets: number } | null> {
  const rows = await db.$queryRaw<(Conversation & { openTickets: bigint | number })[]>`
    SELECT c."id", c."shop", c."customerId", c."language", c."status", c."resolvedAt", c."csat", c."csatComment",
           c."state", c."messageCount", c."createdAt", c."lastMessageAt",
           (SELECT COUNT(*) FROM "HandoffTicket" t WHERE t."conversationId" = c."id" AND t."shop" = c."shop" AND t."status" = 'open') AS "openTickets"
    FROM "Conversation" c WHERE c."id" = ${id} AND c."shop" = ${shop}`;
  const row = rows[0];
  if (!row) return null;
  const conversation: Conversation = {
    id: row.id,
    shop: row.shop,
    customerId: row.customerId,
    language: row.language,
    status: row.status,
    resolvedAt: asDate(row.resolvedAt),
    csat: row.csat === null ? null : Number(row.csat),
    csatComment: row.csatComment,
    state: row.state,
    messageCount: Number(row.messageCount),
    createdAt: asDate(row.createdAt)!,
    lastMessageAt: asDate(row.lastMessageAt)!,
  };
  return { conversation, openTickets: Number(row.openTickets) };
}

function asDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/** A message as Prisma would return it after creating it with these fields. */
export function messageRow(fields: Pick<Message, "id" | "shop" | "conversationId" | "role" | "text" | "createdAt"> & Partial<Message>): Message {
  return {
    clientMessageId: null,
    replyToId: null,
    intent: null,
    confidence: null,
    correctedIntent: null,
    entities: null,
    engine: null,
    latencyMs: null,
    engineNote: null,
    promptTokens: null,
    completionTokens: null,
    costUsd: null,
    lookups: null,
    products: null,
    quickReplies: null,
    ...fields,
  };
}

/** INSERT of a shopper message (unrun, for a transaction). */
export function insertShopperMessage(db: Db, message: Message) {
  return db.$executeRaw`
    INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "clientMessageId", "createdAt")
    VALUES (${message.id}, ${message.shop}, ${message.conversationId}, ${message.role}, ${message.text}, ${message.clientMessageId}, ${message.createdAt})`;
}

/** INSERT of a new conversation holding its first message. */
export function insertConversation(db: Db, conversation: Conversation) {
  return db.$executeRaw`
    INSERT INTO "Conversation" ("id", "shop", "customerId", "language", "status", "state", "messageCount", "createdAt", "lastMessageAt")
    VALUES (${conversation.id}, ${conversation.shop}, ${conversation.customerId}, ${conversation.language}, ${conversation.status}, ${conversation.state}, ${conversation.messageCount}, ${conversation.createdAt}, ${conversation.lastMessageAt})`;
}

/** One more message in the conversation. */
export function countMessage(db: Db, conversationId: string, at: Date) {
  return db.$executeRaw`UPDATE "Conversation" SET "messageCount" = "messageCount" + 1, "lastMessageAt" = ${at} WHERE "id" = ${conversationId}`;
}

/** The shopper message's analysis, once it is answered. */
export function updateAnalysis(db: Db, messageId: string, analysis: { intent: string | null; confidence: number | null; entities: string; engine: string }) {
  return db.$executeRaw`
    UPDATE "Message" SET "intent" = ${analysis.intent}, "confidence" = ${analysis.confidence}, "entities" = ${analysis.entities}, "engine" = ${analysis.engine}
    WHERE "id" = ${messageId}`;
}

/** INSERT of the bot's reply. */
export function insertReply(db: Db, reply: Message) {
  return db.$executeRaw`
    INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "replyToId", "intent", "confidence", "engine", "engineNote",
                           "promptTokens", "completionTokens", "costUsd", "latencyMs", "lookups", "products", "quickReplies", "createdAt")
    VALUES (${reply.id}, ${reply.shop}, ${reply.conversationId}, ${reply.role}, ${reply.text}, ${reply.replyToId}, ${reply.intent}, ${reply.confidence},
            ${reply.engine}, ${reply.engineNote}, ${reply.promptTokens}, ${reply.completionTokens}, ${reply.costUsd}, ${reply.latencyMs},
            ${reply.lookups}, ${reply.products}, ${reply.quickReplies}, ${reply.createdAt})`;
}

/** The conversation after a reply: its dialogue state, count and time, and status and language when they change. */
export function updateAfterReply(db: Db, conversationId: string, change: { state: string; at: Date; status: string | null; language: string | null }) {
  return db.$executeRaw`
    UPDATE "Conversation" SET "state" = ${change.state}, "messageCount" = "messageCount" + 1, "lastMessageAt" = ${change.at},
      "status" = COALESCE(${change.status}, "status"), "language" = COALESCE(${change.language}, "language")
    WHERE "id" = ${conversationId}`;
}

/** A unique index refused the write, through the model API (P2002) or raw SQL (P2010 with the driver's kind). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  if (!e || typeof e !== "object") return false;
  return e.code === "P2002" || (e.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
