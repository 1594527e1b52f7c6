ALTER TABLE "ShopSettings" ADD COLUMN "factOverrides" TEXT NOT NULL DEFAULT '{}';
