-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "batchKey" TEXT;

-- CreateIndex
CREATE INDEX "messages_batch_key_idx" ON "messages"("workspaceId", "batchKey") WHERE ("batchKey" IS NOT NULL);
