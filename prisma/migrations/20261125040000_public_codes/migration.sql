-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "botName" TEXT NOT NULL DEFAULT 'Support',
    "greeting" TEXT NOT NULL DEFAULT 'Hi! I can help with orders, returns and products.',
    "accentColor" TEXT NOT NULL DEFAULT '#1f6f5c',
    "position" TEXT NOT NULL DEFAULT 'bottom-right',
    "tone" TEXT NOT NULL DEFAULT 'friendly',
    "supportHours" TEXT NOT NULL DEFAULT '',
    "handoffEmail" TEXT NOT NULL DEFAULT '',
    "faqs" TEXT NOT NULL DEFAULT '[]',
    "internalCodes" TEXT NOT NULL DEFAULT '[]',
    "publicCodes" TEXT NOT NULL DEFAULT '[]',
    "allowCancel" BOOLEAN NOT NULL DEFAULT false,
    "allowReturns" BOOLEAN NOT NULL DEFAULT false,
    "allowAddressChange" BOOLEAN NOT NULL DEFAULT false,
    "retentionDays" INTEGER NOT NULL DEFAULT 365,
    "engineMode" TEXT NOT NULL DEFAULT 'auto',
    "openaiModel" TEXT NOT NULL DEFAULT '',
    "openaiKeyCiphertext" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShopSettings" ("accentColor", "allowAddressChange", "allowCancel", "allowReturns", "botName", "createdAt", "engineMode", "faqs", "greeting", "handoffEmail", "internalCodes", "openaiKeyCiphertext", "openaiModel", "position", "retentionDays", "shop", "supportHours", "tone", "updatedAt") SELECT "accentColor", "allowAddressChange", "allowCancel", "allowReturns", "botName", "createdAt", "engineMode", "faqs", "greeting", "handoffEmail", "internalCodes", "openaiKeyCiphertext", "openaiModel", "position", "retentionDays", "shop", "supportHours", "tone", "updatedAt" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

