import { type JsonPart, jsonPart, jsonTimestamp, type RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JourneyEvent } from "@/lib/journey-core/facts";
import { listensForEvents } from "@/lib/journey-core/step";
import type { EngineBatch, RunRecord } from "./engine-batch";
import type { ProfileRef } from "./load-facts";
import type { BatchProfile } from "./prepare-batch";
import { ensurePreviousRuns, redecideEntry } from "./redecide-entry";
import { wakeDue } from "./run-timeline";

// Events held for runs of a paused journey (held_events, see
// deliver-to-run.ts). Once the journey is live again, whichever task meets
// the run first (its catch-up timer, or the next event of its profile)
// catches it up: a run created during the pause enters as of its trigger,
// and the held events reach it in event-time order with its timers, before
// anything newer. So a wait's event held during a pause still ends the wait,
// however the two tasks race. An identify is held too when a paused
// journey's trait-change trigger refused it because one of these runs looked
// in progress: once the run has caught up, it is decided again.

export interface HeldEvent {
  eventId: string;
  type: "track" | "identify";
  /** null for an identify. */
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: Date;
  receivedAt: Date;
}

type HeldRow = {
  runId: string;
  eventId: string;
  type: "track" | "identify";
  name: string | null;
  properties: Record<string, unknown> | null;
  timestamp: string;
  receivedAt: string;
};

type HeldDbRow = Omit<HeldRow, "timestamp" | "receivedAt"> & { timestamp: Date; receivedAt: Date };

function group(rows: readonly HeldDbRow[]) {
  const out = new Map<string, HeldEvent[]>();
  for (const { runId, ...row } of rows) {
    const list = out.get(runId) ?? [];
    out.set(runId, list);
    list.push({ ...row, properties: row.properties ?? {} });
  }
  return out;
}

/** The held events of the given runs, by run id. */
export async function loadHeldEvents(
  tx: RawDb,
  runIds: readonly string[],
): Promise<Map<string, HeldEvent[]>> {
  if (runIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<HeldDbRow[]>`
    SELECT h."runId", e.id::text AS "eventId", e.type::text AS type, e.name, e.properties,
      e."timestamp", e."receivedAt"
    FROM held_events h
    JOIN events e ON e.id = h."eventId" AND e."workspaceId" = h."workspaceId"
    WHERE h."runId" = ANY(${[...runIds]}::text[]) AND e.type IN ('track', 'identify')`;
  return group(rows);
}

/** The held events of the profiles' runs, by run id (a part of the event batch's one read). */
export function heldEventsPart(refs: readonly ProfileRef[]): JsonPart<Map<string, HeldEvent[]>> {
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    SELECT held."runId", held."eventId", held.type, held.name, held.properties, held."timestamp",
      held."receivedAt"
    FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid)
    -- From each profile's runs to their held events by key, in that order even on a
    -- database whose statistics are not in yet (else events came first, scanned whole).
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(r.id), '{}') AS ids FROM journey_runs r
      WHERE r."workspaceId" = ref.ws AND r."profileId" = ref.pid
    ) runs
    CROSS JOIN LATERAL (
      SELECT h."runId", e.id::text AS "eventId", e.type::text AS type, e.name, e.properties,
        e."timestamp", e."receivedAt"
      FROM held_events h
      JOIN events e ON e.id = h."eventId" AND e."workspaceId" = h."workspaceId"
      WHERE h."runId" = ANY(runs.ids) AND h."workspaceId" = ref.ws AND e.type IN ('track', 'identify')
      OFFSET 0 -- not flattened: planned on its own, from held_events by run id
    ) held`;
  return jsonPart<HeldRow, Map<string, HeldEvent[]>>(sql, (rows) =>
    group(
      rows.map((row) => ({
        ...row,
        timestamp: jsonTimestamp(row.timestamp),
        receivedAt: jsonTimestamp(row.receivedAt),
      })),
    ),
  );
}

/** A live run a pause left behind: created and not entered yet, or with events held. */
export function needsCatchUp(
  run: BatchProfile["runs"][number],
  held: ReadonlyMap<string, HeldEvent[]>,
): boolean {
  if (run.journey.status !== "live") return false;
  return run.state.status === "active" || (held.get(run.state.runId)?.length ?? 0) > 0;
}

/**
 * Catches up the profile's live runs a pause left behind: each one created
 * during the pause enters as of its trigger, then the held events are
 * delivered in event-time order (then event id), each after the timers due
 * before it. A held event that triggers the run's journey is decided again
 * once the run has caught up to it (redecide-entry.ts). The holds are
 * released. Returns how many runs moved.
 */
export async function catchUpHeld(
  batch: EngineBatch,
  profile: BatchProfile,
  held: ReadonlyMap<string, HeldEvent[]>,
): Promise<number> {
  let moved = 0;
  const behind = profile.runs.filter((run) => needsCatchUp(run, held));
  if (behind.length > 0)
    await ensurePreviousRuns(
      batch.tx,
      profile,
      behind.map((r) => r.journey.id),
    );
  for (const run of behind) {
    if (run.state.status !== "active") continue;
    const { enteredAt, triggerEventId } = run.state;
    if (await batch.stepRun(profile, run, { kind: "enter" }, enteredAt, triggerEventId)) moved += 1;
  }
  const events = behind.flatMap((run) =>
    (held.get(run.state.runId) ?? []).map((event) => ({ run, event })),
  );
  events.sort(
    (a, b) =>
      a.event.timestamp.getTime() - b.event.timestamp.getTime() ||
      (a.event.eventId < b.event.eventId ? -1 : 1),
  );
  // Runs entered here from held triggers, by journey: they take the held events after their trigger too.
  const entered = new Map<string, RunRecord[]>();
  const decided = new Set<string>();
  for (const { run, event } of events) {
    moved += await wakeDue(batch, profile, { before: event.timestamp });
    const tracked = trackedEvent(event);
    // A held identify goes to no run: it is only an entry to decide again (below).
    const targets = tracked ? [run, ...(entered.get(run.journey.id) ?? [])] : [];
    for (const target of targets) {
      if (!tracked || (target !== run && target.state.enteredAt >= event.timestamp)) continue;
      if (!listensForEvents(target.version.definition, target.state, event.timestamp)) continue;
      const input = { kind: "event" as const, event: tracked };
      if (await batch.stepRun(profile, target, input, event.timestamp, event.eventId)) moved += 1;
    }
    const key = `${run.journey.id}:${event.eventId}`;
    if (decided.has(key)) continue;
    decided.add(key);
    const run2 = await redecideEntry(batch, profile, run, event);
    if (run2) {
      moved += 1;
      entered.set(run.journey.id, [...(entered.get(run.journey.id) ?? []), run2]);
    }
  }
  for (const run of new Set(events.map((e) => e.run))) batch.release(run.state.runId);
  return moved;
}

/** What a held track call is to a run (an identify is only an entry to decide again). */
function trackedEvent(event: HeldEvent): JourneyEvent | null {
  if (event.type !== "track" || event.name === null) return null;
  return { name: event.name, properties: event.properties, timestamp: event.timestamp };
}
