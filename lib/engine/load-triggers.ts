import { type JsonPart, jsonPart, jsonTimestamp } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StatusChange } from "@/lib/journey-core/journey-status";
import type { QueuedEvent } from "./event-queue";
import { parseStatusHistory, statusHistorySql } from "./load-journeys";

// What the event task reads and writes around a batch of queued events
// besides the runs: the live triggers for the batch's events, and the
// trait-change states of its identifies.

export interface TriggerRow {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  kind: string;
  eventName: string | null;
  /** The journey's status history, oldest first: entries are decided at the trigger's event time. */
  history: StatusChange[];
}

type TriggerJson = Omit<TriggerRow, "history"> & {
  history: Parameters<typeof parseStatusHistory>[0];
};

const HISTORY = statusHistorySql(Prisma.sql`t."journeyId"`);

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
    SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName", ${HISTORY}
    FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS k(ws, name)
    -- Per (workspace, name) by the index, whatever the plan (OFFSET 0: not flattened).
    CROSS JOIN LATERAL (
      SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName"
      FROM journey_triggers t
      WHERE t."workspaceId" = k.ws AND t.kind = 'event' AND t."eventName" = k.name
      OFFSET 0
    ) t
    UNION ALL
    SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName", ${HISTORY}
    FROM journey_triggers t
    WHERE t."workspaceId" = ANY(${identifyWorkspaces}::text[]) AND t.kind = 'trait_change'`;
  return jsonPart<TriggerJson, TriggerRow[]>(sql, (rows) =>
    rows.map((row) => ({
      ...row,
      history: parseStatusHistory(row.history),
    })),
  );
}

function uniquePairs(rows: readonly QueuedEvent[]): [string, string][] {
  const keys = new Set(rows.map((r) => JSON.stringify([r.workspaceId, r.name])));
  return [...keys].map((k) => JSON.parse(k) as [string, string]);
}

export interface EvaluatedEvent {
  eventId: string;
  profileId: string;
  /** An identify is read only for trait-change triggers (redecide-entry.ts). */
  type: "track" | "identify";
  /** null for an identify. */
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: Date;
  receivedAt: Date;
}

/**
 * Events of the batch's profiles that the engine has already evaluated
 * (no longer queued), later than the profile's earliest event in the batch,
 * named by a journey of the workspace (and identifies, while the workspace
 * has a trait-change journey). A run this batch enters at time t catches up
 * on the ones after t: they arrived before its trigger did (a client that
 * sent out of order), and in event time they come after it. A trigger among
 * them that a run this batch ends before it had refused is decided again
 * (redecide-entry.ts). Usually empty.
 */
export function evaluatedEventsPart(
  live: readonly QueuedEvent[],
): JsonPart<Map<string, EvaluatedEvent[]>> {
  const earliest = new Map<string, { workspaceId: string; from: Date }>();
  for (const row of live) {
    if (!row.profileId || !row.timestamp || row.type !== "track") continue;
    const known = earliest.get(row.profileId);
    if (!known || row.timestamp < known.from)
      earliest.set(row.profileId, { workspaceId: row.workspaceId, from: row.timestamp });
  }
  const refs = [...earliest.entries()];
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    SELECT e."eventId", e."profileId", e.type, e.name, e.properties, e."timestamp", e."receivedAt"
    FROM unnest(${refs.map(([, r]) => r.workspaceId)}::text[], ${refs.map(([id]) => id)}::uuid[],
                ${refs.map(([, r]) => r.from)}::timestamp(3)[]) AS ref(ws, pid, since)
    -- Per profile by (profileId, timestamp).
    CROSS JOIN LATERAL (
      SELECT e.id::text AS "eventId", e."profileId"::text AS "profileId", e.type::text AS type,
        e.name, e.properties, e."timestamp", e."receivedAt", e.id
      FROM events e
      WHERE e."profileId" = ref.pid AND e."workspaceId" = ref.ws AND e."timestamp" > ref.since
        AND e.id >= cue_event_id_floor(ref.since) -- prunes older partitions (ARCHITECTURE.md)
        AND ((e.type = 'track'
              AND e.name IN (SELECT n."eventName" FROM journey_event_names n WHERE n."workspaceId" = ref.ws))
          OR (e.type = 'identify'
              AND EXISTS (SELECT 1 FROM journey_triggers t
                          WHERE t."workspaceId" = ref.ws AND t.kind = 'trait_change')))
        -- A probe of the queue's (profileId, timestamp) index (a queued row has its
        -- event's time; ingestion and merges keep its profileId). OFFSET 0 keeps it a
        -- probe: as an anti-join the planner scanned the queue, dead rows and all.
        AND NOT EXISTS (SELECT 1 FROM engine_queue q
                        WHERE q."profileId" = e."profileId" AND q."timestamp" = e."timestamp"
                          AND q."eventId" = e.id
                        OFFSET 0)
      OFFSET 0 -- not flattened (load-facts' history says why)
    ) e
    ORDER BY e."timestamp", e.id`;
  return jsonPart<
    {
      eventId: string;
      profileId: string;
      type: "track" | "identify";
      name: string | null;
      properties: Record<string, unknown> | null;
      timestamp: string;
      receivedAt: string;
    },
    Map<string, EvaluatedEvent[]>
  >(sql, (rows) => {
    const out = new Map<string, EvaluatedEvent[]>();
    for (const row of rows) {
      const list = out.get(row.profileId) ?? [];
      out.set(row.profileId, list);
      list.push({
        ...row,
        properties: row.properties ?? {},
        timestamp: jsonTimestamp(row.timestamp),
        receivedAt: jsonTimestamp(row.receivedAt),
      });
    }
    return out;
  });
}
