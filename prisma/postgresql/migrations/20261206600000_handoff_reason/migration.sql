-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "replyKind" TEXT;

-- AlterTable
ALTER TABLE "HandoffTicket" ADD COLUMN     "reasonCategory" TEXT NOT NULL DEFAULT 'asked_for_person';

