-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "csat" INTEGER,
ADD COLUMN     "csatComment" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "correctedIntent" TEXT;

-- CreateTable
CREATE TABLE "ApprovedAnswer" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "intent" TEXT,
    "sourceMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovedAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'training',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "examples" TEXT NOT NULL DEFAULT '[]',
    "heldOutN" INTEGER NOT NULL DEFAULT 0,
    "previousAccuracy" DOUBLE PRECISION,
    "accuracy" DOUBLE PRECISION,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovedAnswer_shop_idx" ON "ApprovedAnswer"("shop");

-- CreateIndex
CREATE INDEX "ModelVersion_shop_status_idx" ON "ModelVersion"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_shop_version_key" ON "ModelVersion"("shop", "version");

-- CreateIndex
CREATE INDEX "Message_shop_correctedIntent_idx" ON "Message"("shop", "correctedIntent");

