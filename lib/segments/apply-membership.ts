import "server-only";
import { executeAll, type RawDb } from "@/lib/db/sql";
import { uuidv7 } from "@/lib/db/uuidv7";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_ENTERED_EVENT, SEGMENT_EXITED_EVENT } from "@/lib/journey-core/match-trigger";

// Writes what a segment's new verdicts change, in the caller's transaction:
// memberships (who is in now), one change row per entry and exit at the time
// that caused it, the next window check (segment_timers), and, for live
// changes, a "Segment Entered" / "Segment Exited" event queued for the engine.
// That event is what segment triggers fire on (match-trigger.ts), so each
// transition starts a journey at most once, and backtests, preview and
// "why not?" replay it like any stored event. Its messageId is derived from
// the transition, so writing it twice is a no-op.

export interface MembershipTarget {
  profileId: string;
  member: boolean;
  /** Only for condition segments; undefined leaves the timer as it is. */
  nextCheckAt?: Date | null;
}

export interface MembershipOutcome {
  entered: string[];
  exited: string[];
}

export async function applyMembership(
  tx: RawDb,
  segment: { id: string; workspaceId: string; name: string },
  targets: readonly MembershipTarget[],
  at: Date,
  options: { events: boolean; receivedAt: Date },
): Promise<MembershipOutcome> {
  if (targets.length === 0) return { entered: [], exited: [] };
  const ids = targets.map((t) => t.profileId);
  const current = await tx.$queryRaw<{ profileId: string }[]>`
    SELECT "profileId"::text AS "profileId" FROM segment_memberships
    WHERE "segmentId" = ${segment.id} AND "profileId" = ANY(${ids}::uuid[])`;
  const inNow = new Set(current.map((row) => row.profileId));
  const entered = targets
    .filter((t) => t.member && !inNow.has(t.profileId))
    .map((t) => t.profileId);
  const exited = targets.filter((t) => !t.member && inNow.has(t.profileId)).map((t) => t.profileId);
  const changed = [
    ...entered.map((id) => ({ id, kind: "entry" })),
    ...exited.map((id) => ({ id, kind: "exit" })),
  ];
  const ws = segment.workspaceId;
  const statements: (Prisma.Sql | null)[] = [];
  if (entered.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO segment_memberships ("segmentId", "profileId", "workspaceId", "enteredAt")
      SELECT ${segment.id}, pid, ${ws}, ${at}::timestamp(3) FROM unnest(${entered}::uuid[]) AS pid
      ON CONFLICT DO NOTHING`);
  }
  if (exited.length > 0) {
    statements.push(Prisma.sql`
      DELETE FROM segment_memberships
      WHERE "segmentId" = ${segment.id} AND "profileId" = ANY(${exited}::uuid[])`);
  }
  if (changed.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO segment_membership_changes ("workspaceId", "segmentId", "profileId", kind, at)
      SELECT ${ws}, ${segment.id}, c.pid, c.kind, ${at}::timestamp(3)
      FROM unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.kind)}::text[]) AS c(pid, kind)`);
  }
  const timed = targets.filter((t) => t.nextCheckAt !== undefined);
  const due = timed.filter((t) => t.nextCheckAt);
  const clear = timed.filter((t) => !t.nextCheckAt).map((t) => t.profileId);
  if (due.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO segment_timers ("segmentId", "profileId", "workspaceId", "dueAt")
      SELECT ${segment.id}, d.pid, ${ws}, d.due
      FROM unnest(${due.map((t) => t.profileId)}::uuid[], ${due.map((t) => t.nextCheckAt)}::timestamp(3)[]) AS d(pid, due)
      ON CONFLICT ("segmentId", "profileId") DO UPDATE SET "dueAt" = excluded."dueAt"`);
  }
  if (clear.length > 0) {
    statements.push(Prisma.sql`
      DELETE FROM segment_timers
      WHERE "segmentId" = ${segment.id} AND "profileId" = ANY(${clear}::uuid[])`);
  }
  await executeAll(tx, statements);
  if (options.events && changed.length > 0) {
    await tx.$executeRaw(transitionEvents(segment, changed, at, options.receivedAt));
  }
  return { entered, exited };
}

/** The transition events and their engine_queue rows, in one statement. */
function transitionEvents(
  segment: { id: string; workspaceId: string; name: string },
  changed: readonly { id: string; kind: string }[],
  at: Date,
  receivedAt: Date,
): Prisma.Sql {
  const eventIds = changed.map(() => uuidv7(receivedAt.getTime())).sort();
  const names = changed.map((c) =>
    c.kind === "entry" ? SEGMENT_ENTERED_EVENT : SEGMENT_EXITED_EVENT,
  );
  const messageIds = changed.map((c) => `segment:${segment.id}:${c.id}:${c.kind}:${at.getTime()}`);
  const properties = JSON.stringify({ segmentId: segment.id, segmentName: segment.name });
  return Prisma.sql`
    WITH changes AS (
      SELECT e.id, e.pid, e.mid, e.name, p."userId"
      FROM unnest(${eventIds}::uuid[], ${changed.map((c) => c.id)}::uuid[], ${messageIds}::text[], ${names}::text[])
        AS e(id, pid, mid, name)
      JOIN profiles p ON p.id = e.pid AND p."workspaceId" = ${segment.workspaceId}
    ), keys AS (
      -- Dedupe by messageId across the partitions of events (insert-events.ts).
      INSERT INTO event_dedupe ("workspaceId", "messageId", "eventId")
      SELECT ${segment.workspaceId}, e.mid, e.id FROM changes e ORDER BY e.mid
      ON CONFLICT ("workspaceId", "messageId") DO NOTHING
      RETURNING "eventId"
    ), written AS (
      INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "userId", properties, "timestamp", "receivedAt")
      SELECT e.id, ${segment.workspaceId}, e.pid, e.mid, 'track', e.name, e."userId", ${properties}::jsonb,
             ${at}::timestamp(3), ${receivedAt}::timestamp(3)
      FROM changes e JOIN keys k ON k."eventId" = e.id
      RETURNING id, "profileId", "timestamp")
    INSERT INTO engine_queue ("workspaceId", "eventId", "profileId", "timestamp")
    SELECT ${segment.workspaceId}, id, "profileId", "timestamp" FROM written ORDER BY id`;
}
