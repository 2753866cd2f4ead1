-- CreateIndex
CREATE INDEX "inbox_items_badge_idx" ON "inbox_items"("workspaceId", "profileId", "kind", "readAt", "seenAt", "expiresAt") WHERE ("archivedAt" IS NULL AND ("readAt" IS NULL OR "seenAt" IS NULL));
