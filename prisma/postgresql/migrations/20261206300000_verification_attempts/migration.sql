-- CreateTable
CREATE TABLE "VerificationAttempt" (
    "shop" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locks" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationAttempt_pkey" PRIMARY KEY ("shop","keyHash")
);

-- CreateTable
CREATE TABLE "OrderChangeCode" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderChangeCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerificationAttempt_shop_lockedUntil_idx" ON "VerificationAttempt"("shop", "lockedUntil");

-- CreateIndex
CREATE INDEX "OrderChangeCode_shop_orderNumber_createdAt_idx" ON "OrderChangeCode"("shop", "orderNumber", "createdAt");

