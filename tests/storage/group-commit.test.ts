/**
 * The chat's writes of one turn of the event loop, committed together. SQLite: one transaction, one
 * commit, each caller's writes all or nothing under a savepoint of their own. PostgreSQL: the
 * writes of a conversation's reply (keyed by conversation) share one statement with other
 * conversations' of the same turn, never with the same conversation's. On both, no caller goes on
 * before its writes are committed, only a caller whose writes fail hears of it, and a caller alone
 * in its turn commits as before.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import type { Conversation } from "../../app/generated/prisma/client";
import {
  countMessage,
  insertConversation,
  insertMessage,
  isUniqueViolation,
  messageRow,
  newRowId,
  writeTogether,
} from "../../app/chat/transcript-sql.server";
import { installSqlCounter } from "../../scripts/profile/sql-counter.mjs";
import { migratedDatabaseUrl } from "../helpers/test-db";
import { requirePostgres, type TestPostgres } from "../helpers/postgres";

const SHOP = "group-commit.myshopify.com";
const sql = installSqlCounter();

let url: string;
let db: Db;

beforeAll(async () => {
  url = migratedDatabaseUrl("group-commit");
  db = createDb(url);
  // Prisma opens its connection on first use; the chat's statements share it.
  await db.conversation.count();
});
afterAll(async () => {
  await db?.$disconnect();
});

function conversationRow(): Conversation {
  const now = new Date();
  return {
    id: newRowId(),
    shop: SHOP,
    customerId: null,
    language: "en",
    status: "open",
    resolvedAt: null,
    csat: null,
    csatComment: null,
    state: "{}",
    messageCount: 1,
    createdAt: now,
    lastMessageAt: now,
  };
}

const shopperMessage = (conversationId: string, id = newRowId()) =>
  messageRow({ id, shop: SHOP, conversationId, role: "shopper", text: "hello", createdAt: new Date() });

/** What another connection (another process) sees: committed rows only. */
function committedCount(conversationId: string): number {
  const reader = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return (
      (
        reader.prepare(`SELECT "messageCount" AS n FROM "Conversation" WHERE "id" = ?`).get(conversationId) as
          { n: number } | undefined
      )?.n ?? -1
    );
  } finally {
    reader.close();
  }
}

const verbs = (statements: string[]) => statements.map((s) => s.trim().split(/\s+/)[0].toUpperCase());

describe("the chat's writes on SQLite, committed once a turn", () => {
  it("commits a caller alone in its turn in a transaction of its own, as before", async () => {
    const conversation = conversationRow();
    const statements = await sql.traced(() =>
      writeTogether(db, [insertConversation(conversation), insertMessage(shopperMessage(conversation.id))]),
    );
    expect(verbs(statements)).toEqual(["BEGIN", "INSERT", "INSERT", "COMMIT"]);
    expect(committedCount(conversation.id)).toBe(1);
  });

  it("commits the writes of callers in the same turn together, each seeing them committed when it goes on", async () => {
    const conversations = [conversationRow(), conversationRow(), conversationRow()];
    const seenCommitted: number[] = [];
    const statements = await sql.traced(() =>
      Promise.all(
        conversations.map((conversation) =>
          writeTogether(db, [insertConversation(conversation), insertMessage(shopperMessage(conversation.id))]).then(
            () => seenCommitted.push(committedCount(conversation.id)),
          ),
        ),
      ),
    );
    expect(seenCommitted).toEqual([1, 1, 1]);
    expect(verbs(statements).filter((v) => v === "BEGIN" || v === "COMMIT")).toEqual(["BEGIN", "COMMIT"]);
    expect(verbs(statements).filter((v) => v === "INSERT")).toHaveLength(6);
  });

  it("rolls back only the caller whose writes fail, and tells it so", async () => {
    const kept = conversationRow();
    const failing = conversationRow();
    await writeTogether(db, [insertConversation(kept), insertConversation(failing)]);
    const taken = shopperMessage(kept.id);
    await writeTogether(db, [insertMessage(taken), countMessage(kept.id, new Date())]);
    const outcomes = await Promise.allSettled([
      writeTogether(db, [
        countMessage(failing.id, new Date()),
        insertMessage({ ...taken, conversationId: failing.id }),
      ]),
      writeTogether(db, [insertMessage(shopperMessage(kept.id)), countMessage(kept.id, new Date())]),
    ]);
    expect(outcomes[0].status).toBe("rejected");
    expect(isUniqueViolation((outcomes[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(outcomes[1].status).toBe("fulfilled");
    // The failing caller's count was rolled back with its refused insert; the other's committed.
    expect(committedCount(failing.id)).toBe(1);
    expect(committedCount(kept.id)).toBe(3);
  });
});

describe("the chat's reply writes on PostgreSQL, one statement a turn", () => {
  let server: TestPostgres;
  let pgDb: Db;
  let reader: pg.Pool;

  beforeAll(async () => {
    server = await requirePostgres("group_commit", { migrated: true });
    pgDb = createDb(server.url);
    reader = new pg.Pool({ connectionString: server.url, max: 1 });
  }, 60_000);
  afterAll(async () => {
    await pgDb?.$disconnect();
    await reader?.end();
    await server?.stop();
  });

  const countOf = async (id: string) =>
    (await reader.query(`SELECT "messageCount" AS n FROM "Conversation" WHERE "id" = $1`, [id])).rows[0]?.n ?? -1;
  const started = async () => {
    const conversation = conversationRow();
    await writeTogether(pgDb, [insertConversation(conversation)]);
    return conversation;
  };

  it("sends the writes of different conversations in the same turn as one statement, each caller going on once committed", async () => {
    const conversations = [await started(), await started(), await started()];
    const seenCommitted: number[] = [];
    const statements = await sql.traced(() =>
      Promise.all(
        conversations.map((conversation) =>
          writeTogether(
            pgDb,
            [insertMessage(shopperMessage(conversation.id)), countMessage(conversation.id, new Date())],
            [],
            conversation.id,
          ).then(async () => seenCommitted.push(await countOf(conversation.id))),
        ),
      ),
    );
    expect(seenCommitted).toEqual([2, 2, 2]);
    // The three writes, then the three readers' reads.
    expect(statements.filter((s) => s.includes("INSERT INTO"))).toHaveLength(1);
  });

  it("never puts two writes of the same conversation in one statement: both apply", async () => {
    const conversation = await started();
    const write = () =>
      writeTogether(
        pgDb,
        [insertMessage(shopperMessage(conversation.id)), countMessage(conversation.id, new Date())],
        [],
        conversation.id,
      );
    const statements = await sql.traced(() => Promise.all([write(), write(), write()]).then(() => {}));
    expect(statements.filter((s) => s.includes("INSERT INTO"))).toHaveLength(3);
    expect(await countOf(conversation.id)).toBe(4);
  });

  it("runs each caller's writes alone when the shared statement fails: only the failing caller hears of it", async () => {
    const [kept, failing] = [await started(), await started()];
    const taken = shopperMessage(kept.id);
    await writeTogether(pgDb, [insertMessage(taken)], [], kept.id);
    const outcomes = await Promise.allSettled([
      writeTogether(
        pgDb,
        [countMessage(failing.id, new Date()), insertMessage({ ...taken, conversationId: failing.id })],
        [],
        failing.id,
      ),
      writeTogether(pgDb, [insertMessage(shopperMessage(kept.id)), countMessage(kept.id, new Date())], [], kept.id),
    ]);
    expect(outcomes[0].status).toBe("rejected");
    expect(isUniqueViolation((outcomes[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(outcomes[1].status).toBe("fulfilled");
    expect(await countOf(failing.id)).toBe(1);
    expect(await countOf(kept.id)).toBe(2);
  });
});
