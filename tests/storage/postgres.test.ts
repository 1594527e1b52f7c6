/**
 * The storage layer on both backends: the same app modules and the same assertions against SQLite
 * (the committed SQLite migrations) and PostgreSQL (the committed PostgreSQL migrations, applied
 * by scripts/postgres-migrate.ts to a real server), through `createDb(url)`, which picks the
 * adapter and client from the URL. Plus the checks that keep the two in step: the twin schema is
 * fresh, both migration folders list the same versions, and the PostgreSQL migrations produce
 * exactly the current data model.
 *
 * PostgreSQL comes from tests/helpers/postgres.ts (a throwaway cluster, or PG_TEST_URL). Without
 * it these tests fail in CI and are skipped, with a warning, elsewhere.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "@shopify/shopify-api";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { databaseProvider, isPostgresUrl } from "../../app/db-url";
import { isDatabaseUnavailable } from "../../app/db-errors";
import { Prisma as SqlitePrisma } from "../../app/generated/prisma/client";
import type * as SqliteModels from "../../app/generated/prisma/client";
import type * as PostgresModels from "../../app/generated/prisma-postgres/client";
import {
  conversationMessages,
  findConversation,
  recordBotReply,
  recordFeedback,
  recordShopperMessage,
  startConversation,
  type BotReplyRecord,
  type Conversation,
} from "../../app/chat/transcript.server";
import { DEFAULT_SETTINGS, getShopSettings } from "../../app/settings.server";
import {
  MIGRATIONS_TABLE,
  POSTGRES_MIGRATIONS_DIR,
  applyPostgresMigrations,
  listPostgresMigrations,
} from "../../scripts/postgres-migrate";
import { SNAPSHOT_FILE, diffPostgresSchemas, sqliteMigrationNames } from "../../scripts/postgres-migration";
import { POSTGRES_SCHEMA, expectedPostgresSchema } from "../../scripts/postgres-schema";
import {
  createDatabaseOn,
  postgresUnavailable,
  startPostgres,
  withClient,
  type TestPostgres,
} from "../helpers/postgres";
import { migratedDatabaseUrl } from "../helpers/test-db";

const PG_MISSING = postgresUnavailable();
const IN_CI = Boolean(process.env.CI);

interface Backend {
  name: "sqlite" | "postgresql";
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const backends: Backend[] = [
  { name: "sqlite", start: async () => ({ url: migratedDatabaseUrl("storage"), stop: async () => {} }) },
];
if (!PG_MISSING) {
  backends.push({
    name: "postgresql",
    start: async () => {
      const server = await startPostgres("storage");
      await applyPostgresMigrations(server.url);
      return server;
    },
  });
} else if (IN_CI) {
  describe("PostgreSQL", () => {
    it("is available for the storage tests in CI", () => {
      throw new Error(`PostgreSQL storage tests cannot run: ${PG_MISSING}. .ci/run installs Debian's postgresql.`);
    });
  });
} else {
  console.warn(`\n[storage] SKIPPING the PostgreSQL storage tests: ${PG_MISSING}. They run (and must pass) in CI.\n`);
}

const SHOP = "storage-test.myshopify.com";

/** Another connection holds the Conversation table's write lock (on SQLite: the database's) until release(). */
async function lockConversations(engine: Backend["name"], url: string): Promise<() => Promise<void>> {
  if (engine === "sqlite") {
    const other = new Database(url.replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    return async () => void (other.exec("ROLLBACK"), other.close());
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "Conversation" IN EXCLUSIVE MODE');
  return async () => void (await client.query("ROLLBACK"), await client.end());
}

function reply(overrides: Partial<BotReplyRecord> = {}): BotReplyRecord {
  return {
    text: "I've passed this to our team; they will email you.",
    intent: "handoff",
    confidence: 0.875,
    entities: { orderNumber: "#1001" },
    engine: "local",
    engineNote: "hybrid: low local confidence",
    usage: { promptTokens: 120, completionTokens: 34 },
    costUsd: 0.000123,
    latencyMs: 42,
    lookups: [{ order: "#1001" }],
    products: [{ handle: "merino-beanie" }],
    quickReplies: ["Thanks"],
    state: { orderNumber: "#1001" } as BotReplyRecord["state"],
    status: "handoff",
    replyKind: "answer",
    ticket: {
      kind: "handoff",
      reason: "asked_for_person",
      summary: "Shopper asks for a person",
      orderNumber: "#1001",
      contactEmail: "ann@example.com",
    },
    ...overrides,
  };
}

describe.each(backends)("storage on $name", (backend) => {
  let server: { url: string; stop(): Promise<void> };
  let db: Db;

  beforeAll(async () => {
    server = await backend.start();
    db = createDb(server.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("createDb picks this backend from the URL's scheme", async () => {
    expect(databaseProvider(server.url)).toBe(backend.name);
    const [row] =
      backend.name === "postgresql"
        ? await db.$queryRawUnsafe<{ v: string }[]>("SELECT version() AS v")
        : await db.$queryRawUnsafe<{ v: string }[]>("SELECT 'SQLite ' || sqlite_version() AS v");
    expect(row.v).toMatch(backend.name === "postgresql" ? /^PostgreSQL \d+/ : /^SQLite \d/);
  });

  it("gives every connection a lock deadline: a write blocked by another connection's lock fails fast, as 'unavailable'", async () => {
    if (backend.name === "postgresql") {
      const [timeouts] = await db.$queryRawUnsafe<{ statement: string; lock: string }[]>(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock",
      );
      expect(timeouts).toEqual({ statement: "10s", lock: "2s" });
    }
    const previous = process.env.DATABASE_LOCK_TIMEOUT_MS;
    process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
    const impatient = createDb(server.url);
    if (previous === undefined) delete process.env.DATABASE_LOCK_TIMEOUT_MS;
    else process.env.DATABASE_LOCK_TIMEOUT_MS = previous;
    await impatient.conversation.count(); // connected before the lock is taken
    const release = await lockConversations(backend.name, server.url);
    const started = Date.now();
    try {
      const failed = await startConversation(impatient, { shop: SHOP, customerId: null }, "en").then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed, "the write must fail while the table is locked").not.toBeNull();
      expect(isDatabaseUnavailable(failed)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await release();
      await impatient.$disconnect();
    }
  });

  /** A shopper message in `conversation` and the bot's reply carrying `ticket`. */
  const askingFor = (conversation: Conversation) => async (text: string, ticket: BotReplyRecord["ticket"]) => {
    const { message } = await recordShopperMessage(db, conversation, text, null);
    await recordBotReply(db, conversation, message, reply({ ticket }));
  };

  it("files one open ticket per kind and order in a conversation, however often it is asked for", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const ask = askingFor(conversation);
    const invoice = {
      kind: "invoice_request" as const,
      reason: "needs_approval" as const,
      summary: "Invoice for #1060",
      orderNumber: "#1060",
    };
    await ask("can I get an invoice for my last order?", invoice);
    await ask("it's for my company expense report", { ...invoice, summary: "Invoice for #1060, for expenses" });
    await ask("and one for order 1061 please", { ...invoice, orderNumber: "#1061" });
    const tickets = await db.handoffTicket.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(tickets.map((t) => [t.kind, t.orderNumber, t.summary])).toEqual([
      ["invoice_request", "#1060", "Invoice for #1060"],
      ["invoice_request", "#1061", "Invoice for #1060"],
    ]);
    // Once the team has closed it, asking again is a new request.
    await db.handoffTicket.update({ where: { id: tickets[0].id }, data: { status: "closed" } });
    await ask("I still need that invoice", invoice);
    expect(await db.handoffTicket.count({ where: { conversationId: conversation.id, orderNumber: "#1060" } })).toBe(2);
  });

  it("keeps one hand-off per conversation: the guest's reply address joins it, and writing back after the team's reply reopens it", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const ask = askingFor(conversation);
    await ask("my jacket arrived torn, I want a person", {
      kind: "complaint",
      reason: "complaint",
      summary: "my jacket arrived torn, I want a person",
    });
    await ask("sam@example.com", {
      kind: "complaint",
      reason: "complaint",
      summary: "my jacket arrived torn, I want a person",
      contactEmail: "sam@example.com",
    });
    const [ticket] = await db.handoffTicket.findMany({ where: { conversationId: conversation.id } });
    expect(ticket).toMatchObject({
      kind: "complaint",
      reasonCategory: "complaint",
      status: "open",
      contactEmail: "sam@example.com",
      summary: "my jacket arrived torn, I want a person",
    });

    await db.handoffTicket.update({
      where: { id: ticket.id },
      data: { status: "replied", reply: "So sorry! A replacement is on its way." },
    });
    await ask("thanks, but the zipper on the other one broke too", {
      kind: "handoff",
      reason: "asked_for_person",
      summary: "thanks, but the zipper on the other one broke too",
    });
    const after = await db.handoffTicket.findMany({ where: { conversationId: conversation.id } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: ticket.id, status: "open", contactEmail: "sam@example.com" });
  });

  it("a reply that passes the shopper's message to the team puts the conversation's answered tickets back in Open (and only those), in the reply's write", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const elsewhere = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const earlier = new Date(Date.now() - 60_000);
    const ticket = (conversationId: string, status: string, kind: string) =>
      db.handoffTicket.create({
        data: {
          shop: SHOP,
          conversationId,
          kind,
          summary: kind,
          status,
          repliedAt: status === "open" ? null : earlier,
          updatedAt: earlier,
        },
      });
    const answered = await ticket(conversation.id, "replied", "handoff");
    const closed = await ticket(conversation.id, "closed", "invoice");
    const otherConversation = await ticket(elsewhere.id, "replied", "handoff");
    const status = async (id: string) => (await db.handoffTicket.findUniqueOrThrow({ where: { id } })).status;

    // Stored, not yet answered: whether it is the team's is the answer's to say (app/chat/team-thread.ts).
    const { message } = await recordShopperMessage(db, conversation, "it still hasn't arrived", "client-writes-back");
    expect(await status(answered.id)).toBe("replied");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).messageCount).toBe(1);
    const bot = await recordBotReply(
      db,
      conversation,
      message,
      reply({ ticket: undefined, status: undefined, replyKind: "team_followup" }),
    );
    const after = await db.handoffTicket.findUniqueOrThrow({ where: { id: answered.id } });
    expect(after.status).toBe("open");
    expect(after.updatedAt.getTime()).toBe(bot.createdAt.getTime());
    expect(await status(closed.id)).toBe("closed");
    expect(await status(otherConversation.id)).toBe("replied");

    // A retry of the same message is refused by the unique index: nothing of its write happens.
    const retry = await recordShopperMessage(db, conversation, "it still hasn't arrived", "client-writes-back");
    expect(retry.message.id).toBe(message.id);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).messageCount).toBe(2);

    // A new question the bot answers itself leaves the team's reply standing.
    await db.handoffTicket.update({ where: { id: answered.id }, data: { status: "replied" } });
    const question = await recordShopperMessage(db, conversation, "do you ship to Canada?", null);
    await recordBotReply(
      db,
      conversation,
      question.message,
      reply({ ticket: undefined, status: undefined, replyKind: "answer" }),
    );
    expect(await status(answered.id)).toBe("replied");
  });

  it("starts a conversation with the schema's defaults", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "de");
    expect(conversation).toMatchObject({
      shop: SHOP,
      customerId: null,
      language: "de",
      status: "open",
      state: "{}",
      messageCount: 0,
      csat: null,
    });
    expect(conversation.id).toMatch(/^[\w-]{22}$/);
    expect(conversation.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(conversation.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await findConversation(db, { shop: SHOP, customerId: null }, conversation.id)).toEqual(conversation);
    expect(await findConversation(db, { shop: "other.myshopify.com", customerId: null }, conversation.id)).toBeNull();
  });

  it("stores a shopper message once per clientMessageId, and a reply with its ticket, feedback and history", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: "gid://shopify/Customer/7" }, "en");
    const first = await recordShopperMessage(db, conversation, "Can I talk to a person?", "client-1");
    expect(first.existingReply).toBeNull();
    expect(first.message).toMatchObject({
      role: "shopper",
      text: "Can I talk to a person?",
      clientMessageId: "client-1",
      intent: null,
    });

    const retry = await recordShopperMessage(db, conversation, "Can I talk to a person?", "client-1");
    expect(retry.message.id).toBe(first.message.id);
    expect(retry.existingReply).toBeNull();
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(1);

    const bot = await recordBotReply(db, conversation, first.message, reply());
    expect(bot).toMatchObject({
      role: "bot",
      replyToId: first.message.id,
      intent: "handoff",
      confidence: 0.875,
      engine: "local",
      engineNote: "hybrid: low local confidence",
      replyKind: "answer",
      promptTokens: 120,
      completionTokens: 34,
      costUsd: 0.000123,
      latencyMs: 42,
      products: JSON.stringify([{ handle: "merino-beanie" }]),
      quickReplies: JSON.stringify(["Thanks"]),
    });

    const answered = await recordShopperMessage(db, conversation, "Can I talk to a person?", "client-1");
    expect(answered.message.id).toBe(first.message.id);
    expect(answered.existingReply?.id).toBe(bot.id);

    const stored = await db.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      include: { tickets: true },
    });
    expect(stored).toMatchObject({
      status: "handoff",
      messageCount: 2,
      state: JSON.stringify({ orderNumber: "#1001" }),
    });
    expect(stored.lastMessageAt.getTime()).toBeGreaterThanOrEqual(conversation.lastMessageAt.getTime());
    expect(stored.tickets).toHaveLength(1);
    expect(stored.tickets[0]).toMatchObject({
      shop: SHOP,
      kind: "handoff",
      reasonCategory: "asked_for_person",
      status: "open",
      orderNumber: "#1001",
      contactEmail: "ann@example.com",
      reply: null,
    });

    const analysed = await db.message.findUniqueOrThrow({ where: { id: first.message.id } });
    expect(analysed).toMatchObject({
      intent: "handoff",
      confidence: 0.875,
      engine: "local",
      entities: JSON.stringify({ orderNumber: "#1001" }),
    });

    expect(await recordFeedback(db, conversation, bot.id, "up")).toBe(true);
    expect(await recordFeedback(db, conversation, bot.id, "down")).toBe(true);
    expect(await recordFeedback(db, conversation, first.message.id, "up")).toBe(false);
    expect(await db.feedback.count({ where: { messageId: bot.id } })).toBe(1);

    const history = await conversationMessages(db, conversation);
    expect(history.map((m) => [m.role, m.id])).toEqual([
      ["shopper", first.message.id],
      ["bot", bot.id],
    ]);
    expect(history[0].feedback).toBeNull();
    expect(history[1].feedback).toMatchObject({ rating: "down", shop: SHOP, conversationId: conversation.id });
  });

  it("keeps the conversation's status and language when a reply changes neither, and stores absent figures as null", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const first = await recordShopperMessage(db, conversation, "hola, ¿hacen envíos a España?", null);
    await recordBotReply(
      db,
      conversation,
      first.message,
      reply({ status: undefined, ticket: undefined, language: "es" }),
    );
    const second = await recordShopperMessage(db, conversation, "gracias", null);
    const bare = reply({
      status: undefined,
      ticket: undefined,
      language: undefined,
      intent: null,
      confidence: null,
      engineNote: undefined,
      usage: null,
      costUsd: null,
      products: [],
      quickReplies: [],
    });
    const bot = await recordBotReply(db, conversation, second.message, bare);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      status: "open",
      language: "es",
      messageCount: 4,
    });
    expect(await db.message.findUniqueOrThrow({ where: { id: bot.id } })).toEqual(bot);
    expect(bot).toMatchObject({
      intent: null,
      confidence: null,
      engineNote: null,
      promptTokens: null,
      costUsd: null,
      products: null,
      quickReplies: null,
      replyToId: second.message.id,
    });
    expect(await db.message.findUniqueOrThrow({ where: { id: second.message.id } })).toMatchObject({
      intent: null,
      confidence: null,
      engine: "local",
    });
  });

  it("stores a message while another transaction holds the connection, and keeps it when that one rolls back", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    let storing: Promise<unknown> = Promise.resolve();
    const rolledBack = await db
      .$transaction(async (tx) => {
        await tx.conversation.update({ where: { id: conversation.id }, data: { csat: 5 } });
        // On SQLite this transaction now holds the one connection, across awaits.
        storing = recordShopperMessage(db, conversation, "is the alpine jacket in stock?", "client-during-tx");
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    expect(rolledBack).toBe("roll back");
    await storing;
    const stored = await db.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      include: { messages: true },
    });
    expect(stored.csat).toBeNull();
    expect(stored.messageCount).toBe(1);
    expect(stored.messages.map((m) => m.clientMessageId)).toEqual(["client-during-tx"]);
  });

  it("stores concurrent retries of one message once (the unique index maps to P2002 and is retried)", async () => {
    const conversation = await startConversation(db, { shop: SHOP, customerId: null }, "en");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => recordShopperMessage(db, conversation, "Where is my order?", "client-race")),
    );
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("reports a unique violation as the P2002 known-request error the app and session storage catch", async () => {
    await db.modelVersion.create({ data: { shop: SHOP, version: 1 } });
    const error = await db.modelVersion.create({ data: { shop: SHOP, version: 1 } }).catch((e: unknown) => e);
    // Session storage checks `instanceof Prisma.PrismaClientKnownRequestError` of the SQLite client.
    expect(error).toBeInstanceOf(SqlitePrisma.PrismaClientKnownRequestError);
    expect(error).toMatchObject({ code: "P2002" });
  });

  it("creates a shop's settings with the defaults once, then keeps the merchant's changes", async () => {
    const shop = `settings-${backend.name}.myshopify.com`;
    const created = await getShopSettings(db, shop);
    expect(created).toMatchObject({ shop, ...DEFAULT_SETTINGS });
    await db.shopSettings.update({ where: { shop }, data: { botName: "Ava", allowReturns: true, retentionDays: 30 } });
    const again = await getShopSettings(db, shop);
    expect(again).toMatchObject({
      botName: "Ava",
      allowReturns: true,
      retentionDays: 30,
      greeting: DEFAULT_SETTINGS.greeting,
    });
    expect(again.createdAt.getTime()).toBe(created.createdAt.getTime());
    expect(await db.shopSettings.count({ where: { shop } })).toBe(1);
  });

  it("keeps Shopify sessions with PrismaSessionStorage", async () => {
    const storage = new PrismaSessionStorage(db, { connectionRetries: 1, connectionRetryIntervalMs: 10 });
    expect(await storage.isReady()).toBe(true);
    const expires = new Date(Date.now() + 86_400_000);
    expires.setMilliseconds(0);
    const offline = new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "state-1",
      isOnline: false,
      scope: "read_orders,read_products",
      accessToken: "shpat_offline",
    });
    const online = new Session({
      id: `${SHOP}_902541635`,
      shop: SHOP,
      state: "state-2",
      isOnline: true,
      scope: "read_orders",
      accessToken: "shpua_online",
      expires,
      onlineAccessInfo: {
        expires_in: 86_400,
        associated_user_scope: "read_orders",
        associated_user: {
          id: 902541635,
          first_name: "Ann",
          last_name: "Lee",
          email: "ann@example.com",
          email_verified: true,
          account_owner: true,
          locale: "en",
          collaborator: false,
        },
      },
    });
    expect(await storage.storeSession(offline)).toBe(true);
    expect(await storage.storeSession(online)).toBe(true);
    expect(await storage.storeSession(offline)).toBe(true); // upsert

    const loadedOffline = await storage.loadSession(offline.id);
    expect(loadedOffline?.toObject()).toMatchObject({
      id: offline.id,
      shop: SHOP,
      isOnline: false,
      scope: "read_orders,read_products",
      accessToken: "shpat_offline",
    });
    const loadedOnline = await storage.loadSession(online.id);
    expect(loadedOnline?.isOnline).toBe(true);
    expect(loadedOnline?.expires?.getTime()).toBe(expires.getTime());
    expect(loadedOnline?.onlineAccessInfo?.associated_user).toMatchObject({
      id: 902541635,
      first_name: "Ann",
      email: "ann@example.com",
      account_owner: true,
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: online.id } })).userId).toBe(902541635n);

    expect((await storage.findSessionsByShop(SHOP)).map((s) => s.id).sort()).toEqual([offline.id, online.id].sort());
    expect(await storage.deleteSession(online.id)).toBe(true);
    expect(await storage.loadSession(online.id)).toBeUndefined();
    expect(await storage.deleteSessions([offline.id])).toBe(true);
    expect(await storage.findSessionsByShop(SHOP)).toEqual([]);
  });
});

describe("PostgreSQL twin schema and migrations", () => {
  it("prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (npm run db:schema:postgres)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("has one PostgreSQL migration for each SQLite migration, with the same names", () => {
    expect(listPostgresMigrations().map((m) => m.name)).toEqual(sqliteMigrationNames());
  });

  it("the last migration's snapshot is the current schema (no change waits for `npm run db:migration:postgres`)", () => {
    const last = listPostgresMigrations().at(-1)!;
    const sql = diffPostgresSchemas(path.join(POSTGRES_MIGRATIONS_DIR, last.name, SNAPSHOT_FILE), POSTGRES_SCHEMA);
    expect(sql.replace(/--[^\n]*/g, "").trim()).toBe("");
  });

  it("both generated clients have the same model types", () => {
    expectTypeOf<PostgresModels.Session>().toEqualTypeOf<SqliteModels.Session>();
    expectTypeOf<PostgresModels.ShopSettings>().toEqualTypeOf<SqliteModels.ShopSettings>();
    expectTypeOf<PostgresModels.Conversation>().toEqualTypeOf<SqliteModels.Conversation>();
    expectTypeOf<PostgresModels.Message>().toEqualTypeOf<SqliteModels.Message>();
    expectTypeOf<PostgresModels.Feedback>().toEqualTypeOf<SqliteModels.Feedback>();
    expectTypeOf<PostgresModels.HandoffTicket>().toEqualTypeOf<SqliteModels.HandoffTicket>();
    expectTypeOf<PostgresModels.ApprovedAnswer>().toEqualTypeOf<SqliteModels.ApprovedAnswer>();
    expectTypeOf<PostgresModels.ModelVersion>().toEqualTypeOf<SqliteModels.ModelVersion>();
    expect(
      isPostgresUrl("postgres://u@h/db") && isPostgresUrl("postgresql://u@h/db") && !isPostgresUrl("file:/x"),
    ).toBe(true);
    expect(() => databaseProvider("mysql://u@h/db")).toThrow(/file: \(SQLite\) or postgres/);
  });
});

describe.runIf(!PG_MISSING)("PostgreSQL migrations (scripts/postgres-migrate.ts)", () => {
  let server: TestPostgres;
  const created: TestPostgres[] = [];

  /** A new empty database on the test server. */
  async function freshDatabase(label: string): Promise<string> {
    const database = await createDatabaseOn(server.url, label);
    created.push(database);
    return database.url;
  }

  beforeAll(async () => {
    server = await startPostgres("migrations");
  });

  afterAll(async () => {
    for (const database of created) await database.stop().catch(() => {});
    await server?.stop();
  });

  it("applies every migration once, records it, and applies nothing on a second run", async () => {
    const url = await freshDatabase("idempotent");
    const names = listPostgresMigrations().map((m) => m.name);
    expect(await applyPostgresMigrations(url)).toEqual({ applied: names, alreadyApplied: [] });
    expect(await applyPostgresMigrations(url)).toEqual({ applied: [], alreadyApplied: names });
    const rows = await withClient(url, (c) => c.query(`SELECT "name" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`));
    expect(rows.rows.map((r) => r.name)).toEqual(names);
  });

  it("is safe when two instances migrate at once", async () => {
    const url = await freshDatabase("concurrent");
    const [a, b] = await Promise.all([applyPostgresMigrations(url), applyPostgresMigrations(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(listPostgresMigrations().map((m) => m.name));
  });

  it("rolls back a failing migration and refuses an applied migration that was edited", async () => {
    const url = await freshDatabase("failures");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-migrations-"));
    try {
      fs.cpSync(POSTGRES_MIGRATIONS_DIR, dir, { recursive: true });
      fs.mkdirSync(path.join(dir, "29991231000000_broken"));
      fs.writeFileSync(
        path.join(dir, "29991231000000_broken", "migration.sql"),
        'CREATE TABLE "Half" ("id" TEXT);\nSELECT 1 / 0;\n',
      );
      await expect(applyPostgresMigrations(url, { dir })).rejects.toThrow(
        /29991231000000_broken failed and was rolled back/,
      );
      const half = await withClient(url, (c) => c.query(`SELECT to_regclass('"Half"') AS t`));
      expect(half.rows[0].t).toBeNull();
      const recorded = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "${MIGRATIONS_TABLE}"`));
      expect(recorded.rows[0].n).toBe(listPostgresMigrations().length);

      fs.rmSync(path.join(dir, "29991231000000_broken"), { recursive: true });
      const first = listPostgresMigrations(dir)[0].name;
      fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
      await expect(applyPostgresMigrations(url, { dir })).rejects.toThrow(
        new RegExp(`${first} was changed after it was applied`),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the migrations produce exactly the schema `prisma migrate diff` gives for prisma/schema.prisma", async () => {
    const migrated = await freshDatabase("migrated");
    await applyPostgresMigrations(migrated);
    const direct = await freshDatabase("direct");
    await withClient(direct, (c) => c.query(diffPostgresSchemas(null, POSTGRES_SCHEMA)));
    const [a, b] = [await schemaFingerprint(migrated), await schemaFingerprint(direct)];
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });
});

/** Tables, columns (not their order), indexes and constraints of the public schema, app tables only. */
async function schemaFingerprint(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const columns = await c.query(
      `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1`,
      [MIGRATIONS_TABLE],
    );
    const indexes = await c.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`, [
      MIGRATIONS_TABLE,
    ]);
    const constraints = await c.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> $1`,
      [MIGRATIONS_TABLE],
    );
    return [
      ...columns.rows.map(
        (r) =>
          `column ${r.table_name}.${r.column_name} ${r.data_type}(${r.datetime_precision ?? ""}) null=${r.is_nullable} default=${r.column_default ?? ""}`,
      ),
      ...indexes.rows.map((r) => `index ${r.indexdef}`),
      ...constraints.rows.map((r) => `constraint ${r.tbl} ${r.conname} ${r.def}`),
    ].sort();
  });
}
