import { asRecord } from "@/lib/db/json-record";
import type { RawDb } from "@/lib/db/sql";
import { rolledCount, rolledCountBefore } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CountQuery, countKey, requiredCounts } from "@/lib/journey-core/count-queries";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import { matchesWhere } from "@/lib/journey-core/evaluate-condition";
import type { EventCounts } from "@/lib/journey-core/facts";

// The SQL side of count-queries.ts: the counts a definition's conditions
// read, for one profile at `now`, over its tracked events. Property
// conditions (`where`) are evaluated by the core's own matcher on the
// candidate rows, so SQL and the simulator can never disagree on operators.

/** The event a run entered on, to count "strictly before" it (first-time triggers). */
export interface TriggerRef {
  eventId: string;
  timestamp: Date;
  receivedAt: Date;
}

export interface CountScope {
  workspaceId: string;
  profileId: string;
  now: Date;
  trigger: TriggerRef | null;
}

/** Per-batch memo: the same count for the same profile is read once. */
export class CountCache {
  private readonly memo = new Map<string, Promise<number>>();

  constructor(private readonly tx: RawDb) {}

  async countsFor(definition: JourneyDefinition, scope: CountScope): Promise<EventCounts> {
    const counts: Record<string, number> = {};
    for (const query of requiredCounts(definition)) {
      // Only an entry decision has a trigger event to count before; a count
      // left out makes its condition fail closed, as the core documents.
      if (query.beforeTrigger && !scope.trigger) continue;
      const key = countKey(query);
      // Counts are as of `now` (the decision's event time), which differs per input.
      const at = query.beforeTrigger ? scope.trigger?.eventId : scope.now.toISOString();
      const memoKey = `${scope.profileId}|${at}|${key}`;
      let pending = this.memo.get(memoKey);
      if (!pending) {
        pending = countEventsSql(this.tx, query, scope);
        this.memo.set(memoKey, pending);
      }
      counts[key] = await pending;
    }
    return counts;
  }
}

export async function countEventsSql(
  tx: RawDb,
  query: CountQuery,
  scope: CountScope,
): Promise<number> {
  const { workspaceId, profileId, now } = scope;
  const before = query.beforeTrigger ? scope.trigger : null;
  const from = query.withinMs === null ? null : new Date(now.getTime() - query.withinMs);
  // A window reads only the partitions of events it can touch (ARCHITECTURE.md).
  const inWindow =
    from === null
      ? Prisma.empty
      : Prisma.sql`AND "timestamp" > ${from}::timestamp(3) AND id >= cue_event_id_floor(${from}::timestamp(3))`;
  if (query.where.length === 0) {
    // Whole days from the rollups, the edge days from events (event-rollups.ts).
    const target = {
      workspaceId: Prisma.sql`${workspaceId}`,
      profileId: Prisma.sql`${profileId}::uuid`,
      name: Prisma.sql`${query.event}`,
    };
    const count = before
      ? rolledCountBefore(target, before)
      : rolledCount(target, Prisma.sql`${from}::timestamp(3)`, Prisma.sql`${now}::timestamp(3)`);
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT c.n FROM ${count} c`;
    return rows[0]?.n ?? 0;
  }
  // Property conditions read the events themselves: only the raw events
  // kept count (README, Retention).
  const rows = before
    ? await tx.$queryRaw<{ properties: Prisma.JsonValue }[]>`
        SELECT properties FROM events
        WHERE "profileId" = ${profileId}::uuid AND "workspaceId" = ${workspaceId}
          AND name = ${query.event} AND type = 'track'
          AND ("timestamp", "receivedAt", id) < (${before.timestamp}::timestamp(3), ${before.receivedAt}::timestamp(3), ${before.eventId}::uuid)`
    : await tx.$queryRaw<{ properties: Prisma.JsonValue }[]>`
        SELECT properties FROM events
        WHERE "profileId" = ${profileId}::uuid AND "workspaceId" = ${workspaceId}
          AND name = ${query.event} AND type = 'track'
          AND "timestamp" <= ${now}::timestamp(3)
          ${inWindow}`;
  return rows.filter((row) => matchesWhere(query.where, asRecord(row.properties)).pass).length;
}
