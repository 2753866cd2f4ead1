-- CreateTable
CREATE TABLE "segments" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "condition" JSONB,
    "eventNames" TEXT[],
    "readsTraits" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'computing',
    "generation" INTEGER NOT NULL DEFAULT 1,
    "computedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_memberships" (
    "segmentId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "segment_memberships_pkey" PRIMARY KEY ("segmentId","profileId")
);

-- CreateTable
CREATE TABLE "segment_membership_changes" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_membership_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_timers" (
    "segmentId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "segment_timers_pkey" PRIMARY KEY ("segmentId","profileId")
);

-- CreateTable
CREATE TABLE "segment_event_names" (
    "workspaceId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,

    CONSTRAINT "segment_event_names_pkey" PRIMARY KEY ("workspaceId","eventName","segmentId")
);

-- CreateIndex
CREATE INDEX "segments_workspaceId_status_idx" ON "segments"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "segments_workspaceId_name_key" ON "segments"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "segment_memberships_workspaceId_profileId_idx" ON "segment_memberships"("workspaceId", "profileId");

-- CreateIndex
CREATE INDEX "segment_membership_changes_segmentId_at_idx" ON "segment_membership_changes"("segmentId", "at");

-- CreateIndex
CREATE INDEX "segment_membership_changes_workspaceId_profileId_at_idx" ON "segment_membership_changes"("workspaceId", "profileId", "at");

-- CreateIndex
CREATE INDEX "segment_timers_dueAt_idx" ON "segment_timers"("dueAt");

-- CreateIndex
CREATE INDEX "segment_event_names_segmentId_idx" ON "segment_event_names"("segmentId");
