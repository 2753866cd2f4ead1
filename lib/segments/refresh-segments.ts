import "server-only";
import { queryParts, type RawDb } from "@/lib/db/sql";
import { profileHistoryPart } from "@/lib/engine/load-facts";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConditionItem } from "@/lib/journey-core/definition";
import { factsAsOf, type ProfileHistory } from "@/lib/journey-core/profile-as-of";
import { type SegmentReads, segmentReads } from "@/lib/journey-core/segment-condition";
import { applyMembership } from "./apply-membership";
import { evaluateMembers } from "./evaluate-members";

// Live membership. The engine's event task calls this for the events it
// claimed (after ingestion committed them, never in the ingestion request),
// before it evaluates journeys, so filters and exclusions of the same batch
// see the new membership. Only segments that read the event's name (or, for
// an identify, traits) are evaluated: segment_event_names and readsTraits
// play the part journey_event_names plays for journeys.
//
// Traits are read as of the event, as journeys read them (profile-as-of.ts):
// the stored profile folded back to the event's moment with the profile's
// later identifies undone. A call evaluated before a later identify that is
// already stored (it came late, or the engine is behind) is then evaluated
// again at each such identify, so the membership ends as the latest traits
// say, with each transition at the moment that caused it.

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
  /** The event's id: calls at the same instant count up to it (null: all of them). */
  eventId: string | null;
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
  const histories = segments.some((s) => s.reads.readsTraits)
    ? await loadHistories(tx, inputs)
    : new Map<string, ProfileHistory>();
  const inBatch = new Set(inputs.flatMap((i) => (i.eventId ? [i.eventId] : [])));
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
      const history = segment.reads.readsTraits ? histories.get(input.profileId) : undefined;
      // The call's own moment, then each later stored identify this batch does not hold.
      const moments = [
        { at: input.timestamp, throughId: input.eventId ?? undefined },
        ...(history?.later ?? [])
          .filter((c) => c.type === "identify" && c.at > input.timestamp && !inBatch.has(c.id))
          .map((c) => ({ at: c.at, throughId: c.id })),
      ];
      for (const { at, throughId } of moments) {
        const verdicts = await evaluateMembers(tx, segment, [input.profileId], at, (stored) =>
          factsAsOf(stored, history, at, throughId),
        );
        const verdict = verdicts.get(input.profileId);
        if (!verdict) continue;
        const outcome = await applyMembership(
          tx,
          segment,
          [
            {
              profileId: input.profileId,
              member: verdict.member,
              nextCheckAt: verdict.nextCheckAt,
            },
          ],
          at,
          { events: true, receivedAt },
        );
        transitions += outcome.entered.length + outcome.exited.length;
      }
    }
  }
  return transitions;
}

/** Each profile's trait-changing calls from its earliest input on (profileHistoryPart). */
async function loadHistories(
  tx: RawDb,
  inputs: readonly SegmentInput[],
): Promise<Map<string, ProfileHistory>> {
  const refs = new Map<string, { workspaceId: string; profileId: string; since: Date }>();
  for (const input of inputs) {
    const ref = refs.get(input.profileId);
    if (!ref || input.timestamp < ref.since) {
      refs.set(input.profileId, {
        workspaceId: input.workspaceId,
        profileId: input.profileId,
        since: input.timestamp,
      });
    }
  }
  return (await queryParts(tx, { history: profileHistoryPart([...refs.values()]) })).history;
}
