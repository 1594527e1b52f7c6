/** What the merchant's admin reads about conversations: always for the authenticated shop only. */
import type { Db } from "../db.server";

export const PAGE_SIZE = 25;

export interface ConversationRow {
  id: string;
  startedAt: string;
  lastMessageAt: string;
  status: string;
  customerId: string | null;
  messageCount: number;
  firstMessage: string;
  lastIntent: string | null;
  thumbsDown: number;
}

export async function listConversations(db: Db, shop: string, page = 1): Promise<{ rows: ConversationRow[]; hasNext: boolean }> {
  const conversations = await db.conversation.findMany({
    where: { shop },
    orderBy: { lastMessageAt: "desc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    include: {
      messages: { where: { role: "shopper" }, orderBy: { createdAt: "asc" }, take: 1, select: { text: true } },
    },
  });
  const ids = conversations.slice(0, PAGE_SIZE).map((c) => c.id);
  const [lastIntents, downs] = await Promise.all([
    db.message.findMany({
      where: { conversationId: { in: ids }, role: "shopper", intent: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { conversationId: true, intent: true },
    }),
    db.feedback.groupBy({ by: ["conversationId"], where: { conversationId: { in: ids }, rating: "down" }, _count: true }),
  ]);
  const intentByConversation = new Map<string, string>();
  for (const m of lastIntents) if (!intentByConversation.has(m.conversationId)) intentByConversation.set(m.conversationId, m.intent!);
  const downsByConversation = new Map(downs.map((d) => [d.conversationId, d._count]));
  return {
    rows: conversations.slice(0, PAGE_SIZE).map((c) => ({
      id: c.id,
      startedAt: c.createdAt.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
      status: c.status,
      customerId: c.customerId,
      messageCount: c.messageCount,
      firstMessage: c.messages[0]?.text ?? "",
      lastIntent: intentByConversation.get(c.id) ?? null,
      thumbsDown: downsByConversation.get(c.id) ?? 0,
    })),
    hasNext: conversations.length > PAGE_SIZE,
  };
}

export interface TranscriptMessage {
  id: string;
  role: string;
  text: string;
  createdAt: string;
  intent: string | null;
  confidence: number | null;
  entities: Record<string, string>;
  engine: string | null;
  engineNote: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  lookups: { kind: string; ref: string; outcome: string }[];
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
    intent: m.intent,
    confidence: m.confidence,
    entities: m.entities ? JSON.parse(m.entities) : {},
    engine: m.engine,
    engineNote: m.engineNote,
    promptTokens: m.promptTokens,
    completionTokens: m.completionTokens,
    costUsd: m.costUsd,
    latencyMs: m.latencyMs,
    lookups: m.lookups ? JSON.parse(m.lookups) : [],
    feedback: m.feedback?.rating ?? null,
  }));
  return {
    id: conversation.id,
    status: conversation.status,
    customerId: conversation.customerId,
    language: conversation.language,
    startedAt: conversation.createdAt.toISOString(),
    messages,
  };
}

export async function listTickets(db: Db, shop: string, status: string | null) {
  const tickets = await db.handoffTicket.findMany({
    where: { shop, ...(status ? { status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return tickets.map((ticket) => ({
    id: ticket.id,
    conversationId: ticket.conversationId,
    kind: ticket.kind,
    status: ticket.status,
    summary: ticket.summary,
    orderNumber: ticket.orderNumber,
    contactEmail: ticket.contactEmail,
    createdAt: ticket.createdAt.toISOString(),
  }));
}

/** Replies per engine and model spend, counted in the database. */
export async function engineUsage(db: Db, shop: string, since?: Date) {
  const where = { shop, role: "bot", ...(since ? { createdAt: { gte: since } } : {}) };
  const [byEngine, totals] = await Promise.all([
    db.message.groupBy({ by: ["engine"], where, _count: { _all: true } }),
    db.message.aggregate({ where, _sum: { promptTokens: true, completionTokens: true, costUsd: true } }),
  ]);
  return {
    byEngine: byEngine.map((row) => ({ engine: row.engine ?? "unknown", replies: row._count._all })),
    promptTokens: totals._sum.promptTokens ?? 0,
    completionTokens: totals._sum.completionTokens ?? 0,
    costUsd: totals._sum.costUsd ?? 0,
  };
}
