-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "publicCodes" TEXT NOT NULL DEFAULT '[]';

