import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { allowedLatenessMs } from "@/lib/engine/allowed-lateness";
import { lockProfiles, tryLockProfiles } from "@/lib/engine/profile-locks";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { applyVerdicts } from "./apply-membership";
import { computeSegment } from "./compute-segment";
import { evaluatePoints } from "./evaluate-members";
import { toLiveSegment } from "./refresh-segments";
import { SEGMENTS_COMPUTE_TASK, SEGMENTS_TIMERS_TASK } from "./segment-task-names";

// The segments' background work, for the shared worker loop:
// - segments-compute: a new segment (or a changed condition) is computed
//   over every profile of its workspace (compute-segment.ts), then made
//   live (`ready`). Its entries
//   are recorded at the computation's time and fire no triggers: they are
//   people already in it, not transitions.
// - segments-timers: a window condition's lapse ("did X in the last 7 days"
//   on day 8), claimed from segment_timers with FOR UPDATE SKIP LOCKED and
//   decided at its due time, recording the exit (and its event) with no
//   event from the user. Like the journeys' timers, a window check fires only
//   once the allowed lateness has passed its due time (allowed-lateness.ts),
//   and not while the engine still has an event of the profile queued from
//   before it: an event that happened inside the window but reaches Cue a
//   little late is counted, and the member stays in.

const TIMER_BATCH = 200;

interface ComputeRow {
  id: string;
  workspaceId: string;
  name: string;
  condition: Prisma.JsonValue;
  generation: number;
}

/** Computes one segment whose status is `computing`; returns 1 when one was done. */
export async function computeNextSegment(now: Date): Promise<number> {
  return sqlTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<ComputeRow[]>`
      SELECT id, "workspaceId", name, condition, generation FROM segments
      WHERE status = 'computing' AND kind = 'condition'
      ORDER BY "updatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!row) return 0;
    await computeSegment(tx, toLiveSegment(row), now);
    await tx.$executeRaw`
      UPDATE segments SET status = 'ready', "computedAt" = ${now}::timestamp(3)
      WHERE id = ${row.id} AND generation = ${row.generation}`;
    return 1;
  });
}

interface TimerRow {
  segmentId: string;
  profileId: string;
  dueAt: Date;
}

/**
 * Fires the window checks due by `now` less the allowed lateness, each decided
 * as of its due time, all in one read and one write; returns how many were decided.
 */
export async function processDueSegmentTimers(
  now: Date,
  options: { limit?: number; allowedLatenessMs?: number } = {},
): Promise<number> {
  const limit = options.limit ?? TIMER_BATCH;
  const bound = new Date(now.getTime() - (options.allowedLatenessMs ?? allowedLatenessMs()));
  return sqlTransaction(async (tx) => {
    const due = await tx.$queryRaw<TimerRow[]>`
      SELECT t."segmentId", t."profileId"::text AS "profileId", t."dueAt" FROM segment_timers t
      WHERE t."dueAt" <= ${bound}::timestamp(3)
        AND NOT EXISTS (SELECT 1 FROM engine_queue q
                        WHERE q."profileId" = t."profileId" AND q."timestamp" <= t."dueAt")
      ORDER BY t."dueAt" LIMIT ${limit} FOR UPDATE OF t SKIP LOCKED`;
    if (due.length === 0) return 0;
    // Like the engine's timers: only try the profile locks; a busy profile waits a round.
    const held = await tryLockProfiles(
      tx,
      due.map((t) => t.profileId),
    );
    const mine = due.filter((t) => held.has(t.profileId));
    const segmentIds = [...new Set(mine.map((t) => t.segmentId))];
    const segments = await tx.$queryRaw<ComputeRow[]>`
      SELECT id, "workspaceId", name, condition, generation FROM segments
      WHERE id = ANY(${segmentIds}::text[]) AND kind = 'condition' AND status = 'ready'`;
    const byId = new Map(segments.map((s) => [s.id, toLiveSegment(s)]));
    // A timer whose segment is gone (or being recomputed) is dropped.
    const orphans = mine.filter((t) => !byId.has(t.segmentId));
    if (orphans.length > 0) {
      await tx.$executeRaw`
        DELETE FROM segment_timers t
        USING unnest(${orphans.map((o) => o.segmentId)}::text[], ${orphans.map((o) => o.profileId)}::uuid[]) AS d(sid, pid)
        WHERE t."segmentId" = d.sid AND t."profileId" = d.pid`;
    }
    const points = mine.flatMap((t) => {
      const segment = byId.get(t.segmentId);
      return segment ? [{ segment, profileId: t.profileId, at: t.dueAt }] : [];
    });
    const decided = await evaluatePoints(tx, points);
    // A missing profile leaves (and its timer is cleared), as before.
    const verdicts = points.map((point, i) => ({
      segment: point.segment,
      profileId: point.profileId,
      member: decided[i]?.member ?? false,
      at: point.at,
      nextCheckAt: decided[i]?.nextCheckAt ?? null,
    }));
    await applyVerdicts(tx, verdicts, { events: true, receivedAt: now });
    return mine.length;
  });
}

/** When the earliest window check may fire (its due time plus the allowed lateness). */
export async function nextSegmentTimerAt(latenessMs = allowedLatenessMs()): Promise<Date | null> {
  return sqlTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ dueAt: Date | null }[]>`
      SELECT min("dueAt") AS "dueAt" FROM segment_timers`;
    return row?.dueAt ? new Date(row.dueAt.getTime() + latenessMs) : null;
  });
}

/** Locks the profiles a manual change touches, as the engine would (see profile-locks.ts). */
export async function lockSegmentProfiles(tx: RawDb, profileIds: readonly string[]) {
  await lockProfiles(tx, profileIds);
}

export function segmentTasks(clock: () => Date = () => new Date()): WorkerTask[] {
  return [
    { name: SEGMENTS_COMPUTE_TASK, run: async () => computeNextSegment(clock()) },
    {
      name: SEGMENTS_TIMERS_TASK,
      run: async () => processDueSegmentTimers(clock()),
      nextDueAt: () => nextSegmentTimerAt(),
    },
  ];
}
