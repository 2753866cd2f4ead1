import "server-only";
import type { RawDb } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConditionItem } from "@/lib/journey-core/definition";
import { type SegmentReads, segmentReads } from "@/lib/journey-core/segment-condition";
import { applyMembership } from "./apply-membership";
import { evaluateMembers } from "./evaluate-members";

// Live membership. The engine's event task calls this for the events it
// claimed (after ingestion committed them, never in the ingestion request),
// before it evaluates journeys, so filters and exclusions of the same batch
// see the new membership. Only segments that read the event's name (or, for
// an identify, traits) are evaluated: segment_event_names and readsTraits
// play the part journey_event_names plays for journeys.

export interface LiveSegment {
  id: string;
  workspaceId: string;
  name: string;
  condition: ConditionItem;
  reads: SegmentReads;
}

interface SegmentRow {
  id: string;
  workspaceId: string;
  name: string;
  condition: Prisma.JsonValue;
}

export function toLiveSegment(row: SegmentRow): LiveSegment {
  const condition = row.condition as ConditionItem;
  return { ...row, condition, reads: segmentReads(condition) };
}

/** One queued call, as the engine's event task has it. */
export interface SegmentInput {
  workspaceId: string;
  profileId: string;
  type: string | null;
  name: string | null;
  timestamp: Date;
}

/**
 * Evaluates, for each call in event-time order, the segments it can change,
 * as of its event time; records entries and exits. Returns the transitions.
 */
export async function refreshSegmentsForEvents(
  tx: RawDb,
  inputs: readonly SegmentInput[],
  receivedAt: Date,
): Promise<number> {
  if (inputs.length === 0) return 0;
  const workspaces = [...new Set(inputs.map((i) => i.workspaceId))];
  const names = [...new Set(inputs.flatMap((i) => (i.type === "track" && i.name ? [i.name] : [])))];
  const identifies = inputs.some((i) => i.type === "identify");
  const rows = await tx.$queryRaw<SegmentRow[]>`
    SELECT id, "workspaceId", name, condition FROM segments
    WHERE "workspaceId" = ANY(${workspaces}::text[]) AND kind = 'condition' AND status = 'ready'
      AND ("eventNames" && ${names}::text[] OR ("readsTraits" AND ${identifies}))`;
  if (rows.length === 0) return 0;
  const segments = rows.map(toLiveSegment);
  const ordered = [...inputs].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  let transitions = 0;
  for (const input of ordered) {
    for (const segment of segments) {
      if (segment.workspaceId !== input.workspaceId) continue;
      const reads =
        input.type === "identify"
          ? segment.reads.readsTraits
          : input.name !== null && segment.reads.eventNames.includes(input.name);
      if (!reads) continue;
      const verdicts = await evaluateMembers(tx, segment, [input.profileId], input.timestamp);
      const verdict = verdicts.get(input.profileId);
      if (!verdict) continue;
      const outcome = await applyMembership(
        tx,
        segment,
        [{ profileId: input.profileId, member: verdict.member, nextCheckAt: verdict.nextCheckAt }],
        input.timestamp,
        { events: true, receivedAt },
      );
      transitions += outcome.entered.length + outcome.exited.length;
    }
  }
  return transitions;
}
