/**
 * The statements every chat turn runs, written once as SQL that SQLite and PostgreSQL read alike,
 * and sent on the connection Prisma's driver adapter already holds (db.server.ts driverOf):
 *   - SQLite: one synchronous transaction on the adapter's better-sqlite3 connection at the end of
 *     the turn of the event loop, shared by that turn's writers (commitThisTurn), prepared
 *     statements kept per connection; through Prisma ($executeRaw) while Prisma has a transaction
 *     open on it, so the two never interleave;
 *   - PostgreSQL: the writes of one step as a single statement (data-modifying WITH), atomic and
 *     one round trip, on Prisma's pool; a reply's shared with the turn's other replies
 *     (sharedStatementThisTurn).
 * Why not the model API: Prisma plans every query afresh in its query compiler, about 1 ms a
 * statement here, and even $queryRaw costs 0.3 ms against 0.01 ms in better-sqlite3
 * (`npm run bench:db`); a turn runs five statements. Dates are stored exactly as Prisma stores
 * them, so both read each other's rows. Everything else keeps the model API.
 */
import { randomBytes, randomFillSync } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { driverOf, type Db } from "../db.server";
import type { Conversation, Message, Prisma } from "../generated/prisma/client";

/**
 * A new row id in the shape of Prisma's cuid(): "c", the time and a per-process counter in base 36,
 * then randomness. Ids sort in creation order within a process, so a shopper message and its reply
 * written in the same millisecond still list in order (transcripts break createdAt ties by id).
 */
export function newRowId(now = Date.now()): string {
  counter = (counter + 1) % COUNTER_SPAN;
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${randomBase36(12)}`;
}
const COUNTER_SPAN = 36 ** 4;
let counter = Math.floor(Math.random() * COUNTER_SPAN);

/** `length` random base-36 digits, from the pool of random bytes. */
function randomBase36(length: number): string {
  const bytes = pooledRandomBytes(length);
  let digits = "";
  for (let i = 0; i < length; i++) digits += BASE36[bytes[i] % 36];
  return digits;
}
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `length` bytes from the system's random source, taken from a pool filled 4 KB at a time (a call
 * each was dearer than the id it made), as crypto.randomUUID does; each byte is handed out once.
 */
export function pooledRandomBytes(length: number): Buffer {
  if (length > randomPool.length) return randomBytes(length);
  if (randomAt + length > randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  const bytes = Buffer.from(randomPool.subarray(randomAt, randomAt + length));
  randomAt += length;
  return bytes;
}
const randomPool = Buffer.alloc(4096);
let randomAt = randomPool.length;

// ---------------------------------------------------------------------------------------------
// Statements

/** One SQL statement with its values, rendered per database (`?` or `$n` placeholders). */
export interface Statement {
  strings: TemplateStringsArray;
  values: unknown[];
}

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Statement => ({ strings, values });

export type Dialect = "sqlite" | "postgresql";

/** The statement's text for the driver, rendered once per call site (its template strings), dialect and offset. */
function render(statement: Statement, dialect: Dialect, offset = 0): string {
  let texts = renderedTexts.get(statement.strings);
  if (!texts) renderedTexts.set(statement.strings, (texts = new Map()));
  const key = dialect === "sqlite" ? -1 : offset;
  let text = texts.get(key);
  if (text === undefined) {
    text = statement.strings.reduce(
      (rendered, part, i) => rendered + (i === 0 ? "" : dialect === "sqlite" ? "?" : `$${offset + i}`) + part,
      "",
    );
    texts.set(key, text);
  }
  return text;
}
const renderedTexts = new WeakMap<TemplateStringsArray, Map<number, string>>();

/**
 * PostgreSQL: the statement's text with a name, so that each connection parses and plans it once
 * and then only binds values (the chat's statements are a few dozen texts). Past the bound a
 * text runs unnamed, as before, rather than filling every connection with prepared statements.
 */
function pgQuery(text: string, values: unknown[], types?: pg.QueryConfig["types"]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS)
    statementNames.set(text, (name = `chat-${statementNames.size}`));
  return { text, values, ...(name ? { name } : {}), ...(types ? { types } : {}) };
}
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

/** A value as the driver takes it: dates as Prisma's adapters write them (UTC; ISO 8601 text on SQLite). */
function driverValue(value: unknown, dialect: Dialect): unknown {
  if (!(value instanceof Date)) return value;
  if (dialect !== "sqlite") return value.toISOString();
  // A turn writes the same instant in several statements (the message's and the conversation's times).
  const ms = value.getTime();
  if (ms !== lastSqliteDate.ms) lastSqliteDate = { ms, text: value.toISOString().replace("Z", "+00:00") };
  return lastSqliteDate.text;
}
let lastSqliteDate = { ms: NaN, text: "" };

const selectConversationRow = (shop: string, id: string) => sql`
  SELECT c."id", c."shop", c."customerId", c."language", c."status", c."resolvedAt", c."csat", c."csatComment",
         c."state", c."messageCount", c."createdAt", c."lastMessageAt",
         (SELECT COUNT(*) FROM "HandoffTicket" t WHERE t."conversationId" = c."id" AND t."shop" = c."shop" AND t."status" = 'open') AS "openTickets",
         (SELECT COUNT(*) FROM "HandoffTicket" t WHERE t."conversationId" = c."id" AND t."shop" = c."shop" AND t."repliedAt" IS NOT NULL
            AND t."status" IN ('open', 'replied')) AS "answeredTickets",
         (SELECT COUNT(*) FROM "HandoffTicket" t WHERE t."conversationId" = c."id" AND t."shop" = c."shop" AND t."status" = 'replied') AS "repliedTickets"
  FROM "Conversation" c WHERE c."id" = ${id} AND c."shop" = ${shop}`;

export const insertConversation = (c: Conversation) => sql`
  INSERT INTO "Conversation" ("id", "shop", "customerId", "language", "status", "state", "messageCount", "createdAt", "lastMessageAt")
  VALUES (${c.id}, ${c.shop}, ${c.customerId}, ${c.language}, ${c.status}, ${c.state}, ${c.messageCount}, ${c.createdAt}, ${c.lastMessageAt})`;

export const insertMessage = (m: Message) => sql`
  INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "clientMessageId", "replyToId", "intent", "confidence", "entities",
                         "engine", "latencyMs", "engineNote", "replyKind", "promptTokens", "completionTokens", "costUsd", "lookups", "products", "quickReplies", "createdAt")
  VALUES (${m.id}, ${m.shop}, ${m.conversationId}, ${m.role}, ${m.text}, ${m.clientMessageId}, ${m.replyToId}, ${m.intent}, ${m.confidence}, ${m.entities},
          ${m.engine}, ${m.latencyMs}, ${m.engineNote}, ${m.replyKind}, ${m.promptTokens}, ${m.completionTokens}, ${m.costUsd}, ${m.lookups}, ${m.products}, ${m.quickReplies}, ${m.createdAt})`;

/** One more message in the conversation. */
export const countMessage = (conversationId: string, at: Date) => sql`
  UPDATE "Conversation" SET "messageCount" = "messageCount" + 1, "lastMessageAt" = ${at} WHERE "id" = ${conversationId}`;

/** The shopper wrote back to the team after their reply: those hand-offs go back to the team's open list. */
export const reopenRepliedTickets = (conversation: { id: string; shop: string }, at: Date) => sql`
  UPDATE "HandoffTicket" SET "status" = 'open', "updatedAt" = ${at}
  WHERE "conversationId" = ${conversation.id} AND "shop" = ${conversation.shop} AND "status" = 'replied'`;

/** The shopper message's analysis, once it is answered. */
export const updateAnalysis = (
  messageId: string,
  a: { intent: string | null; confidence: number | null; entities: string; engine: string },
) => sql`
  UPDATE "Message" SET "intent" = ${a.intent}, "confidence" = ${a.confidence}, "entities" = ${a.entities}, "engine" = ${a.engine} WHERE "id" = ${messageId}`;

/** The conversation after a reply: its dialogue state, count and time, and status and language when they change. */
export const updateAfterReply = (
  conversationId: string,
  change: { state: string; at: Date; status: string | null; language: string | null },
) => sql`
  UPDATE "Conversation" SET "state" = ${change.state}, "messageCount" = "messageCount" + 1, "lastMessageAt" = ${change.at},
    "status" = COALESCE(${change.status}, "status"), "language" = COALESCE(${change.language}, "language")
  WHERE "id" = ${conversationId}`;

// ---------------------------------------------------------------------------------------------
// Running them

/** A conversation with the state of its hand-offs. */
export interface ConversationWithTickets {
  conversation: Conversation;
  /** Hand-offs waiting for the team. */
  openTickets: number;
  /** Hand-offs the team has replied to and not closed: the shopper's messages are theirs (team-thread.ts). */
  answeredTickets: number;
  /** Of those, the ones the shopper hasn't written back to since the team's last reply. */
  repliedTickets: number;
}

/**
 * The rows of a read on the driver's connection; `statementFor` may word it per database (e.g. a
 * list of values). Null without a driver handle: the caller reads through Prisma instead.
 */
export async function selectRows(
  db: Db,
  statementFor: (dialect: Dialect) => Statement,
): Promise<Record<string, unknown>[] | null> {
  const driver = driverOf(db);
  const sqlite = driver?.kind === "sqlite" ? driver.connection() : null;
  if (sqlite) {
    const statement = statementFor("sqlite");
    return prepared(sqlite, render(statement, "sqlite")).all(
      ...statement.values.map((v) => driverValue(v, "sqlite")),
    ) as Record<string, unknown>[];
  }
  if (driver?.kind === "postgresql") {
    const statement = statementFor("postgresql");
    const result = await driver.pool.query(
      pgQuery(
        render(statement, "postgresql"),
        statement.values.map((v) => driverValue(v, "postgresql")),
        UTC_TIMESTAMPS,
      ),
    );
    return result.rows;
  }
  return null;
}

/** The conversation's row and the state of its hand-offs, in one statement. */
export async function selectConversation(db: Db, shop: string, id: string): Promise<ConversationWithTickets | null> {
  const statement = selectConversationRow(shop, id);
  const rows =
    (await selectRows(db, () => statement)) ??
    (await db.$queryRaw<Record<string, unknown>[]>(statement.strings, ...statement.values));
  return rows[0] ? conversationWithTickets(rows[0]) : null;
}

function conversationWithTickets(row: Record<string, unknown>): ConversationWithTickets {
  const conversation: Conversation = {
    id: row.id as string,
    shop: row.shop as string,
    customerId: row.customerId as string | null,
    language: row.language as string,
    status: row.status as string,
    resolvedAt: asDate(row.resolvedAt),
    csat: row.csat === null ? null : Number(row.csat),
    csatComment: row.csatComment as string | null,
    state: row.state as string,
    messageCount: Number(row.messageCount),
    createdAt: asDate(row.createdAt)!,
    lastMessageAt: asDate(row.lastMessageAt)!,
  };
  return {
    conversation,
    openTickets: Number(row.openTickets),
    answeredTickets: Number(row.answeredTickets),
    repliedTickets: Number(row.repliedTickets),
  };
}

/**
 * A condition a write is made under, folded into the write's own statement on PostgreSQL (one
 * round trip instead of two): the shopper's rate limits, counted in the statement that stores
 * their message (starting their conversation, or continuing it).
 */
export interface WriteCondition {
  /** Its CTEs, the SQL condition the write needs, and an expression `settle` reads; `param` adds a value. */
  render(param: (value: unknown) => string): { ctes: string[]; holds: string; outcome: string };
  /** The statement ran: throws (nothing was written) when the condition didn't hold. */
  settle(outcome: unknown): void;
  /** The statement didn't run to its end (a retried message's refused insert): the condition on its own, thrown as settle does. */
  checkAlone(): Promise<void>;
}

/**
 * PostgreSQL only: the conversation's row and hand-offs read, and the shopper's message stored and
 * counted, in one statement (one round trip instead of two), only when the conversation is the
 * owner's and `condition` (the shopper's rate limits) holds; the condition is counted in the same
 * statement and settled before returning (it throws when it didn't hold: nothing written). Null:
 * the conversation isn't the owner's (or doesn't exist), nothing written. Undefined: no PostgreSQL
 * driver here, the caller reads then writes. A refused write (a retried clientMessageId) throws,
 * with nothing written or counted, as the two statements would.
 */
export async function selectConversationAndStoreMessage(
  db: Db,
  customerId: string | null,
  message: Message,
  condition?: WriteCondition,
): Promise<ConversationWithTickets | null | undefined> {
  const driver = driverOf(db);
  if (driver?.kind !== "postgresql") return undefined;
  const values: unknown[] = [];
  const guard = condition?.render((value) => `$${values.push(driverValue(value, "postgresql"))}`);
  const read = selectConversationRow(message.shop, message.conversationId);
  const owned = sql` AND c."customerId" IS NOT DISTINCT FROM ${customerId}::text`;
  // INSERT … SELECT takes its values' types from the expressions, not the columns: the time is cast.
  const store = sql`
    INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "clientMessageId", "createdAt")
    SELECT ${message.id}::text, o."shop", o."id", ${message.role}::text, ${message.text}::text, ${message.clientMessageId}::text, ${message.createdAt}::timestamp(3)
    FROM owned o`;
  const count = sql`
    UPDATE "Conversation" SET "messageCount" = "messageCount" + 1, "lastMessageAt" = ${message.createdAt}
    WHERE "id" IN (SELECT "id" FROM owned)`;
  const part = (statement: Statement) => {
    const text = render(statement, "postgresql", values.length);
    values.push(...statement.values.map((v) => driverValue(v, "postgresql")));
    return text;
  };
  const ownedRow = `${part(read)}${part(owned)}${guard ? ` AND ${guard.holds}` : ""}`;
  const ctes = [
    ...(guard?.ctes ?? []),
    `owned AS (${ownedRow})`,
    `stored AS (${part(store)})`,
    `counted AS (${part(count)})`,
  ];
  // With a condition, one row whatever the conversation: the condition's outcome, and the conversation if owned.
  const select = guard
    ? `SELECT o.*, ${guard.outcome} AS "condition" FROM (SELECT 1) AS one LEFT JOIN owned o ON true`
    : "SELECT * FROM owned";
  const result = await driver.pool.query(pgQuery(`WITH ${ctes.join(", ")} ${select}`, values, UTC_TIMESTAMPS));
  const row = result.rows[0];
  condition?.settle(row?.condition);
  return row?.id ? conversationWithTickets(row) : null;
}

/**
 * PostgreSQL only: a new conversation and its first message stored in one statement, only when
 * `condition` holds (settled before returning; nothing written otherwise). False: no PostgreSQL
 * driver here. A refused insert (a retried clientMessageId) throws, nothing written or counted.
 */
export async function insertConversationWithMessageIf(
  db: Db,
  conversation: Conversation,
  message: Message,
  condition: WriteCondition,
): Promise<boolean> {
  const driver = driverOf(db);
  if (driver?.kind !== "postgresql") return false;
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(driverValue(value, "postgresql"))}`;
  const guard = condition.render(param);
  const c = conversation;
  const m = message;
  // INSERT … SELECT takes its values' types from the expressions, not the columns: each is cast.
  const made = `made AS (INSERT INTO "Conversation" ("id", "shop", "customerId", "language", "status", "state", "messageCount", "createdAt", "lastMessageAt")
    SELECT ${param(c.id)}::text, ${param(c.shop)}::text, ${param(c.customerId)}::text, ${param(c.language)}::text, ${param(c.status)}::text,
           ${param(c.state)}::text, ${param(c.messageCount)}::integer, ${param(c.createdAt)}::timestamp(3), ${param(c.lastMessageAt)}::timestamp(3)
    WHERE ${guard.holds} RETURNING "id", "shop")`;
  const stored = `stored AS (INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "clientMessageId", "createdAt")
    SELECT ${param(m.id)}::text, made."shop", made."id", ${param(m.role)}::text, ${param(m.text)}::text, ${param(m.clientMessageId)}::text, ${param(m.createdAt)}::timestamp(3)
    FROM made)`;
  const text = `WITH ${[...guard.ctes, made, stored].join(", ")} SELECT ${guard.outcome} AS "condition"`;
  const result = await driver.pool.query(pgQuery(text, values));
  condition.settle(result.rows[0]?.condition);
  return true;
}

/**
 * Run writes atomically. `alongside` are Prisma model operations for the same transaction (a
 * ticket for the team, now and then): then everything goes through Prisma. On PostgreSQL, writes
 * with a `rowsOf` key (the conversation whose rows they change) may share their statement with
 * other callers' writes of the same turn (sharedStatementThisTurn), never with writes of the same key.
 */
export async function writeTogether(
  db: Db,
  statements: Statement[],
  alongside: Prisma.PrismaPromise<unknown>[] = [],
  rowsOf?: string,
): Promise<void> {
  const driver = driverOf(db);
  const throughPrisma = async () => {
    await db.$transaction([...statements.map((s) => db.$executeRaw(s.strings, ...s.values)), ...alongside]);
  };
  if (alongside.length === 0 && driver?.kind === "sqlite") {
    const sqlite = driver.connection();
    if (sqlite) return commitThisTurn(sqlite, statements, throughPrisma);
  }
  if (alongside.length === 0 && driver?.kind === "postgresql") {
    if (rowsOf !== undefined) return sharedStatementThisTurn(driver.pool, statements, rowsOf);
    await driver.pool.query(combined(statements));
    return;
  }
  await throughPrisma();
}

/** Writes waiting for the end of this turn of the event loop, per PostgreSQL pool. */
interface QueuedStatements {
  statements: Statement[];
  rowsOf: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}
const queuedStatements = new WeakMap<pg.Pool, QueuedStatements[]>();

/** At most this many callers' writes in one statement. */
const MAX_SHARED_STATEMENT = 8;

/**
 * PostgreSQL: the writes sent at the end of this turn of the event loop (setImmediate) in one
 * statement with other callers' of the same turn: one round trip and one transaction for several
 * messages' replies instead of one each. Each caller goes on only once the statement committed. A
 * statement never holds two callers' writes to the same rows (`rowsOf`: PostgreSQL applies only one
 * of two updates of a row in one statement), and takes them in the order of that key, so that two
 * such statements lock the same rows in the same order. When the shared statement fails, each
 * caller's writes run alone: only a caller whose own writes fail hears of a failure.
 */
function sharedStatementThisTurn(pool: pg.Pool, statements: Statement[], rowsOf: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queuedStatements.get(pool);
    if (!queue) {
      queuedStatements.set(pool, (queue = []));
      setImmediate(() => sendQueued(pool));
    }
    queue.push({ statements, rowsOf, resolve, reject });
  });
}

function sendQueued(pool: pg.Pool): void {
  const queue = queuedStatements.get(pool) ?? [];
  queuedStatements.delete(pool);
  const shared: QueuedStatements[][] = [];
  for (const writes of queue) {
    const room = shared.find(
      (others) => others.length < MAX_SHARED_STATEMENT && !others.some((other) => other.rowsOf === writes.rowsOf),
    );
    if (room) room.push(writes);
    else shared.push([writes]);
  }
  for (const writes of shared) void sendShared(pool, writes);
}

async function sendShared(pool: pg.Pool, queue: QueuedStatements[]): Promise<void> {
  const alone = async (writes: QueuedStatements) => {
    try {
      await pool.query(combined(writes.statements));
      writes.resolve();
    } catch (error) {
      writes.reject(error);
    }
  };
  if (queue.length === 1) return alone(queue[0]);
  const ordered = [...queue].sort((a, b) => (a.rowsOf < b.rowsOf ? -1 : a.rowsOf > b.rowsOf ? 1 : 0));
  try {
    await pool.query(combined(ordered.flatMap((writes) => writes.statements)));
  } catch {
    // Nothing of it was written: each caller's writes on their own, so a failure is only theirs.
    await Promise.all(ordered.map(alone));
    return;
  }
  for (const writes of ordered) writes.resolve();
}

/** Writes waiting for the end of this turn of the event loop, per SQLite connection. */
interface QueuedWrites {
  statements: Statement[];
  /** The same writes through Prisma, when its own transaction holds the connection. */
  throughPrisma: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}
const queuedWrites = new WeakMap<BetterSqlite3.Database, QueuedWrites[]>();

/**
 * SQLite: the writes committed at the end of this turn of the event loop (setImmediate) together
 * with every other caller's of the same turn, in one transaction (group commit): a commit writes
 * its pages to the log once whatever it holds, and it was the dearest statement of a message (0.13
 * ms, two a message). Each caller's writes are all or nothing (a savepoint each when there are
 * several), and each caller hears of them only once they are committed: what it stores is stored
 * before it goes on, as when it committed alone.
 */
function commitThisTurn(
  sqlite: BetterSqlite3.Database,
  statements: Statement[],
  throughPrisma: () => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queuedWrites.get(sqlite);
    if (!queue) {
      queuedWrites.set(sqlite, (queue = []));
      setImmediate(() => commitQueued(sqlite));
    }
    queue.push({ statements, throughPrisma, resolve, reject });
  });
}

function commitQueued(sqlite: BetterSqlite3.Database): void {
  const queue = queuedWrites.get(sqlite) ?? [];
  queuedWrites.delete(sqlite);
  // Prisma's own transactions hold the connection across awaits: never write in the middle of one.
  if (!sqlite.open || sqlite.inTransaction) {
    for (const writes of queue) writes.throughPrisma().then(writes.resolve, writes.reject);
    return;
  }
  const { together, each } = transactionsOf(sqlite);
  try {
    if (queue.length === 1) {
      together.immediate(queue[0].statements);
      queue[0].resolve();
      return;
    }
    const failures = each.immediate(queue);
    queue.forEach((writes, i) => (failures[i] === NO_FAILURE ? writes.resolve() : writes.reject(failures[i])));
  } catch (error) {
    // Nothing committed (the transaction couldn't start or commit): every caller hears of it.
    for (const writes of queue) writes.reject(error);
  }
}

const NO_FAILURE = Symbol("committed");

/** A connection's transactions: one caller's writes; several callers' writes, each under a savepoint. */
function transactionsOf(sqlite: BetterSqlite3.Database) {
  let made = transactions.get(sqlite);
  if (!made) {
    const together = sqlite.transaction((statements: Statement[]) => {
      for (const statement of statements)
        prepared(sqlite, render(statement, "sqlite")).run(...statement.values.map((v) => driverValue(v, "sqlite")));
    });
    // Called within a transaction, `together` runs under a savepoint, rolled back alone when it throws.
    const each = sqlite.transaction((queue: QueuedWrites[]) =>
      queue.map((writes) => {
        try {
          together(writes.statements);
          return NO_FAILURE;
        } catch (error) {
          return error;
        }
      }),
    );
    transactions.set(sqlite, (made = { together, each }));
  }
  return made;
}
const transactions = new WeakMap<
  BetterSqlite3.Database,
  {
    together: BetterSqlite3.Transaction<(statements: Statement[]) => void>;
    each: BetterSqlite3.Transaction<(queue: QueuedWrites[]) => unknown[]>;
  }
>();

/** PostgreSQL: the writes as one statement, `WITH w0 AS (…), w1 AS (…) last`: atomic, one round trip. */
function combined(statements: Statement[]): pg.QueryConfig {
  const values: unknown[] = [];
  const parts = statements.map((statement) => {
    const text = render(statement, "postgresql", values.length);
    values.push(...statement.values.map((v) => driverValue(v, "postgresql")));
    return text;
  });
  const last = parts.pop()!;
  return pgQuery(
    parts.length ? `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(", ")} ${last}` : last,
    values,
  );
}

const statementCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(connection: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = statementCache.get(connection);
  if (!statements) statementCache.set(connection, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    statement = connection.prepare(text);
    // The adapter's connection reads integers as BigInt; these rows hold small numbers only.
    if (statement.reader) statement.safeIntegers(false);
    statements.set(text, statement);
  }
  return statement;
}

/** pg reads `timestamp(3)` (without zone) as local time; Prisma's columns hold UTC. */
const UTC_TIMESTAMPS = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}

/** A message as Prisma would return it after creating it with these fields. */
export function messageRow(
  fields: Pick<Message, "id" | "shop" | "conversationId" | "role" | "text" | "createdAt"> & Partial<Message>,
): Message {
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
    replyKind: null,
    promptTokens: null,
    completionTokens: null,
    costUsd: null,
    lookups: null,
    products: null,
    quickReplies: null,
    ...fields,
  };
}

/** A unique index refused the write: Prisma's model API (P2002), its raw SQL (P2010), or the driver itself. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  if (!e || typeof e !== "object") return false;
  if (
    e.code === "P2002" ||
    e.code === "23505" ||
    e.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  )
    return true;
  return e.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
