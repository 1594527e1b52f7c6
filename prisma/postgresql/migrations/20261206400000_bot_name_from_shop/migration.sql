-- AlterTable
ALTER TABLE "ShopSettings" ALTER COLUMN "botName" SET DEFAULT '';


-- The assistant goes by the shop's name unless the merchant names it (see the SQLite migration).
UPDATE "ShopSettings" SET "botName" = '' WHERE "botName" = 'Support';
