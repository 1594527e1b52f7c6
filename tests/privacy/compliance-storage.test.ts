/**
 * Finding one customer's conversations runs a raw, engine-neutral query: on SQLite and on a real
 * PostgreSQL (a throwaway cluster), the same rows match.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { exportShopperData, redactShopper, shopperConversationIds } from "../../app/privacy/compliance.server";
import { applyPostgresMigrations } from "../../scripts/postgres-migrate";
import { postgresUnavailable, startPostgres } from "../helpers/postgres";
import { migratedDatabaseUrl } from "../helpers/test-db";

const PG_MISSING = postgresUnavailable();
const backends = [
  { name: "sqlite", start: async () => ({ url: migratedDatabaseUrl("compliance"), stop: async () => {} }) },
  ...(PG_MISSING
    ? []
    : [
        {
          name: "postgresql",
          start: async () => {
            const server = await startPostgres("compliance");
            await applyPostgresMigrations(server.url);
            return server;
          },
        },
      ]),
];
if (PG_MISSING && process.env.CI) throw new Error(`PostgreSQL is needed in CI: ${PG_MISSING}`);

const SHOP = "compliance.myshopify.com";

describe.each(backends)("a customer's conversations on $name", (backend) => {
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

  const seed = (id: string, customerId: string | null, text: string, lookups?: object[]) =>
    db.conversation.create({
      data: {
        id,
        shop: SHOP,
        customerId,
        messages: {
          create: [
            { shop: SHOP, role: "shopper", text },
            ...(lookups ? [{ shop: SHOP, role: "bot", text: "ok", lookups: JSON.stringify(lookups) }] : []),
          ],
        },
      },
    });

  it("match by id, whole email in any case, and verified orders; redact deletes exactly those", async () => {
    await seed("own000000000000001", "gid://shopify/Customer/5", "hello");
    await seed("shout0000000000001", null, "Mail me at Ann.Lee@Example.COM please");
    await seed("order0000000000001", null, "where is #1001?", [
      { kind: "order", ref: "#1001", outcome: "verified via email" },
    ]);
    await seed("longer000000000001", null, "mail me at joann.lee@example.com");
    await seed("other0000000000001", "gid://shopify/Customer/6", "ann.lee@example.com is my friend");
    await seed("elsewhere000000001", null, "where is #1002?", [
      { kind: "order", ref: "#1002", outcome: "verified via email" },
    ]);
    const ref = { customer: { id: 5, email: "ann.lee@example.com" }, orderNames: ["#1001"] };
    const expected = ["order0000000000001", "own000000000000001", "shout0000000000001"];
    expect((await shopperConversationIds(db, SHOP, ref)).sort()).toEqual(expected);
    expect((await exportShopperData(db, SHOP, ref)).conversations.map((c) => c.id).sort()).toEqual(expected);
    await redactShopper(db, SHOP, ref);
    expect((await db.conversation.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id)).toEqual(
      ["elsewhere000000001", "longer000000000001", "other0000000000001"],
    );
  });
});
