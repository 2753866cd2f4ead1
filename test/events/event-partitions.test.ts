import { describe, expect, it } from "vitest";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { uuidv7 } from "@/lib/db/uuidv7";
import { profileHistoryPart } from "@/lib/engine/load-facts";
import { evaluatedEventsPart } from "@/lib/engine/load-triggers";
import {
  dropExpiredEvents,
  ensureEventPartitions,
  eventRetentionDays,
  listEventPartitions,
} from "@/lib/events/event-partitions";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { createTestWorkspace } from "../fixtures/workspace";

const DAY = 86_400_000;

async function count(query: TemplateStringsArray, ...values: unknown[]): Promise<number> {
  const rows = await sql.$queryRaw<{ n: number }[]>(query, ...values);
  return rows[0]?.n ?? 0;
}

/** Stores an event with an id of `at`, and its dedupe key, as ingestion would have then. */
async function storeAt(workspaceId: string, profileId: string, messageId: string, at: number) {
  const id = uuidv7(at);
  await sql.$executeRaw`
    WITH k AS (INSERT INTO event_dedupe VALUES (${workspaceId}, ${messageId}, ${id}::uuid) RETURNING 1)
    INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "timestamp", "receivedAt")
    SELECT ${id}::uuid, ${workspaceId}, ${profileId}::uuid, ${messageId}, 'track', 'Clicked',
           ${new Date(at)}::timestamp(3), ${new Date(at)}::timestamp(3) FROM k`;
  return id;
}

async function profileOf(workspaceId: string, userId: string): Promise<string> {
  const rows = await sql.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM profiles WHERE "workspaceId" = ${workspaceId} AND "userId" = ${userId}`;
  return rows[0].id;
}

/** The first weekly partition (after events_before) and the next. */
async function firstWeeks() {
  const partitions = await listEventPartitions();
  const weekly = partitions.filter((p) => p.from !== null);
  expect(partitions[0]).toMatchObject({ name: "events_before", from: null });
  return { before: partitions[0], weekly };
}

describe("events' weekly partitions", () => {
  it("are made ahead, once, however many processes ask at the same time", async () => {
    const { weekly } = await firstWeeks();
    expect(weekly.length).toBeGreaterThanOrEqual(4);
    for (const p of weekly) {
      expect(p.from?.getUTCDay()).toBe(1); // Mondays, 00:00 UTC
      expect((p.to as Date).getTime() - (p.from as Date).getTime()).toBe(7 * DAY);
    }
    expect(await ensureEventPartitions()).toBe(0);
    // Eight at once, asking for three more weeks: made once, no error, no gap.
    const made = await Promise.all(
      Array.from({ length: 8 }, () => ensureEventPartitions({ weeksAhead: 7 })),
    );
    expect(made.reduce((a, b) => a + b, 0)).toBe(3);
    const after = await listEventPartitions();
    for (let i = 1; i < after.length; i++) expect(after[i].from).toEqual(after[i - 1].to);
    expect(await ensureEventPartitions({ weeksAhead: 7 })).toBe(0);
  });

  it("are vacuumed at the insert-only pace, event_dedupe too, including tables made before it", async () => {
    const paced = async () =>
      sql.$queryRaw<{ name: string; paced: boolean }[]>`
        SELECT c.relname AS name,
               coalesce(c.reloptions, '{}') @> ARRAY['autovacuum_vacuum_cost_delay=10'] AS paced
        FROM pg_class c
        WHERE c.relname = 'event_dedupe' OR c.oid IN (SELECT relid FROM pg_partition_tree('events') WHERE isleaf)
        ORDER BY 1`;
    await ensureEventPartitions();
    const before = await paced();
    expect(before.map((t) => t.name)).toContain("events_before");
    expect(before.map((t) => t.name)).toContain("event_dedupe");
    expect(before.every((t) => t.paced)).toBe(true);
    // As an install from before the setting: ensuring sets it again.
    await sql.$executeRaw`ALTER TABLE events_before RESET (autovacuum_vacuum_cost_delay)`;
    await sql.$executeRaw`ALTER TABLE event_dedupe RESET (autovacuum_vacuum_cost_delay)`;
    expect((await paced()).filter((t) => !t.paced).map((t) => t.name)).toEqual([
      "event_dedupe",
      "events_before",
    ]);
    expect(await ensureEventPartitions()).toBe(0);
    expect((await paced()).every((t) => t.paced)).toBe(true);
  });

  it("keep dedupe by messageId exact across partitions", async () => {
    const { workspaceId } = await createTestWorkspace();
    await ingestBatch({
      workspaceId,
      items: [{ type: "identify", userId: "u-1", messageId: "i-1" }],
    });
    const profileId = await profileOf(workspaceId, "u-1");
    const { before } = await firstWeeks();
    // Stored weeks ago (in events_before), then sent again now.
    await storeAt(workspaceId, profileId, "old-1", (before.to as Date).getTime() - 20 * DAY);
    const again = await ingestBatch({
      workspaceId,
      items: [
        { type: "track", userId: "u-1", event: "Clicked", messageId: "old-1" },
        { type: "track", userId: "u-1", event: "Clicked", messageId: "new-1" },
      ],
    });
    expect(again).toMatchObject({ accepted: 1, duplicates: 1 });
    // Two requests racing with the same new messageId: one is stored.
    const race = await Promise.all(
      Array.from({ length: 4 }, () =>
        ingestBatch({
          workspaceId,
          items: [{ type: "track", userId: "u-1", event: "Clicked", messageId: "race-1" }],
        }),
      ),
    );
    expect(race.reduce((sum, r) => sum + r.accepted, 0)).toBe(1);
    expect(
      await count`SELECT count(*)::int AS n FROM events WHERE "workspaceId" = ${workspaceId} AND "messageId" IN ('old-1', 'new-1', 'race-1')`,
    ).toBe(3);
  });

  it("are pruned when a read is bounded by event time", async () => {
    const { workspaceId } = await createTestWorkspace();
    const { weekly } = await firstWeeks();
    // Two days into the third week: with the 25 h slack, the reads start in it.
    const since = new Date((weekly[2].from as Date).getTime() + 2 * DAY);
    const plan = await sqlTransaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>`
        EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
        SELECT count(*) FROM events
        WHERE "profileId" = ${uuidv7()}::uuid AND "workspaceId" = ${workspaceId}
          AND "timestamp" >= ${since}::timestamp(3) AND id >= cue_event_id_floor(${since}::timestamp(3))`;
      return rows.map((row) => String(row["QUERY PLAN"])).join("\n");
    });
    // Pruned at planning or at run time: the older partitions are never read.
    expect(plan).toContain(weekly[2].name);
    for (const old of ["events_before", weekly[0].name, weekly[1].name])
      expect(plan).not.toContain(old);
  });
});

/** Whether the plan read the partition (a scan of it that ran). */
function reads(plan: string, partition: string): boolean {
  return plan
    .split("\n")
    .some((line) => line.includes(` on ${partition} `) && !line.includes("never executed"));
}

async function explain(query: Prisma.Sql): Promise<string> {
  const rows = await sql.$queryRaw<{ "QUERY PLAN": string }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${query}`,
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("the engine's per-profile reads by event time", () => {
  it("read only the partitions from their moment on", async () => {
    const { workspaceId } = await createTestWorkspace();
    await ingestBatch({
      workspaceId,
      items: [{ type: "identify", userId: "u-1", messageId: "i-1" }],
    });
    const profileId = await profileOf(workspaceId, "u-1");
    const { weekly } = await firstWeeks();
    for (const [i, p] of weekly.slice(0, 3).entries())
      await storeAt(workspaceId, profileId, `w-${i}`, (p.from as Date).getTime() + DAY);
    // Two days into the second week: events_before and the first week cannot hold later events.
    const since = new Date((weekly[1].from as Date).getTime() + 2 * DAY);
    const history = profileHistoryPart([{ workspaceId, profileId, since }]).sql;
    // The due-timer task's form: `since` as given, no look-up of open runs.
    const historyGiven = profileHistoryPart([{ workspaceId, profileId, since }], {
      sinceCoversRuns: true,
    }).sql;
    const caughtUp = evaluatedEventsPart([
      {
        queueId: 1n,
        workspaceId,
        eventId: uuidv7(),
        profileId,
        type: "track",
        name: "Clicked",
        properties: {},
        timestamp: since,
        receivedAt: since,
      },
    ]).sql;
    for (const query of [history, historyGiven, caughtUp]) {
      const plan = await explain(query as Prisma.Sql);
      if (process.env.SHOW_PLANS) console.log(plan);
      expect(plan).toContain(weekly[1].name);
      expect(reads(plan, "events_before")).toBe(false);
      expect(reads(plan, weekly[0].name)).toBe(false);
    }
  });
});

describe("retention (CUE_EVENT_RETENTION_DAYS)", () => {
  it("reads the deployment-wide setting", () => {
    expect(eventRetentionDays({})).toBeNull();
    expect(eventRetentionDays({ CUE_EVENT_RETENTION_DAYS: "90" })).toBe(90);
    expect(eventRetentionDays({ CUE_EVENT_RETENTION_DAYS: "0" })).toBeNull();
    expect(eventRetentionDays({ CUE_EVENT_RETENTION_DAYS: "soon" })).toBeNull();
  });

  it("drops whole partitions past the window, with no DELETE, and erasure still reaches every partition", async () => {
    const { workspaceId } = await createTestWorkspace();
    await ingestBatch({
      workspaceId,
      items: [
        { type: "identify", userId: "u-1", messageId: "i-1" },
        { type: "identify", userId: "u-2", messageId: "i-2" },
      ],
    });
    const [u1, u2] = [await profileOf(workspaceId, "u-1"), await profileOf(workspaceId, "u-2")];
    const { before, weekly } = await firstWeeks();
    const oldAt = (before.to as Date).getTime() - 3 * DAY;
    const weekAt = (i: number) => (weekly[i].from as Date).getTime() + DAY;
    for (const [profileId, tag] of [
      [u1, "a"],
      [u2, "b"],
    ]) {
      await storeAt(workspaceId, profileId, `${tag}-old`, oldAt);
      await storeAt(workspaceId, profileId, `${tag}-w0`, weekAt(0));
      await storeAt(workspaceId, profileId, `${tag}-w1`, weekAt(1));
    }
    // Any DELETE on events, through the parent or a partition, would fail here.
    await sql.$executeRaw`
      CREATE FUNCTION forbid_event_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'DELETE on %', TG_TABLE_NAME; END $$`;
    await sql.$executeRaw`
      CREATE TRIGGER forbid_event_delete BEFORE DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION forbid_event_delete()`;

    // One day of retention, a day into the first week: only events_before ends before it.
    const now = new Date((weekly[0].from as Date).getTime() + DAY);
    const result = await dropExpiredEvents(now, 1);
    expect(result.dropped).toEqual(["events_before"]);
    await sql.$executeRaw`DROP TRIGGER forbid_event_delete ON events`;

    const remaining = await sql.$queryRaw<{ messageId: string }[]>`
      SELECT "messageId" FROM events WHERE "workspaceId" = ${workspaceId} ORDER BY "messageId"`;
    expect(remaining.map((r) => r.messageId)).toEqual(["a-w0", "a-w1", "b-w0", "b-w1"]);
    // The dropped events' dedupe keys went with them (ingestion's i-1 and i-2 were in events_before too).
    const keys = await sql.$queryRaw<{ messageId: string }[]>`
      SELECT "messageId" FROM event_dedupe WHERE "workspaceId" = ${workspaceId} ORDER BY "messageId"`;
    expect(keys.map((r) => r.messageId)).toEqual(["a-w0", "a-w1", "b-w0", "b-w1"]);
    expect(result.keys).toBeGreaterThanOrEqual(4);
    // Again: nothing more to drop.
    expect((await dropExpiredEvents(now, 1)).dropped).toEqual([]);

    // Erasure: every row of u-1 in every partition, and its dedupe keys; u-2 untouched.
    expect(await eraseProfile({ workspaceId, profileId: u1 })).toEqual({ events: 2 });
    expect(await count`SELECT count(*)::int AS n FROM events WHERE "profileId" = ${u1}::uuid`).toBe(
      0,
    );
    expect(
      await count`SELECT count(*)::int AS n FROM event_dedupe WHERE "workspaceId" = ${workspaceId} AND "messageId" LIKE 'a-%'`,
    ).toBe(0);
    expect(await count`SELECT count(*)::int AS n FROM events WHERE "profileId" = ${u2}::uuid`).toBe(
      2,
    );

    // This week was events_before's: the next call finds no partition for
    // its id, makes this week's and is stored (ingest-batch).
    const late = await ingestBatch({
      workspaceId,
      items: [{ type: "track", userId: "u-2", event: "Clicked", messageId: "after-drop" }],
    });
    expect(late.accepted).toBe(1);
    const [where] = await sql.$queryRaw<{ part: string }[]>`
      SELECT tableoid::regclass::text AS part FROM events WHERE "messageId" = 'after-drop'`;
    expect(where.part).toMatch(/^events_p\d{8}$/);
  });
});
