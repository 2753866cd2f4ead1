-- CreateTable
CREATE TABLE "journey_event_names" (
    "workspaceId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,

    CONSTRAINT "journey_event_names_pkey" PRIMARY KEY ("workspaceId","eventName","journeyId")
);

-- CreateIndex
CREATE INDEX "journey_event_names_journeyId_idx" ON "journey_event_names"("journeyId");

-- Backfill: the event names of every version published so far (trigger,
-- waits, goal), so journeys live before this migration keep hearing events.
INSERT INTO "journey_event_names" ("workspaceId", "eventName", "journeyId")
SELECT DISTINCT v."workspaceId", x.name, v."journeyId"
FROM "journey_versions" v
CROSS JOIN LATERAL (
  SELECT n -> 'trigger' ->> 'event' AS name
  FROM jsonb_array_elements(v.definition -> 'nodes') n
  WHERE n ->> 'type' = 'trigger'
  UNION
  SELECT n ->> 'event'
  FROM jsonb_array_elements(v.definition -> 'nodes') n
  WHERE n ->> 'type' = 'wait'
  UNION
  SELECT v.definition -> 'settings' -> 'goal' ->> 'event'
) x
WHERE x.name IS NOT NULL
ON CONFLICT DO NOTHING;
