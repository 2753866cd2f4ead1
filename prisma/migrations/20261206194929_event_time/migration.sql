-- AlterTable
ALTER TABLE "engine_queue" ADD COLUMN     "profileId" UUID,
ADD COLUMN     "timestamp" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "journey_status_changes" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "status" "JourneyStatus" NOT NULL,
    "versionId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "journey_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "held_events" (
    "runId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "held_events_pkey" PRIMARY KEY ("runId","eventId")
);

-- CreateIndex
CREATE INDEX "journey_status_changes_journeyId_at_idx" ON "journey_status_changes"("journeyId", "at");

-- CreateIndex
CREATE INDEX "engine_queue_profileId_timestamp_idx" ON "engine_queue"("profileId", "timestamp");

-- AddForeignKey
ALTER TABLE "journey_status_changes" ADD CONSTRAINT "journey_status_changes_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "journeys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: queued events get their profile and time.
UPDATE "engine_queue" q SET "profileId" = e."profileId", "timestamp" = e."timestamp"
FROM "events" e WHERE e.id = q."eventId" AND e."workspaceId" = q."workspaceId";

-- Backfill: the history as far as it is known. Every published version went
-- live when it was published, and a journey paused or archived now became so at
-- its last update (if that came after its last publish).
INSERT INTO "journey_status_changes" ("workspaceId", "journeyId", "status", "versionId", "at")
SELECT v."workspaceId", v."journeyId", 'live', v.id, v."publishedAt" FROM "journey_versions" v;

INSERT INTO "journey_status_changes" ("workspaceId", "journeyId", "status", "versionId", "at")
SELECT j."workspaceId", j.id, j.status, j."currentVersionId", j."updatedAt"
FROM "journeys" j
WHERE j.status IN ('paused', 'archived')
  AND j."updatedAt" >= COALESCE((SELECT max(v."publishedAt") FROM "journey_versions" v WHERE v."journeyId" = j.id), j."updatedAt");
