-- CreateIndex
CREATE INDEX "Conversation_shop_createdAt_idx" ON "Conversation"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_conversationId_idx" ON "Feedback"("conversationId");

-- CreateIndex
CREATE INDEX "HandoffTicket_conversationId_idx" ON "HandoffTicket"("conversationId");

