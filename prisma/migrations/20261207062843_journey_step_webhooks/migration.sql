-- CreateTable
CREATE TABLE "journey_webhook_calls" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body" TEXT,
    "timeoutMs" INTEGER NOT NULL,
    "countsAsMessage" BOOLEAN NOT NULL DEFAULT false,
    "stepAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseId" TEXT,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "responseBody" TEXT,
    "resumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journey_webhook_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journey_step_secrets" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journey_step_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step_webhook_signing_secrets" (
    "workspaceId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "step_webhook_signing_secrets_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "journey_webhook_calls_status_nextAttemptAt_idx" ON "journey_webhook_calls"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "journey_webhook_calls_workspaceId_profileId_stepAt_idx" ON "journey_webhook_calls"("workspaceId", "profileId", "stepAt");

-- CreateIndex
CREATE UNIQUE INDEX "journey_webhook_calls_workspaceId_idempotencyKey_key" ON "journey_webhook_calls"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "journey_step_secrets_workspaceId_idx" ON "journey_step_secrets"("workspaceId");
