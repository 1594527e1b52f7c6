-- Why each hand-off happened, and what kind of reply each bot message is (for the fallback figure).
ALTER TABLE "HandoffTicket" ADD COLUMN "reasonCategory" TEXT NOT NULL DEFAULT 'asked_for_person';
ALTER TABLE "Message" ADD COLUMN "replyKind" TEXT;
