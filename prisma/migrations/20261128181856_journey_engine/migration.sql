-- AlterTable
ALTER TABLE "journey_runs" ADD COLUMN     "goalUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "inactivity_fires" (
    "journeyId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "lastFiredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inactivity_fires_pkey" PRIMARY KEY ("journeyId","profileId")
);

-- CreateTable
CREATE TABLE "inactivity_sweeps" (
    "journeyId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "sweptUntil" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inactivity_sweeps_pkey" PRIMARY KEY ("journeyId")
);

-- CreateIndex
CREATE INDEX "profiles_workspaceId_firstSeenAt_idx" ON "profiles"("workspaceId", "firstSeenAt");

-- CreateIndex
CREATE INDEX "events_profileId_name_timestamp_idx" ON "events"("profileId", "name", "timestamp");
