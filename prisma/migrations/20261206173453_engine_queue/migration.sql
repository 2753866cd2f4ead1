-- The engine's work queue, named as a queue (it was "engine_inbox", easily
-- confused with the end-user inbox). A rename keeps every queued row.

-- RenameTable
ALTER TABLE "engine_inbox" RENAME TO "engine_queue";
ALTER TABLE "engine_queue" RENAME CONSTRAINT "engine_inbox_pkey" TO "engine_queue_pkey";
ALTER SEQUENCE "engine_inbox_id_seq" RENAME TO "engine_queue_id_seq";

-- RenameIndex
ALTER INDEX "engine_inbox_createdAt_idx" RENAME TO "engine_queue_createdAt_idx";
