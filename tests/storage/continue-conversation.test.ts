/**
 * A message in a conversation its owner continues, on SQLite and on PostgreSQL: the conversation
 * is read with its hand-offs and the message stored and counted only when it is the owner's, a
 * retry (same clientMessageId) finds the stored message, and on PostgreSQL the read and the write
 * are one statement (one round trip instead of two).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import {
  continueConversationWithMessage,
  recordBotReply,
  startConversationWithMessage,
} from "../../app/chat/transcript.server";
import { installSqlCounter } from "../../scripts/profile/sql-counter.mjs";
import { requirePostgres } from "../helpers/postgres";
import { migratedDatabaseUrl } from "../helpers/test-db";

const SHOP = "continue.myshopify.com";
const CUSTOMER = "gid://shopify/Customer/7";
const sql = installSqlCounter();

const backends = [
  { name: "sqlite", start: async () => ({ url: migratedDatabaseUrl("continue"), stop: async () => {} }) },
  {
    name: "postgresql",
    start: () => requirePostgres("continue_conversation", { migrated: true }),
  },
] as const;

describe.each(backends)("continuing a conversation on $name", (backend) => {
  let server: { url: string; stop(): Promise<void> };
  let db: Db;

  beforeAll(async () => {
    server = await backend.start();
    db = createDb(server.url);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const count = async (id: string) => (await db.conversation.findUniqueOrThrow({ where: { id } })).messageCount;

  it("reads the conversation with its hand-offs and stores the message, in one statement on PostgreSQL", async () => {
    const owner = { shop: SHOP, customerId: CUSTOMER };
    const { conversation } = await startConversationWithMessage(db, owner, "my parcel is late", null);
    await db.handoffTicket.create({
      data: { shop: SHOP, conversationId: conversation.id, kind: "handoff", status: "open", summary: "late parcel" },
    });
    let continued!: Awaited<ReturnType<typeof continueConversationWithMessage>>;
    const statements = await sql.traced(async () => {
      continued = await continueConversationWithMessage(
        db,
        owner,
        conversation.id,
        "card 4242 4242 4242 4242?",
        "c-one-1",
      );
    });
    expect(continued).not.toBeNull();
    expect(continued!.conversation).toMatchObject({ id: conversation.id, shop: SHOP, customerId: CUSTOMER });
    // As read before this message was counted.
    expect(continued!.conversation.messageCount).toBe(1);
    expect(continued!).toMatchObject({ openTickets: 1, answeredTickets: 0, repliedTickets: 0, existingReply: null });
    const stored = await db.message.findUniqueOrThrow({ where: { id: continued!.message.id } });
    expect(stored).toMatchObject({ conversationId: conversation.id, role: "shopper", clientMessageId: "c-one-1" });
    expect(stored.text).not.toContain("4242 4242");
    expect(stored.createdAt.getTime()).toBe(continued!.message.createdAt.getTime());
    expect(await count(conversation.id)).toBe(2);
    if (backend.name === "postgresql") expect(statements).toHaveLength(1);
    else
      expect(statements.map((s) => s.trim().split(/\s+/)[0])).toEqual([
        "SELECT",
        "BEGIN",
        "INSERT",
        "UPDATE",
        "COMMIT",
      ]);
  });

  it("stores nothing for a conversation that isn't the owner's, or doesn't exist", async () => {
    const { conversation } = await startConversationWithMessage(db, { shop: SHOP, customerId: CUSTOMER }, "hi", null);
    const before = await db.message.count();
    for (const other of [
      { shop: SHOP, customerId: null },
      { shop: SHOP, customerId: "gid://shopify/Customer/8" },
      { shop: "other.myshopify.com", customerId: CUSTOMER },
    ])
      expect(await continueConversationWithMessage(db, other, conversation.id, "hello?", null)).toBeNull();
    expect(
      await continueConversationWithMessage(
        db,
        { shop: SHOP, customerId: CUSTOMER },
        "no-such-conversation-id",
        "?",
        null,
      ),
    ).toBeNull();
    expect(await db.message.count()).toBe(before);
    expect(await count(conversation.id)).toBe(1);
  });

  it("finds a retried message (same clientMessageId) and its reply instead of storing it twice", async () => {
    const owner = { shop: SHOP, customerId: null };
    const { conversation } = await startConversationWithMessage(db, owner, "hi", null);
    const first = await continueConversationWithMessage(db, owner, conversation.id, "where is my order?", "c-retry-1");
    const reply = await recordBotReply(db, first!.conversation, first!.message, {
      text: "Which order?",
      intent: "track_order",
      confidence: 0.9,
      entities: {},
      engine: "local",
      latencyMs: 3,
      lookups: [],
      state: {},
      replyKind: "clarification",
    });
    const retry = await continueConversationWithMessage(db, owner, conversation.id, "where is my order?", "c-retry-1");
    expect(retry!.message.id).toBe(first!.message.id);
    expect(retry!.existingReply?.id).toBe(reply.id);
    expect(await db.message.count({ where: { conversationId: conversation.id, role: "shopper" } })).toBe(2);
  });
});
