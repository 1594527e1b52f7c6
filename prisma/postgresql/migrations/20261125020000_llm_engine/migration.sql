-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "engineMode" TEXT NOT NULL DEFAULT 'auto',
ADD COLUMN     "openaiKeyCiphertext" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "openaiModel" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "completionTokens" INTEGER,
ADD COLUMN     "costUsd" DOUBLE PRECISION,
ADD COLUMN     "engineNote" TEXT,
ADD COLUMN     "promptTokens" INTEGER;

