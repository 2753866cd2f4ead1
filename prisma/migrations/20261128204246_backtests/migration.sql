-- CreateEnum
CREATE TYPE "BacktestStatus" AS ENUM ('queued', 'running', 'done', 'cancelled', 'failed');

-- CreateTable
CREATE TABLE "backtests" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "versionId" TEXT,
    "version" INTEGER,
    "draftRevision" INTEGER,
    "definition" JSONB NOT NULL,
    "windowFrom" TIMESTAMP(3) NOT NULL,
    "windowTo" TIMESTAMP(3) NOT NULL,
    "status" "BacktestStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "counts" JSONB,
    "samplePaths" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "backtests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "backtests_workspaceId_journeyId_createdAt_idx" ON "backtests"("workspaceId", "journeyId", "createdAt");

-- CreateIndex
CREATE INDEX "backtests_status_createdAt_idx" ON "backtests"("status", "createdAt");
