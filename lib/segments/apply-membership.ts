import "server-only";
import { type JsonPart, jsonPart, queryParts, type RawDb } from "@/lib/db/sql";
import { uuidv7 } from "@/lib/db/uuidv7";
import { writeRollups } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_ENTERED_EVENT, SEGMENT_EXITED_EVENT } from "@/lib/journey-core/match-trigger";
import {
  type MembershipPlan,
  type MembershipVerdict,
  pairKey,
  planMembership,
  type SegmentRef,
} from "./membership-plan";

// Writes what verdicts change, in the caller's transaction and in one
// statement whatever the number of segments and profiles: memberships (who
// is in now), one change row per entry and exit at the time that caused it,
// the next window checks (segment_timers), and, for live changes, a
// "Segment Entered" / "Segment Exited" event, stored on the user's timeline
// and, when a journey listens for it (journey_event_names, as ingestion
// decides), queued for the engine with a NOTIFY on cue_events, so the engine
// takes it at once, as it takes ingestion's (listen-engine-events.ts). That event is what segment triggers
// fire on (match-trigger.ts), so each transition starts a journey at most
// once, and backtests, preview and "why not?" replay it like any stored
// event. Its messageId is derived from the transition, so writing it twice
// is a no-op. The order of entries and exits is decided in memory
// (membership-plan.ts).

export type { MembershipVerdict, SegmentRef } from "./membership-plan";

export interface ApplyOptions {
  /** Queue a transition event for each entry and exit (live changes). */
  events: boolean;
  receivedAt: Date;
}

/** Which of these (segment, profile) pairs are members now, as pairKeys. */
export function membershipsPart(
  list: readonly { segmentId: string; profileId: string }[],
): JsonPart<Set<string>> {
  const pairs = [...new Map(list.map((p) => [pairKey(p.segmentId, p.profileId), p])).values()];
  return jsonPart<{ segmentId: string; profileId: string }, Set<string>>(
    pairs.length === 0
      ? null
      : Prisma.sql`
    SELECT m."segmentId", m."profileId"::text AS "profileId"
    FROM unnest(${pairs.map((p) => p.segmentId)}::text[], ${pairs.map((p) => p.profileId)}::uuid[])
      AS r(sid, pid)
    JOIN segment_memberships m ON m."segmentId" = r.sid AND m."profileId" = r.pid`,
    (rows) => new Set(rows.map((row) => pairKey(row.segmentId, row.profileId))),
  );
}

/** Applies verdicts in order against the memberships they find; returns the plan written. */
export async function applyVerdicts(
  tx: RawDb,
  verdicts: readonly MembershipVerdict[],
  options: ApplyOptions,
  /** The memberships before them, when the caller has read them already. */
  current?: ReadonlySet<string>,
): Promise<MembershipPlan> {
  if (verdicts.length === 0) return planMembership(new Set(), []);
  const before =
    current ??
    (
      await queryParts(tx, {
        current: membershipsPart(
          verdicts.map((v) => ({ segmentId: v.segment.id, profileId: v.profileId })),
        ),
      })
    ).current;
  const plan = planMembership(before, verdicts);
  const statement = membershipWrites(plan, options);
  if (statement) await tx.$queryRaw(statement);
  return plan;
}

/** One segment's targets at one instant (manual imports). */
export async function applyMembership(
  tx: RawDb,
  segment: SegmentRef,
  targets: readonly { profileId: string; member: boolean; nextCheckAt?: Date | null }[],
  at: Date,
  options: ApplyOptions,
): Promise<{ entered: string[]; exited: string[] }> {
  const plan = await applyVerdicts(
    tx,
    targets.map((t) => ({ segment, at, ...t })),
    options,
  );
  const of = (kind: string) =>
    plan.transitions.filter((t) => t.kind === kind).map((t) => t.profileId);
  return { entered: of("entry"), exited: of("exit") };
}

type Pair = { segment: SegmentRef; profileId: string };

const segmentIds = (pairs: readonly Pair[]) => pairs.map((p) => p.segment.id);
const profileIds = (pairs: readonly Pair[]) => pairs.map((p) => p.profileId);
const workspaceIds = (pairs: readonly Pair[]) => pairs.map((p) => p.segment.workspaceId);

/** The plan's writes as one statement (null: nothing to write). */
function membershipWrites(plan: MembershipPlan, options: ApplyOptions): Prisma.Sql | null {
  const { transitions, enter, leave, timers } = plan;
  const ctes: Prisma.Sql[] = [];
  if (leave.length > 0) {
    ctes.push(Prisma.sql`left_members AS (
      DELETE FROM segment_memberships m
      USING unnest(${segmentIds(leave)}::text[], ${profileIds(leave)}::uuid[]) AS d(sid, pid)
      WHERE m."segmentId" = d.sid AND m."profileId" = d.pid)`);
  }
  if (enter.length > 0) {
    ctes.push(Prisma.sql`entered_members AS (
      INSERT INTO segment_memberships ("segmentId", "profileId", "workspaceId", "enteredAt")
      SELECT * FROM unnest(${segmentIds(enter)}::text[], ${profileIds(enter)}::uuid[],
                           ${workspaceIds(enter)}::text[], ${enter.map((e) => e.enteredAt)}::timestamp(3)[])
      ON CONFLICT ("segmentId", "profileId") DO UPDATE SET "enteredAt" = excluded."enteredAt")`);
  }
  if (transitions.length > 0) {
    ctes.push(Prisma.sql`changes AS (
      INSERT INTO segment_membership_changes ("workspaceId", "segmentId", "profileId", kind, at)
      SELECT c.ws, c.sid, c.pid, c.kind, c.at
      FROM unnest(${workspaceIds(transitions)}::text[], ${segmentIds(transitions)}::text[],
                  ${profileIds(transitions)}::uuid[], ${transitions.map((t) => t.kind)}::text[],
                  ${transitions.map((t) => t.at)}::timestamp(3)[])
        WITH ORDINALITY AS c(ws, sid, pid, kind, at, ord)
      ORDER BY c.ord)`);
  }
  const due = timers.filter((t) => t.dueAt);
  const clear = timers.filter((t) => !t.dueAt);
  if (due.length > 0) {
    ctes.push(Prisma.sql`due_timers AS (
      INSERT INTO segment_timers ("segmentId", "profileId", "workspaceId", "dueAt")
      SELECT * FROM unnest(${segmentIds(due)}::text[], ${profileIds(due)}::uuid[],
                           ${workspaceIds(due)}::text[], ${due.map((t) => t.dueAt)}::timestamp(3)[])
      ON CONFLICT ("segmentId", "profileId") DO UPDATE SET "dueAt" = excluded."dueAt")`);
  }
  if (clear.length > 0) {
    ctes.push(Prisma.sql`cleared_timers AS (
      DELETE FROM segment_timers t
      USING unnest(${segmentIds(clear)}::text[], ${profileIds(clear)}::uuid[]) AS d(sid, pid)
      WHERE t."segmentId" = d.sid AND t."profileId" = d.pid)`);
  }
  const live = options.events && transitions.length > 0;
  if (live) ctes.push(...transitionEvents(transitions, options.receivedAt));
  if (ctes.length === 0) return null;
  // The NOTIFY is sent at commit: the engine takes the transitions at once.
  const notify = live
    ? Prisma.sql`(SELECT count(pg_notify('cue_events', q.ws))
                  FROM (SELECT DISTINCT "workspaceId" AS ws FROM queued) q)::int`
    : Prisma.sql`0`;
  return Prisma.sql`WITH ${Prisma.join(ctes, ",\n")} SELECT ${notify} AS notified`;
}

/** The transition events and their engine_queue rows. */
function transitionEvents(
  transitions: readonly MembershipPlan["transitions"][number][],
  receivedAt: Date,
) {
  // Time-ordered ids, in the transitions' order (the engine's order at equal times).
  const eventIds = transitions.map(() => uuidv7(receivedAt.getTime())).sort();
  const names = transitions.map((t) =>
    t.kind === "entry" ? SEGMENT_ENTERED_EVENT : SEGMENT_EXITED_EVENT,
  );
  const messageIds = transitions.map(
    (t) => `segment:${t.segment.id}:${t.profileId}:${t.kind}:${t.at.getTime()}`,
  );
  const properties = transitions.map((t) =>
    JSON.stringify({ segmentId: t.segment.id, segmentName: t.segment.name }),
  );
  return [
    Prisma.sql`transition_events AS (
      SELECT e.id, e.ws, e.pid, e.mid, e.name, e.props, e.at, p."userId"
      FROM unnest(${eventIds}::uuid[], ${workspaceIds(transitions)}::text[], ${profileIds(transitions)}::uuid[],
                  ${messageIds}::text[], ${names}::text[], ${properties}::text[],
                  ${transitions.map((t) => t.at)}::timestamp(3)[])
        AS e(id, ws, pid, mid, name, props, at)
      JOIN profiles p ON p.id = e.pid AND p."workspaceId" = e.ws)`,
    // Dedupe by messageId across the partitions of events (insert-events.ts).
    Prisma.sql`transition_keys AS (
      INSERT INTO event_dedupe ("workspaceId", "messageId", "eventId")
      SELECT e.ws, e.mid, e.id FROM transition_events e ORDER BY e.ws, e.mid
      ON CONFLICT ("workspaceId", "messageId") DO NOTHING
      RETURNING "eventId")`,
    Prisma.sql`written AS (
      INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "userId", properties, "timestamp", "receivedAt")
      SELECT e.id, e.ws, e.pid, e.mid, 'track', e.name, e."userId", e.props::jsonb, e.at, ${receivedAt}::timestamp(3)
      FROM transition_events e JOIN transition_keys k ON k."eventId" = e.id
      RETURNING id, "workspaceId", "profileId", name, "timestamp")`,
    // Counted as ingestion counts them (lib/events/event-rollups.ts).
    Prisma.sql`transition_rollups AS (${writeRollups(Prisma.sql`
      SELECT "workspaceId", "profileId", name, "timestamp" FROM written`)}
      RETURNING 1)`,
    // Queued, as ingestion queues, only when a journey or segment listens for the name.
    Prisma.sql`queued AS (
      INSERT INTO engine_queue ("workspaceId", "eventId", "profileId", "timestamp")
      SELECT w."workspaceId", w.id, w."profileId", w."timestamp" FROM written w
      WHERE EXISTS (SELECT 1 FROM journey_event_names n
                    WHERE n."workspaceId" = w."workspaceId" AND n."eventName" = w.name)
         OR EXISTS (SELECT 1 FROM segment_event_names n
                    WHERE n."workspaceId" = w."workspaceId" AND n."eventName" = w.name)
      ORDER BY w.id
      RETURNING "workspaceId")`,
  ];
}
