import { type JsonPart, jsonPart } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QueuedEvent } from "./event-queue";

// What the event task reads and writes around a batch of queued events
// besides the runs: the live triggers for the batch's events, and the
// trait-change states of its identifies.

export interface TriggerRow {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  kind: string;
  eventName: string | null;
}

/**
 * The live triggers for this batch: event triggers on the batch's event
 * names, and trait-change triggers when it has identifies. The index on
 * (workspaceId, kind, eventName) answers with the journeys that listen and
 * nothing else, so journeys that do not listen to an event cost it nothing.
 */
export function triggersPart(
  tracked: readonly QueuedEvent[],
  live: readonly QueuedEvent[],
): JsonPart<TriggerRow[]> {
  const pairs = uniquePairs(tracked);
  const identifyWorkspaces = [
    ...new Set(live.filter((r) => r.type === "identify").map((r) => r.workspaceId)),
  ];
  const sql =
    pairs.length === 0 && identifyWorkspaces.length === 0
      ? null
      : Prisma.sql`
    SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName"
    FROM journey_triggers t
    JOIN unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS k(ws, name)
      ON t."workspaceId" = k.ws AND t.kind = 'event' AND t."eventName" = k.name
    UNION ALL
    SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName"
    FROM journey_triggers t
    WHERE t."workspaceId" = ANY(${identifyWorkspaces}::text[]) AND t.kind = 'trait_change'`;
  return jsonPart<TriggerRow, TriggerRow[]>(sql, (rows) => rows);
}

function uniquePairs(rows: readonly QueuedEvent[]): [string, string][] {
  const keys = new Set(rows.map((r) => JSON.stringify([r.workspaceId, r.name])));
  return [...keys].map((k) => JSON.parse(k) as [string, string]);
}

/**
 * The stored matching state of each (trait-change journey, identified
 * profile) of the batch, by "journeyId|profileId". trait_trigger_states has
 * no workspaceId column: its journeys come from the identifies' workspaces'
 * trait-change triggers, which is what scopes it.
 */
export function traitStatesPart(rows: readonly QueuedEvent[]): JsonPart<Map<string, boolean>> {
  const identifies = rows.filter((r) => r.type === "identify" && r.profileId);
  const workspaceIds = [...new Set(identifies.map((r) => r.workspaceId))];
  const profileIds = [...new Set(identifies.map((r) => r.profileId as string))];
  const sql =
    profileIds.length === 0
      ? null
      : Prisma.sql`
    SELECT s."journeyId", s."profileId"::text AS "profileId", s.matching
    FROM trait_trigger_states s
    WHERE s."profileId" = ANY(${profileIds}::uuid[])
      AND s."journeyId" IN (SELECT t."journeyId" FROM journey_triggers t
                            WHERE t."workspaceId" = ANY(${workspaceIds}::text[]) AND t.kind = 'trait_change')`;
  return jsonPart<
    { journeyId: string; profileId: string; matching: boolean },
    Map<string, boolean>
  >(sql, (states) => new Map(states.map((s) => [`${s.journeyId}|${s.profileId}`, s.matching])));
}

export function saveTraitStatesSql(
  states: readonly { journeyId: string; profileId: string; matching: boolean }[],
  now: Date,
): Prisma.Sql | null {
  if (states.length === 0) return null;
  return Prisma.sql`
    INSERT INTO trait_trigger_states ("journeyId", "profileId", matching, "updatedAt")
    SELECT s."journeyId", s."profileId", s.matching, ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb)
      AS s("journeyId" text, "profileId" uuid, matching boolean)
    ORDER BY 1, 2
    ON CONFLICT ("journeyId", "profileId")
    DO UPDATE SET matching = excluded.matching, "updatedAt" = excluded."updatedAt"`;
}
