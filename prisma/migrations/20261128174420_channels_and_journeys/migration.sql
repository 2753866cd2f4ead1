-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('email', 'in_app');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('queued', 'outbox', 'sending', 'sent', 'delivered', 'delivery_delayed', 'opened', 'clicked', 'bounced', 'complained', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "InAppKind" AS ENUM ('card', 'banner', 'modal', 'tooltip');

-- CreateEnum
CREATE TYPE "JourneyStatus" AS ENUM ('draft', 'live', 'paused', 'archived');

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "deliveryRules" JSONB,
ADD COLUMN     "emailFrom" TEXT,
ADD COLUMN     "emailReplyTo" TEXT,
ADD COLUMN     "resendApiKey" TEXT;

-- CreateTable
CREATE TABLE "message_templates" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "journeyId" TEXT,
    "runId" TEXT,
    "nodeId" TEXT,
    "templateId" TEXT,
    "transactional" BOOLEAN NOT NULL DEFAULT false,
    "toAddress" TEXT,
    "subject" TEXT,
    "rendered" JSONB NOT NULL,
    "providerId" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_events" (
    "id" BIGSERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB,

    CONSTRAINT "message_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_items" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "messageId" TEXT,
    "kind" "InAppKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "imageUrl" TEXT,
    "ctaLabel" TEXT,
    "ctaUrl" TEXT,
    "selector" TEXT,
    "pathPattern" TEXT,
    "data" JSONB,
    "expiresAt" TIMESTAMP(3),
    "seenAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suppressions" (
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppressions_pkey" PRIMARY KEY ("workspaceId","email")
);

-- CreateTable
CREATE TABLE "webhook_receipts" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journeys" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "JourneyStatus" NOT NULL DEFAULT 'draft',
    "draft" JSONB NOT NULL,
    "draftRevision" INTEGER NOT NULL DEFAULT 1,
    "currentVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "journeys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journey_versions" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "note" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "journey_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journey_triggers" (
    "journeyId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventName" TEXT,

    CONSTRAINT "journey_triggers_pkey" PRIMARY KEY ("journeyId")
);

-- CreateTable
CREATE TABLE "journey_runs" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "nodeId" TEXT,
    "state" JSONB NOT NULL,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "wakeAt" TIMESTAMP(3),
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "convertedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journey_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_traces" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "nodeId" TEXT,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_traces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trait_trigger_states" (
    "journeyId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "matching" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trait_trigger_states_pkey" PRIMARY KEY ("journeyId","profileId")
);

-- CreateIndex
CREATE INDEX "message_templates_workspaceId_updatedAt_idx" ON "message_templates"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "messages_workspaceId_createdAt_idx" ON "messages"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "messages_workspaceId_profileId_createdAt_idx" ON "messages"("workspaceId", "profileId", "createdAt");

-- CreateIndex
CREATE INDEX "messages_providerId_idx" ON "messages"("providerId");

-- CreateIndex
CREATE INDEX "messages_status_nextAttemptAt_idx" ON "messages"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "messages_workspaceId_idempotencyKey_key" ON "messages"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "message_events_messageId_at_idx" ON "message_events"("messageId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "inbox_items_messageId_key" ON "inbox_items"("messageId");

-- CreateIndex
CREATE INDEX "inbox_items_workspaceId_profileId_seq_idx" ON "inbox_items"("workspaceId", "profileId", "seq" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "inbox_items_seq_key" ON "inbox_items"("seq");

-- CreateIndex
CREATE INDEX "journeys_workspaceId_status_idx" ON "journeys"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "journey_versions_journeyId_version_key" ON "journey_versions"("journeyId", "version");

-- CreateIndex
CREATE INDEX "journey_triggers_workspaceId_kind_eventName_idx" ON "journey_triggers"("workspaceId", "kind", "eventName");

-- CreateIndex
CREATE INDEX "journey_runs_wakeAt_idx" ON "journey_runs"("wakeAt");

-- CreateIndex
CREATE INDEX "journey_runs_workspaceId_profileId_status_idx" ON "journey_runs"("workspaceId", "profileId", "status");

-- CreateIndex
CREATE INDEX "journey_runs_journeyId_enteredAt_idx" ON "journey_runs"("journeyId", "enteredAt");

-- CreateIndex
CREATE INDEX "run_traces_runId_id_idx" ON "run_traces"("runId", "id");

-- CreateIndex
CREATE INDEX "run_traces_journeyId_nodeId_decision_idx" ON "run_traces"("journeyId", "nodeId", "decision");

-- AddForeignKey
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "journeys"("id") ON DELETE CASCADE ON UPDATE CASCADE;
