-- A retried first message used to start a second conversation holding the same clientMessageId.
-- Keep the id on the earliest such message and clear it on the later copies, so the index holds.
UPDATE "Message" SET "clientMessageId" = NULL
WHERE "clientMessageId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Message" AS "earlier"
    WHERE "earlier"."shop" = "Message"."shop"
      AND "earlier"."clientMessageId" = "Message"."clientMessageId"
      AND ("earlier"."createdAt" < "Message"."createdAt" OR ("earlier"."createdAt" = "Message"."createdAt" AND "earlier"."id" < "Message"."id"))
);

-- DropIndex
DROP INDEX "Message_conversationId_clientMessageId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Message_shop_clientMessageId_key" ON "Message"("shop", "clientMessageId");
