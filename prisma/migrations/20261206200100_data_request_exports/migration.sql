-- CreateTable
CREATE TABLE "DataRequestExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "conversations" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "emailedTo" TEXT,
    "emailedAt" DATETIME,
    "emailError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DataRequestExport_shop_createdAt_idx" ON "DataRequestExport"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequestExport_shop_requestId_key" ON "DataRequestExport"("shop", "requestId");

