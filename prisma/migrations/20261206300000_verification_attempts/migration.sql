-- CreateTable
CREATE TABLE "VerificationAttempt" (
    "shop" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locks" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastFailureAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "keyHash")
);

-- CreateTable
CREATE TABLE "OrderChangeCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "VerificationAttempt_shop_lockedUntil_idx" ON "VerificationAttempt"("shop", "lockedUntil");

-- CreateIndex
CREATE INDEX "OrderChangeCode_shop_orderNumber_createdAt_idx" ON "OrderChangeCode"("shop", "orderNumber", "createdAt");

