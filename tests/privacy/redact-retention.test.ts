import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";
import { CARD_PLACEHOLDER, PHONE_PLACEHOLDER, luhnValid, redactSensitive } from "../../app/privacy/redact";

configureTestApp("retention");
const { default: db } = await import("../../app/db.server");
const { deleteExpiredTranscripts } = await import("../../app/privacy/retention.server");
const { deleteOldReceipts, RECEIPT_DAYS } = await import("../../app/privacy/webhook-receipts.server");

describe("redaction of stored text", () => {
  it("removes card numbers and phone numbers but keeps what verification needs", () => {
    const text =
      "My card 4111 1111 1111 1111 was charged twice, call me at (503) 555-0148 or +1 206 555 0114. Order #1042, email a.b@example.com, ship to 3768 Utah St Apt 12";
    const redacted = redactSensitive(text);
    expect(redacted).toContain(CARD_PLACEHOLDER);
    expect(redacted).not.toContain("4111");
    expect(redacted).not.toContain("555-0148");
    expect(redacted).not.toContain("206 555 0114");
    expect(redacted.split(PHONE_PLACEHOLDER)).toHaveLength(3);
    expect(redacted).toContain("#1042");
    expect(redacted).toContain("a.b@example.com");
    expect(redacted).toContain("3768 Utah St Apt 12");
  });

  it("leaves numbers that are not card numbers alone", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    const tracking = "Tracking 1ZR8V41W0311697539 and 7023674385921905 and order 1058";
    expect(redactSensitive(tracking)).toBe(tracking);
  });
});

describe("retention", () => {
  it("deletes each shop's transcripts older than its own retention period, and nothing else", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    await db.shopSettings.create({ data: { shop: "short.myshopify.com", retentionDays: 30 } });
    await db.shopSettings.create({ data: { shop: "long.myshopify.com", retentionDays: 365 } });
    const make = (shop: string, age: number) =>
      db.conversation.create({
        data: {
          id: `${shop}-${age}`.replace(/\W/g, "") + "xxxxxxxxxxxx",
          shop,
          lastMessageAt: daysAgo(age),
          messages: { create: [{ shop, role: "shopper", text: "hi" }] },
        },
      });
    await make("short.myshopify.com", 40);
    await make("short.myshopify.com", 10);
    await make("long.myshopify.com", 40);
    expect(await deleteExpiredTranscripts(db, now)).toBe(1);
    const left = await db.conversation.findMany({ select: { shop: true, lastMessageAt: true } });
    expect(
      left.map((c) => `${c.shop}:${Math.round((now.getTime() - c.lastMessageAt.getTime()) / 86_400_000)}`).sort(),
    ).toEqual(["long.myshopify.com:40", "short.myshopify.com:10"]);
    expect(await db.message.count({ where: { shop: "short.myshopify.com" } })).toBe(1);
  });
});

describe("webhook receipts", () => {
  it("are kept well past Shopify's retries, then dropped", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db.webhookReceipt.create({
      data: {
        id: "old-delivery",
        shop: "r.myshopify.com",
        topic: "CUSTOMERS_REDACT",
        receivedAt: at(RECEIPT_DAYS + 1),
      },
    });
    await db.webhookReceipt.create({
      data: { id: "recent-delivery", shop: "r.myshopify.com", topic: "CUSTOMERS_REDACT", receivedAt: at(3) },
    });
    expect(await deleteOldReceipts(db, now)).toBe(1);
    expect((await db.webhookReceipt.findMany()).map((r) => r.id)).toEqual(["recent-delivery"]);
  });
});
