import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getActivationOverview } from "@/lib/analytics/activation/get-activation-overview";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { countEventsSql } from "@/lib/engine/load-counts";
import { dropExpiredEvents } from "@/lib/events/event-partitions";
import { rolledCount, rolledCountBefore } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { explainMembership } from "@/lib/segments/explain-membership";
import { createSegment } from "@/lib/segments/save-segment";
import { computeNextSegment } from "@/lib/segments/segment-tasks";
import { saveActivationSettings } from "@/lib/workspaces/activation-settings";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// Event rollups (lib/events/event-rollups.ts), against real PostgreSQL:
// ingestion keeps them equal to the stored events (duplicates, late calls,
// merges, erasure); a count read from whole days of rollups plus the raw
// edge days equals the count over raw events for any window; and once
// retention has dropped every raw event, counts, a new segment's members,
// its explanation and activation come out as before.

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const day0 = Date.parse("2026-02-01T00:00:00.000Z");

type Call = Record<string, unknown>;

async function ingest(workspaceId: string, items: Call[]) {
  const result = await ingestBatch({
    workspaceId,
    receivedAt: new Date(day0 + 40 * DAY),
    evaluate: false,
    items: items.map((item) => ({ messageId: randomUUID(), ...item })),
  });
  expect(result.rejected).toEqual([]);
  return result;
}

const track = (userId: string, event: string, at: number, extra: Call = {}): Call => ({
  type: "track",
  userId,
  event,
  timestamp: new Date(at).toISOString(),
  ...extra,
});

/** A small deterministic generator, so a failure names a reproducible window. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function profileOf(workspaceId: string, userId: string): Promise<string> {
  const row = await prisma.profile.findFirstOrThrow({ where: { workspaceId, userId } });
  return row.id;
}

/** The rollups as they should be: the stored tracked events, grouped. */
async function expectRollupsMatchEvents(workspaceId: string) {
  const fromEvents = await sql.$queryRaw<unknown[]>`
    SELECT "profileId"::text, name, "timestamp"::date::text AS day, count(*)::int AS count,
           min("timestamp") AS "firstAt", max("timestamp") AS "lastAt"
    FROM events WHERE "workspaceId" = ${workspaceId} AND type = 'track'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const stored = await sql.$queryRaw<unknown[]>`
    SELECT "profileId"::text, name, day::text, count, "firstAt", "lastAt"
    FROM event_rollups WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2, 3`;
  expect(stored).toEqual(fromEvents);
  return stored.length;
}

describe("event rollups", () => {
  it("stay equal to the stored events through duplicates, late calls, merges and erasure", async () => {
    const { workspaceId } = await createTestWorkspace("Rollups upkeep");
    const first = [
      track("u1", "Report Created", day0 + 10 * DAY + 5),
      track("u1", "Report Created", day0 + 10 * DAY + 7),
      track("u1", "Report Created", day0 + 11 * DAY - 1), // 23:59:59.999, same day
      track("u1", "Report Shared", day0 + 11 * DAY), // midnight: the next day
      {
        type: "identify",
        userId: "u1",
        traits: { plan: "pro" },
        timestamp: new Date(day0).toISOString(),
      },
    ];
    const send = () =>
      ingestBatch({
        workspaceId,
        receivedAt: new Date(day0 + 40 * DAY),
        evaluate: false,
        items: first.map((item, i) => ({ ...item, messageId: `first-${i}` })),
      });
    expect((await send()).accepted).toBe(5);
    // The same calls again (a client's retry): nothing is counted twice.
    expect((await send()).accepted).toBe(0);
    // A late call for an earlier day, and an anonymous visitor's history
    // that an identify folds into u1.
    await ingest(workspaceId, [track("u1", "Report Created", day0 + 2 * DAY)]);
    await ingest(workspaceId, [
      {
        type: "track",
        anonymousId: "anon-1",
        event: "Report Created",
        timestamp: new Date(day0 + 10 * DAY + 6).toISOString(),
      },
      {
        type: "track",
        anonymousId: "anon-1",
        event: "Pricing Viewed",
        timestamp: new Date(day0 + 3 * DAY).toISOString(),
      },
    ]);
    expect(await expectRollupsMatchEvents(workspaceId)).toBe(5);
    await ingest(workspaceId, [
      {
        type: "identify",
        userId: "u1",
        anonymousId: "anon-1",
        timestamp: new Date(day0 + 12 * DAY).toISOString(),
      },
    ]);
    expect(await expectRollupsMatchEvents(workspaceId)).toBe(4);
    const u1 = await profileOf(workspaceId, "u1");
    const [tenth] = await sql.$queryRaw<{ count: number; firstAt: Date; lastAt: Date }[]>`
      SELECT count, "firstAt", "lastAt" FROM event_rollups
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${u1}::uuid
        AND name = 'Report Created' AND day = '2026-02-11'`;
    expect(tenth).toEqual({
      count: 4, // three of u1's and the visitor's, summed by the merge
      firstAt: new Date(day0 + 10 * DAY + 5),
      lastAt: new Date(day0 + 11 * DAY - 1),
    });

    await ingest(workspaceId, [track("u2", "Report Created", day0 + 5 * DAY)]);
    await eraseProfile({ workspaceId, profileId: u1 });
    expect(await expectRollupsMatchEvents(workspaceId)).toBe(1);
  });

  it("count any window exactly: whole days from rollups, edge days from events", async () => {
    const { workspaceId } = await createTestWorkspace("Rollups windows");
    const random = lcg(7);
    // 120 events over 12 days: some on midnights, some sharing a millisecond.
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      const pick = random();
      const at =
        pick < 0.1
          ? day0 + Math.floor(random() * 12) * DAY // a midnight
          : pick < 0.2 && times.length > 0
            ? (times[times.length - 1] as number) // an equal time
            : day0 + Math.floor(random() * 12 * DAY);
      times.push(at);
    }
    await ingest(workspaceId, [
      ...times.map((at) => track("u1", "Used Feature", at)),
      track("u1", "Other", day0 + 3 * DAY),
      track("u2", "Used Feature", day0 + 3 * DAY),
    ]);
    const u1 = await profileOf(workspaceId, "u1");
    const target = {
      workspaceId: Prisma.sql`${workspaceId}`,
      profileId: Prisma.sql`${u1}::uuid`,
      name: Prisma.sql`${"Used Feature"}`,
    };
    const instants = () => {
      const pick = random();
      if (pick < 0.3) return times[Math.floor(random() * times.length)] as number; // on an event
      if (pick < 0.45) return day0 + Math.floor(random() * 14) * DAY; // a midnight
      return day0 - DAY + Math.floor(random() * 15 * DAY);
    };
    for (let i = 0; i < 150; i++) {
      const a = instants();
      const b = random() < 0.2 ? null : instants();
      const at = new Date(b === null ? a : Math.max(a, b));
      const since = b === null ? null : new Date(Math.min(a, b));
      const [rolled] = await sql.$queryRaw<{ n: number; oldest: Date | null }[]>`
        SELECT c.n, c.oldest FROM ${rolledCount(
          target,
          Prisma.sql`${since}::timestamp(3)`,
          Prisma.sql`${at}::timestamp(3)`,
        )} c`;
      const inWindow = times.filter(
        (t) => (since === null || t > since.getTime()) && t <= at.getTime(),
      );
      const expected = {
        n: inWindow.length,
        oldest: inWindow.length === 0 ? null : new Date(Math.min(...inWindow)),
      };
      expect({ since, at, ...rolled }).toEqual({ since, at, ...expected });
    }
    // Before an event, as first-time triggers count: (timestamp, receivedAt, id).
    const stored = await sql.$queryRaw<{ id: string; timestamp: Date; receivedAt: Date }[]>`
      SELECT id::text, "timestamp", "receivedAt" FROM events
      WHERE "profileId" = ${u1}::uuid AND name = 'Used Feature'
      ORDER BY "timestamp", "receivedAt", id`;
    for (let i = 0; i < stored.length; i += 7) {
      const event = stored[i] as (typeof stored)[number];
      const bound = { eventId: event.id, timestamp: event.timestamp, receivedAt: event.receivedAt };
      const [before] = await sql.$queryRaw<{ n: number }[]>`
        SELECT c.n FROM ${rolledCountBefore(target, bound)} c`;
      expect(before?.n).toBe(i);
    }
  });

  it("keep counts, segments and activation exact after retention drops the raw events", async () => {
    const { workspaceId } = await createTestWorkspace("Rollups retention");
    await saveActivationSettings(workspaceId, { events: ["Report Created"], windowDays: 7 });
    // u1: five reports over three weeks; u2: one, long ago; u3: none.
    const reports = [2, 9, 15, 20, 21].map((d) => day0 + d * DAY + 9 * 3_600_000);
    await ingest(workspaceId, [
      { type: "identify", userId: "u1", traits: {}, timestamp: new Date(day0 + DAY).toISOString() },
      { type: "identify", userId: "u2", traits: {}, timestamp: new Date(day0 + DAY).toISOString() },
      { type: "identify", userId: "u3", traits: {}, timestamp: new Date(day0 + DAY).toISOString() },
      ...reports.map((at) => track("u1", "Report Created", at)),
      track("u2", "Report Created", day0 + 3 * DAY),
    ]);
    const now = new Date(day0 + 25 * DAY + 12 * 3_600_000);
    const u1 = await profileOf(workspaceId, "u1");
    const counts = async () => {
      const scope = { workspaceId, profileId: u1, now, trigger: null };
      const query = { event: "Report Created", where: [], beforeTrigger: false };
      return {
        ever: await countEventsSql(sql, { ...query, withinMs: null }, scope),
        fortnight: await countEventsSql(sql, { ...query, withinMs: 14 * DAY }, scope),
      };
    };
    const segment = async (name: string) => {
      const created = await createSegment({
        workspaceId,
        segment: {
          kind: "condition",
          name,
          condition: {
            all: [
              {
                kind: "done_count",
                event: "Report Created",
                atLeast: 3,
                within: { amount: 30, unit: "days" },
              },
            ],
          },
        },
      });
      while ((await computeNextSegment(now)) > 0) {}
      const members = await prisma.segmentMembership.findMany({ where: { segmentId: created.id } });
      const why = await explainMembership({
        workspaceId,
        segmentId: created.id,
        profile: "u1",
        now,
      });
      return {
        members: members.map((m) => m.profileId),
        matches: why.matchesNow,
        why: why.conditions,
      };
    };
    const activation = async () =>
      (await getActivationOverview({ workspaceId, query: { by: "week" }, now })).cohorts;

    const before = {
      counts: await counts(),
      segment: await segment("Before"),
      activation: await activation(),
    };
    expect(before.counts).toEqual({ ever: 5, fortnight: 3 });
    expect(before.segment.members).toEqual([u1]);
    expect(before.activation.some((c) => c.activated > 0)).toBe(true);

    // Retention far in the future drops every partition holding these events.
    const dropped = await dropExpiredEvents(new Date(Date.now() + 8 * WEEK), 14);
    expect(dropped.dropped.length).toBeGreaterThan(0);
    const [left] = await sql.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM events WHERE "workspaceId" = ${workspaceId}`;
    expect(left?.n).toBe(0);

    const after = {
      counts: await counts(),
      segment: await segment("After"),
      activation: await activation(),
    };
    expect(after).toEqual(before);
  });
});
