import "server-only";
import { jsonPart, queryParts, type RawDb } from "@/lib/db/sql";
import { profileHistoryPart } from "@/lib/engine/load-facts";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConditionItem } from "@/lib/journey-core/definition";
import { SEGMENT_ENTERED_EVENT, SEGMENT_EXITED_EVENT } from "@/lib/journey-core/match-trigger";
import { factsAsOf, type ProfileHistory } from "@/lib/journey-core/profile-as-of";
import {
  readsTraitKeys,
  type SegmentReads,
  segmentReads,
} from "@/lib/journey-core/segment-condition";
import { applyVerdicts, membershipsPart } from "./apply-membership";
import { type SegmentPoint, segmentPointReads } from "./evaluate-members";
import type { MembershipVerdict } from "./membership-plan";

// Live membership, set-based per batch. The engine's event task calls this
// for the events it claimed (after ingestion committed them, never in the
// ingestion request), before it evaluates journeys, so filters and
// exclusions of the same batch see the new membership. A batch costs at most
// four statements, whatever its number of events and segments:
//   1. the workspaces' live segments, the trait keys the batch's identifies
//      write and which calls made their profile; a segment a call cannot
//      change is left out here, without a query: a track changes only
//      segments that count its name, an identify only segments with a trait
//      condition on a key it writes (readsTraitKeys), and a profile's first
//      call every segment (it was never decided for them: "has never done X"
//      or "plan is not pro" holds for a new user);
//   2. the profiles' histories, when a segment to decide reads traits;
//   3. every (call, segment, instant) point's reads (evaluate-members.ts)
//      and the pairs' current memberships;
//   4. the entries, exits, timers and transition events (apply-membership.ts).
//
// Traits are read as of the event, as journeys read them (profile-as-of.ts):
// the stored profile folded back to the event's moment with the profile's
// later identifies undone. A call evaluated before a later identify that is
// already stored (it came late, or the engine is behind) is then evaluated
// again at each such identify that writes a key the segment reads, so the
// membership ends as the latest traits say, with each transition at the
// moment that caused it. Points are decided in event-time order, each against
// the membership the points before it left (membership-plan.ts), which is
// what deciding them one at a time would record.

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

/** A point to decide, with what it is decided on. */
interface Decision extends SegmentPoint {
  segment: LiveSegment;
  /** The call at `at` that counts itself (factsAsOf). */
  throughId: string | undefined;
  history: ProfileHistory | undefined;
}

/**
 * Decides, for each call in event-time order, the segments it can change,
 * as of its event time; records entries and exits. Returns the transitions.
 */
export async function refreshSegmentsForEvents(
  tx: RawDb,
  inputs: readonly SegmentInput[],
  receivedAt: Date,
): Promise<number> {
  if (inputs.length === 0) return 0;
  const { segments, calls } = await queryParts(tx, candidateParts(inputs));
  if (segments.length === 0) return 0;
  const ordered = [...inputs].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const affected = ordered.map((input) =>
    segments.filter((segment) => changes(segment, input, calls)),
  );
  if (affected.every((list) => list.length === 0)) return 0;
  const needHistory = new Set<string>();
  ordered.forEach((input, i) => {
    if (affected[i]?.some((s) => s.reads.readsTraits)) needHistory.add(input.profileId);
  });
  const histories =
    needHistory.size > 0
      ? await loadHistories(
          tx,
          ordered.filter((i) => needHistory.has(i.profileId)),
        )
      : new Map<string, ProfileHistory>();
  const inBatch = new Set(inputs.flatMap((i) => (i.eventId ? [i.eventId] : [])));
  const decisions: Decision[] = [];
  ordered.forEach((input, i) => {
    for (const segment of affected[i] ?? []) {
      const history = segment.reads.readsTraits ? histories.get(input.profileId) : undefined;
      // The call's own moment, then each later stored identify this batch does
      // not hold that writes a key the segment reads.
      decisions.push({
        segment,
        profileId: input.profileId,
        at: input.timestamp,
        throughId: input.eventId ?? undefined,
        history,
      });
      for (const call of history?.later ?? []) {
        if (call.type !== "identify" || call.at <= input.timestamp || inBatch.has(call.id))
          continue;
        if (!readsTraitKeys(segment.reads, Object.keys(call.traits ?? {}))) continue;
        decisions.push({
          segment,
          profileId: input.profileId,
          at: call.at,
          throughId: call.id,
          history,
        });
      }
    }
  });
  const { parts, decide } = segmentPointReads(decisions);
  const pairs = decisions.map((d) => ({ segmentId: d.segment.id, profileId: d.profileId }));
  const loaded = await queryParts(tx, { ...parts, current: membershipsPart(pairs) });
  const decided = decide(loaded, (index, stored) => {
    const d = decisions[index] as Decision;
    return factsAsOf(stored, d.history, d.at, d.throughId);
  });
  const verdicts: MembershipVerdict[] = [];
  decisions.forEach((d, index) => {
    const verdict = decided[index];
    if (!verdict) return;
    verdicts.push({
      segment: d.segment,
      profileId: d.profileId,
      member: verdict.member,
      at: d.at,
      nextCheckAt: verdict.nextCheckAt,
    });
  });
  const plan = await applyVerdicts(tx, verdicts, { events: true, receivedAt }, loaded.current);
  return plan.transitions.length;
}

interface SegmentJson {
  id: string;
  workspaceId: string;
  name: string;
  condition: Prisma.JsonValue;
}

/** A call that made its profile (its first) can change any segment: it was never decided for them. */
interface CallFacts {
  /** The trait keys an identify writes. */
  keys: string[];
  first: boolean;
}

/** The live segments of the batch's workspaces, and what each call writes and whether it made its profile. */
function candidateParts(inputs: readonly SegmentInput[]) {
  const workspaces = [...new Set(inputs.map((i) => i.workspaceId))];
  const calls = inputs.filter((i) => i.eventId);
  return {
    segments: jsonPart<SegmentJson, LiveSegment[]>(
      Prisma.sql`
      SELECT id, "workspaceId", name, condition FROM segments
      WHERE "workspaceId" = ANY(${workspaces}::text[]) AND kind = 'condition' AND status = 'ready'
        AND jsonb_typeof(condition) = 'object'
      ORDER BY id`,
      (rows) => rows.map(toLiveSegment),
    ),
    calls: jsonPart<{ id: string; keys: string[]; first: boolean }, Map<string, CallFacts>>(
      calls.length === 0
        ? null
        : Prisma.sql`
      SELECT e.id::text AS id,
             -- Not a transition's own event, which shares its cause's instant.
             e."timestamp" <= p."firstSeenAt" AND e.name IS DISTINCT FROM ${SEGMENT_ENTERED_EVENT}
               AND e.name IS DISTINCT FROM ${SEGMENT_EXITED_EVENT} AS first,
             CASE WHEN e.type = 'identify' AND jsonb_typeof(e.traits) = 'object'
                  THEN ARRAY(SELECT jsonb_object_keys(e.traits)) ELSE '{}' END AS keys
      FROM unnest(${calls.map((i) => i.workspaceId)}::text[], ${calls.map((i) => i.eventId)}::uuid[],
                  ${calls.map((i) => i.profileId)}::uuid[])
        AS r(ws, id, pid)
      -- A probe per call, pruned to its partition (as event-queue.ts claims).
      CROSS JOIN LATERAL (
        SELECT e.id, e."timestamp", e.name, e.type, e.traits FROM events e
        WHERE e.id = r.id AND e."workspaceId" = r.ws OFFSET 0) e
      JOIN profiles p ON p.id = r.pid AND p."workspaceId" = r.ws`,
      (rows) => new Map(rows.map((row) => [row.id, { keys: row.keys, first: row.first }])),
    ),
  };
}

/** Whether the call can change the segment's verdict. */
function changes(
  segment: LiveSegment,
  input: SegmentInput,
  calls: ReadonlyMap<string, CallFacts>,
): boolean {
  if (segment.workspaceId !== input.workspaceId) return false;
  const call = input.eventId ? calls.get(input.eventId) : undefined;
  if (call?.first) return true;
  if (input.type === "identify") return readsTraitKeys(segment.reads, call?.keys ?? []);
  return input.name !== null && segment.reads.eventNames.includes(input.name);
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
