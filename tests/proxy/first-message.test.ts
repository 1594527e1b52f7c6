/**
 * The first message of a conversation, on SQLite and on PostgreSQL: it and its conversation are
 * written together, and a retry of it (same clientMessageId, still no conversation id, as the
 * bubble resends after a dropped connection) finds what the first attempt stored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { createDatabaseOn, requirePostgres } from "../helpers/postgres";
import { SNAPSHOT_PATH } from "../helpers/chat-context";

configureTestApp("first-message");
const { createDb } = await import("../../app/db.server");
const { handleProxyRequest } = await import("../../app/proxy/chat-proxy.server");
const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
const { applyPostgresMigrations, POSTGRES_MIGRATIONS_DIR } = await import("../../scripts/postgres-migrate");
type Db = import("../../app/db.server").Db;

const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const SHOP = store.shopDomain;
/** The migration that makes clientMessageId unique per shop. */
const PER_SHOP_MIGRATION = "20261206100000_client_message_id_per_shop";

interface Backend {
  name: "sqlite" | "postgresql";
  start(): Promise<{ url: string; stop(): Promise<void> }>;
  /** Makes the database refuse any shopper message with this text, as a failing insert would. */
  refuseText(db: Db, text: string): Promise<void>;
  /** A new database migrated up to (not including) `migration`; `finish` applies the rest. */
  migratedBefore(serverUrl: string, migration: string): Promise<{ url: string; finish(): Promise<void> }>;
}

/** A copy of a migrations folder without `migration` and those after it. */
function migrationsBefore(dir: string, migration: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  for (const name of fs.readdirSync(dir).filter((n) => /^\d{14}_/.test(n) && n < migration))
    fs.cpSync(path.join(dir, name), path.join(copy, name), { recursive: true });
  return copy;
}

const backends: Backend[] = [
  {
    name: "sqlite",
    start: async () => ({ url: migratedDatabaseUrl("first-message"), stop: async () => {} }),
    refuseText: async (db, text) => {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_text BEFORE INSERT ON "Message" WHEN NEW."text" = '${text}' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
      );
    },
    migratedBefore: async (_serverUrl, migration) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "first-message-upgrade-")), "db.sqlite");
      const apply = (names: string[]) => {
        const sqlite = new Database(file);
        try {
          for (const name of names)
            sqlite.exec(fs.readFileSync(path.join("prisma", "migrations", name, "migration.sql"), "utf8"));
        } finally {
          sqlite.close();
        }
      };
      const all = fs
        .readdirSync(path.join("prisma", "migrations"))
        .filter((n) => /^\d{14}_/.test(n))
        .sort();
      apply(all.filter((n) => n < migration));
      return { url: `file:${file}`, finish: async () => apply(all.filter((n) => n >= migration)) };
    },
  },
  {
    name: "postgresql",
    start: () => requirePostgres("first_message", { migrated: true }),
    refuseText: async (db, text) => {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION refuse_text() RETURNS trigger AS $$ BEGIN IF NEW."text" = '${text}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_text BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_text()`,
      );
    },
    migratedBefore: async (serverUrl, migration) => {
      const database = await createDatabaseOn(serverUrl, "upgrade");
      await applyPostgresMigrations(database.url, { dir: migrationsBefore(POSTGRES_MIGRATIONS_DIR, migration) });
      return { url: database.url, finish: async () => void (await applyPostgresMigrations(database.url)) };
    },
  },
];

describe.each(backends)("first message on $name", (backend) => {
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

  /** A POST /proxy/messages as the route hands it over once the signature checked out. */
  async function send(body: unknown, customerId = ""): Promise<{ status: number; body: any }> {
    const request = new Request(
      `http://localhost/proxy/messages?shop=${SHOP}&logged_in_customer_id=${customerId}&timestamp=1&signature=s`,
      {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      },
    );
    const response = await handleProxyRequest(request, "messages", {
      db,
      authenticateProxy: async () => ({ session: { shop: SHOP }, admin: { graphql: store.graphql } }),
      now: () => store.now,
    });
    return { status: response.status, body: await response.json() };
  }

  const conversationsWith = (clientMessageId: string) =>
    db.conversation.count({ where: { shop: SHOP, messages: { some: { clientMessageId } } } });

  it("stores a retried first message once, in one conversation, and answers it once", async () => {
    const first = await send({ text: "what is your return policy?", clientMessageId: `retry-first-${backend.name}` });
    const retry = await send({ text: "what is your return policy?", clientMessageId: `retry-first-${backend.name}` });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.conversationId).toBe(first.body.conversationId);
    expect(retry.body.reply.id).toBe(first.body.reply.id);
    expect(await conversationsWith(`retry-first-${backend.name}`)).toBe(1);
    expect(await db.message.count({ where: { conversationId: first.body.conversationId } })).toBe(2);
  });

  it("stores concurrent retries of a first message once, in one conversation", async () => {
    const clientMessageId = `race-first-${backend.name}`;
    const before = await db.conversation.count({ where: { shop: SHOP } });
    const results = await Promise.all(Array.from({ length: 4 }, () => send({ text: "hello there", clientMessageId })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.conversationId)).size).toBe(1);
    expect(await db.conversation.count({ where: { shop: SHOP } })).toBe(before + 1);
    expect(await db.message.count({ where: { clientMessageId, role: "shopper" } })).toBe(1);
  });

  it("leaves no empty conversation when the first message can't be stored", async () => {
    await backend.refuseText(db, "this insert fails");
    const before = await db.conversation.count();
    const { status, body } = await send({ text: "this insert fails", clientMessageId: `refused-${backend.name}` });
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal_error");
    expect(await db.conversation.count()).toBe(before);
  });

  it("refuses (409) a clientMessageId from a conversation this shopper can't continue, and reveals nothing of it", async () => {
    const clientMessageId = `taken-${backend.name}`;
    const customer = await send({ text: "where is my order?", clientMessageId }, "7294052471661");
    expect(customer.status).toBe(200);
    const guest = await send({ text: "hi", clientMessageId });
    expect(guest.status).toBe(409);
    expect(guest.body.error.code).toBe("client_message_id_taken");
    expect(JSON.stringify(guest.body)).not.toContain(customer.body.conversationId);
    const otherConversation = await send({ text: "hello", clientMessageId: `other-${backend.name}` });
    const reused = await send({ text: "hi", clientMessageId, conversationId: otherConversation.body.conversationId });
    expect(reused.status).toBe(409);
    expect(await db.message.count({ where: { clientMessageId } })).toBe(1);
  });

  it("the migration keeps a database that already holds a retried first message twice", async () => {
    const { url, finish } = await backend.migratedBefore(server.url, PER_SHOP_MIGRATION);
    const old = createDb(url);
    try {
      for (const id of ["duplicate-conversation-1", "duplicate-conversation-2"]) {
        await old.conversation.create({
          data: {
            id,
            shop: SHOP,
            messages: { create: { shop: SHOP, role: "shopper", text: "hello", clientMessageId: "sent-twice" } },
          },
        });
      }
      await finish();
      const kept = await old.message.findMany({
        where: { text: "hello" },
        orderBy: { conversationId: "asc" },
        select: { conversationId: true, clientMessageId: true },
      });
      expect(kept).toEqual([
        { conversationId: "duplicate-conversation-1", clientMessageId: "sent-twice" },
        { conversationId: "duplicate-conversation-2", clientMessageId: null },
      ]);
    } finally {
      await old.$disconnect();
    }
  });

  it("stores a first message with NUL and lone surrogates, normalised, and a CSAT comment with them", async () => {
    const first = await send({ text: "hi\u0000 there \uD800", clientMessageId: `unsendable-${backend.name}` });
    expect(first.status).toBe(200);
    const stored = await db.message.findUniqueOrThrow({ where: { id: first.body.shopperMessage.id } });
    expect(stored.text).toBe("hi there \uFFFD");
    const csat = await handleProxyRequest(
      new Request(`http://localhost/proxy/csat?shop=${SHOP}&logged_in_customer_id=&timestamp=1&signature=s`, {
        method: "POST",
        body: JSON.stringify({ conversationId: first.body.conversationId, rating: 4, comment: "fine\u0000 \uDC00" }),
        headers: { "Content-Type": "application/json" },
      }),
      "csat",
      { db, authenticateProxy: async () => ({ session: { shop: SHOP }, admin: { graphql: store.graphql } }) },
    );
    expect(csat.status).toBe(200);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first.body.conversationId } })).csatComment).toBe(
      "fine \uFFFD",
    );
  });
});
