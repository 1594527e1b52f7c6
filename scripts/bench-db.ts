/**
 * npm run bench:db — what one database operation of a chat message costs, on SQLite and on
 * PostgreSQL, three ways: Prisma's model API, Prisma's $queryRaw/$executeRaw for the same
 * statement, and the driver alone (better-sqlite3 / pg). Sequential, one connection, median and
 * p95 of BENCH_DB_ROUNDS (2,000) after a warm-up. Writes bench-results/db-ops.json.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { percentile } from "../app/eval/intents";
import type { Db } from "../app/db.server";
import { benchDatabase, type BenchEngine } from "./bench-server";

const ROUNDS = Number(process.env.BENCH_DB_ROUNDS ?? 2000);
const SHOP = "northwind-outfitters.myshopify.com";
/** Every call gets a fresh number: ids and clientMessageIds stay unique across warm-up and rounds. */
let calls = 0;

async function time(
  name: string,
  op: (i: number) => unknown | Promise<unknown>,
): Promise<{ name: string; medianUs: number; p95Us: number }> {
  for (let i = 0; i < Math.min(300, ROUNDS); i++) await op(++calls);
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await op(++calls);
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { name, medianUs: Math.round(percentile(samples, 0.5)), p95Us: Math.round(percentile(samples, 0.95)) };
}

async function benchEngine(engine: BenchEngine) {
  const database = await benchDatabase(engine);
  const { createDb } = await import("../app/db.server");
  const db: Db = createDb(database.url);
  const results = [];
  try {
    const conversation = await db.conversation.create({ data: { id: `bench-${engine}-conversation`, shop: SHOP } });
    const shopper = await db.message.create({
      data: { shop: SHOP, conversationId: conversation.id, role: "shopper", text: "hi" },
    });
    const sessionId = `offline_${SHOP}`;

    results.push(
      await time("read a row by key: Prisma findUnique", () => db.session.findUnique({ where: { id: sessionId } })),
    );
    results.push(
      await time(
        "read a row by key: Prisma $queryRaw",
        () => db.$queryRaw`SELECT * FROM "Session" WHERE "id" = ${sessionId}`,
      ),
    );
    if (engine === "sqlite") {
      const sqlite = new Database(database.url.replace(/^file:/, ""));
      const statement = sqlite.prepare(`SELECT * FROM "Session" WHERE "id" = ?`);
      results.push(await time("read a row by key: better-sqlite3 prepared", () => statement.get(sessionId)));
      sqlite.close();
    } else {
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      results.push(
        await time("read a row by key: pg", () => pool.query(`SELECT * FROM "Session" WHERE "id" = $1`, [sessionId])),
      );
      await pool.end();
    }
    results.push(
      await time("conversation + open tickets: Prisma findFirst with _count", () =>
        db.conversation.findFirst({
          where: { id: conversation.id, shop: SHOP },
          include: { _count: { select: { tickets: { where: { status: "open" } } } } },
        }),
      ),
    );
    results.push(
      await time("conversation, then open tickets: two Prisma reads", async () => {
        await db.conversation.findFirst({ where: { id: conversation.id, shop: SHOP } });
        await db.handoffTicket.count({ where: { conversationId: conversation.id, shop: SHOP, status: "open" } });
      }),
    );
    results.push(
      await time("store a shopper message: Prisma $transaction([create, update])", (i) =>
        db.$transaction([
          db.message.create({
            data: {
              shop: SHOP,
              conversationId: conversation.id,
              role: "shopper",
              text: `m${i}`,
              clientMessageId: `bench-a-${engine}-${i}`,
            },
          }),
          db.conversation.update({
            where: { id: conversation.id },
            data: { messageCount: { increment: 1 }, lastMessageAt: new Date() },
          }),
        ]),
      ),
    );
    results.push(
      await time("store a reply: Prisma $transaction([update, create, update])", (i) =>
        db.$transaction([
          db.message.update({
            where: { id: shopper.id },
            data: { intent: "greeting", confidence: 0.9, entities: "{}", engine: "local" },
          }),
          db.message.create({
            data: {
              shop: SHOP,
              conversationId: conversation.id,
              role: "bot",
              text: `r${i}`,
              replyToId: shopper.id,
              intent: "greeting",
              confidence: 0.9,
              engine: "local",
              latencyMs: 2,
              lookups: "[]",
            },
          }),
          db.conversation.update({
            where: { id: conversation.id },
            data: { state: "{}", messageCount: { increment: 1 }, lastMessageAt: new Date() },
          }),
        ]),
      ),
    );
    results.push(
      await time("store a reply: $transaction of three $executeRaw", (i) => {
        const now = new Date();
        return db.$transaction([
          db.$executeRaw`UPDATE "Message" SET "intent" = ${"greeting"}, "confidence" = ${0.9}, "entities" = ${"{}"}, "engine" = ${"local"} WHERE "id" = ${shopper.id}`,
          db.$executeRaw`INSERT INTO "Message" ("id", "shop", "conversationId", "role", "text", "replyToId", "intent", "confidence", "engine", "latencyMs", "lookups", "createdAt") VALUES (${`raw-${engine}-${i}`}, ${SHOP}, ${conversation.id}, ${"bot"}, ${`r${i}`}, ${shopper.id}, ${"greeting"}, ${0.9}, ${"local"}, ${2}, ${"[]"}, ${now})`,
          db.$executeRaw`UPDATE "Conversation" SET "state" = ${"{}"}, "messageCount" = "messageCount" + 1, "lastMessageAt" = ${now} WHERE "id" = ${conversation.id}`,
        ]);
      }),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
  }
  return results;
}

const all: Record<string, unknown> = {};
for (const engine of (process.env.BENCH_DB_ENGINES ?? "sqlite,postgresql").split(",") as BenchEngine[]) {
  const results = await benchEngine(engine);
  all[engine] = results;
  console.log(`\n${engine} (${ROUNDS} sequential operations each):`);
  for (const r of results)
    console.log(`  ${String(r.medianUs).padStart(6)} µs median ${String(r.p95Us).padStart(6)} µs p95  ${r.name}`);
}
fs.mkdirSync("bench-results", { recursive: true });
fs.writeFileSync(path.join("bench-results", "db-ops.json"), JSON.stringify(all, null, 1));
