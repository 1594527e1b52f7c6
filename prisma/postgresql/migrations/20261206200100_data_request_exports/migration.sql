-- CreateTable
CREATE TABLE "DataRequestExport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "conversations" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "emailedTo" TEXT,
    "emailedAt" TIMESTAMP(3),
    "emailError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataRequestExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataRequestExport_shop_createdAt_idx" ON "DataRequestExport"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequestExport_shop_requestId_key" ON "DataRequestExport"("shop", "requestId");

