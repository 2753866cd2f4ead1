import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportJourneyCsv } from "@/lib/analytics/export-journey-csv";
import { getJourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { countWindowEvents, loadCandidateProfiles } from "@/lib/backtests/load-backtest-data";
import { disconnectPrisma, getPrisma, getReadPrisma, prisma } from "@/lib/db/client";
import { getPool, readSql, sql } from "@/lib/db/sql";
import { inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { searchProfiles, searchProfilesQuerySchema } from "@/lib/profiles/search-profiles";
import { listMembers } from "@/lib/segments/list-segments";
import { membersQuerySchema } from "@/lib/segments/segment-schemas";
import { memberWithWorkspace } from "@/test/analytics/analytics-fixtures";
import {
  FakeClock,
  identify,
  publishDefinition,
  runsOf,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";

// DATABASE_READ_URL: analytics, exports and admin lists read the replica;
// the engine and ingestion read the primary. The "replica" is a second
// database on the same server (the embedded one under `npm test`, the
// system PostgreSQL in CI's second run), copied from the primary at one
// moment (CREATE DATABASE … TEMPLATE) and never updated after: a replica
// frozen behind by everything written since. What a test then reads tells
// which database answered.

const adminUrl = process.env.TEST_ADMIN_URL as string;
const primaryUrl = process.env.DATABASE_URL as string;
const primaryDb = new URL(primaryUrl).pathname.slice(1);
// cue_t_<pid>_…: a run interrupted before afterAll leaves it for global-setup to drop.
const replicaDb = `cue_t_${process.pid}_replica_${randomBytes(4).toString("hex")}`;
const replicaUrl = (() => {
  const url = new URL(primaryUrl);
  url.pathname = `/${replicaDb}`;
  return url.toString();
})();

const clock = new FakeClock("2026-05-01T10:00:00Z");
const NOW = new Date("2026-05-02T00:00:00Z");
let ws: string;
let journeyId: string;
let segmentId: string;
const onlyReplicaId = randomUUID();

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Writes on the replica only, as if the primary had written it and replication brought it. */
async function onReplica(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: replicaUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

const query = (q: string) => searchProfilesQuerySchema.parse({ q, limit: 100 });

beforeAll(async () => {
  const owner = await memberWithWorkspace("replica@a.test");
  ws = owner.workspaceId;
  await setRules(ws, {});
  journeyId = await publishDefinition(ws, "Replicated", lineJourney("Joined", [inAppNode("hi")]));
  const users = ["r0", "r1", "r2"];
  await send(
    clock,
    ws,
    users.map((u) => identify(u, { email: `${u}@example.com` })),
  );
  await send(
    clock,
    ws,
    users.map((u) => track(u, "Joined")),
  );

  // A segment with no members yet (the definition is configuration: read from the primary).
  const segment = await prisma.segment.create({
    data: {
      workspaceId: ws,
      name: "Replicated members",
      kind: "condition",
      eventNames: [],
      status: "ready",
    },
  });
  segmentId = segment.id;

  // Snapshot the primary: no connection may be open on it while it is copied.
  await disconnectPrisma();
  await onAdmin(async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${replicaDb}" TEMPLATE "${primaryDb}"`);
        return;
      } catch (error) {
        // A backend of a just-closed connection may still be exiting.
        if (attempt >= 50 || (error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  process.env.DATABASE_READ_URL = replicaUrl;
});

afterAll(async () => {
  delete process.env.DATABASE_READ_URL;
  await disconnectPrisma();
  await onAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${replicaDb}" WITH (FORCE)`));
});

describe("DATABASE_READ_URL", () => {
  it("without it, the read handles are the primary's (one pool, one client)", () => {
    delete process.env.DATABASE_READ_URL;
    try {
      expect(getPool("read")).toBe(getPool());
      expect(getReadPrisma()).toBe(getPrisma());
    } finally {
      process.env.DATABASE_READ_URL = replicaUrl;
    }
    expect(getPool("read")).not.toBe(getPool());
    expect(getReadPrisma()).not.toBe(getPrisma());
  });

  it("the read handles answer from the replica, the primary ones from the primary", async () => {
    const [onRead] = await readSql.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    const [onPrimary] = await sql.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    expect(onRead?.db).toBe(replicaDb);
    expect(onPrimary?.db).toBe(primaryDb);
  });

  it("the users list and a segment's members read the replica", async () => {
    // A profile that only the replica holds (replicated, say, from a write
    // the primary has since undone): the list shows it, the primary has none.
    await onReplica(
      `INSERT INTO profiles (id, "workspaceId", "userId", email, traits, "firstSeenAt", "lastSeenAt", "updatedAt")
       VALUES ($1, $2, 'replica-only', 'replica-only@example.com', '{}', $3, $3, $3)`,
      [onlyReplicaId, ws, NOW.toISOString()],
    );
    const page = await searchProfiles({ workspaceId: ws, query: query(""), now: NOW });
    expect(page.profiles.map((p) => p.userId).sort()).toEqual(["r0", "r1", "r2", "replica-only"]);
    expect(await prisma.profile.count({ where: { workspaceId: ws } })).toBe(3);

    // Its membership of a segment, on the replica only: the members list shows it.
    await onReplica(
      `INSERT INTO segment_memberships ("workspaceId", "segmentId", "profileId", "enteredAt")
       VALUES ($1, $2, $3, $4)`,
      [ws, segmentId, onlyReplicaId, NOW.toISOString()],
    );
    const members = await listMembers({
      workspaceId: ws,
      segmentId,
      query: membersQuerySchema.parse({}),
    });
    expect(members.members.map((m) => m.userId)).toEqual(["replica-only"]);
    expect(await prisma.segmentMembership.count({ where: { segmentId } })).toBe(0);
  });

  it("analytics, exports and backtests read the replica, so they lag the primary", async () => {
    // After the snapshot, a fourth user enters on the primary.
    await send(clock, ws, [identify("r3", {}), track("r3", "Joined")]);
    expect(await prisma.journeyRun.count({ where: { workspaceId: ws, journeyId } })).toBe(4);

    const analytics = await getJourneyAnalytics({
      workspaceId: ws,
      journeyId,
      query: {},
      now: NOW,
    });
    const entered = analytics.series.reduce((sum, day) => sum + day.entered, 0);
    expect(entered).toBe(3);

    const csv = await exportJourneyCsv({ workspaceId: ws, journeyId, kind: "runs", query: {} });
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3);
    expect(lines.some((line) => line.includes(",r3,"))).toBe(false);

    // A backtest replays what the replica holds: its profiles and events.
    const window = {
      workspaceId: ws,
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-05-03T00:00:00Z"),
    };
    const candidates = await loadCandidateProfiles(window);
    const r3 = await prisma.profile.findFirstOrThrow({ where: { workspaceId: ws, userId: "r3" } });
    expect(candidates).toContain(onlyReplicaId);
    expect(candidates).not.toContain(r3.id);
    expect(await countWindowEvents(window)).toBe(6);
    expect(await prisma.event.count({ where: { workspaceId: ws } })).toBe(8);

    // The users list has not seen r3 either.
    const page = await searchProfiles({ workspaceId: ws, query: query("r3"), now: NOW });
    expect(page.profiles).toEqual([]);
  });

  it("the engine decides on the primary, whatever the replica says", async () => {
    // On the replica the journey is archived and a second one does not exist;
    // on the primary both are live. Reading the replica would enter no one.
    await onReplica(`UPDATE journeys SET status = 'archived' WHERE id = $1`, [journeyId]);
    const second = await publishDefinition(
      ws,
      "Only on the primary",
      lineJourney("Upgraded", [inAppNode("thanks")]),
    );
    await send(clock, ws, [track("r0", "Upgraded"), track("r4", "Joined")]);
    expect(await runsOf(ws, "r0", second)).toHaveLength(1);
    expect(await runsOf(ws, "r4", journeyId)).toHaveLength(1);
    const [replicaRuns] = await readSql.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM journey_runs WHERE "workspaceId" = ${ws}`;
    expect(replicaRuns?.n).toBe(3);
  });
});
