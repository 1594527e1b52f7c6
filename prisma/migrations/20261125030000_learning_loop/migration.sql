-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "csat" INTEGER;
ALTER TABLE "Conversation" ADD COLUMN "csatComment" TEXT;
ALTER TABLE "Conversation" ADD COLUMN "resolvedAt" DATETIME;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "correctedIntent" TEXT;

-- CreateTable
CREATE TABLE "ApprovedAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "intent" TEXT,
    "sourceMessageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'training',
    "progress" REAL NOT NULL DEFAULT 0,
    "examples" TEXT NOT NULL DEFAULT '[]',
    "heldOutN" INTEGER NOT NULL DEFAULT 0,
    "previousAccuracy" REAL,
    "accuracy" REAL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ApprovedAnswer_shop_idx" ON "ApprovedAnswer"("shop");

-- CreateIndex
CREATE INDEX "ModelVersion_shop_status_idx" ON "ModelVersion"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_shop_version_key" ON "ModelVersion"("shop", "version");

-- CreateIndex
CREATE INDEX "Message_shop_correctedIntent_idx" ON "Message"("shop", "correctedIntent");

