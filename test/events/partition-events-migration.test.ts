import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { uuidv7 } from "@/lib/db/uuidv7";
import { ensureEventPartitionsOn } from "@/lib/events/ensure-event-partitions";

// The migration that partitions events, on a database holding rows from
// before it: every row kept once, in place, and dedupe still exact.
const MIGRATION = "20261207130000_partitioned_events";
const DAY = 86_400_000;

const adminUrl = process.env.TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `cue_t_${process.pid}_part${randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
})();

let root: string;
let client: pg.Client;

async function rows<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  return (await client.query<R>(text, values)).rows;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  // The migrations as they were before this one.
  root = await mkdtemp(path.join(os.tmpdir(), "cue-part-"));
  const migrations = path.join(root, "prisma/migrations");
  await cp(path.resolve("prisma/migrations"), migrations, { recursive: true });
  for (const entry of await readdir(migrations, { withFileTypes: true }))
    if (entry.isDirectory() && entry.name >= MIGRATION)
      await rm(path.join(migrations, entry.name), { recursive: true });
  await applyMigrations(url, { root });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  if (root) await rm(root, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

describe(MIGRATION, () => {
  it("keeps every row once, in place, and dedupe stays exact across partitions", async () => {
    const now = Date.now();
    const profileId = uuidv7();
    // UUIDv7 rows over the last 60 days, as ingestion wrote them, and two
    // rows keyed by gen_random_uuid() as some scripts once did.
    const stored: { id: string; messageId: string }[] = [];
    for (let i = 0; i < 300; i++) {
      stored.push({ id: uuidv7(now - (i % 60) * DAY - i), messageId: `m-${i}` });
    }
    const values = stored.map(
      (_, i) =>
        `($${2 * i + 1}::uuid, 'ws', '${profileId}', $${2 * i + 2}, 'track', 'Clicked', now() - interval '1 day')`,
    );
    await client.query(
      `INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "timestamp") VALUES ${values.join(", ")}`,
      stored.flatMap((row) => [row.id, row.messageId]),
    );
    const random = await rows<{ id: string; messageId: string }>(
      `INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "timestamp")
       SELECT ('f' || substr(gen_random_uuid()::text, 2))::uuid, 'ws', '${profileId}', 'v4-' || g, 'track', 'Clicked', now()
       FROM generate_series(1, 2) g RETURNING id::text, "messageId"`,
    );
    const v4 = (messageId: string) => random.find((row) => row.messageId === messageId)?.id;
    // The rows naming an event follow it when its id must change.
    await client.query(
      `INSERT INTO engine_queue ("workspaceId", "eventId") VALUES ('ws', $1), ('ws', $2)`,
      [v4("v4-1"), stored[0].id],
    );
    await client.query(
      `INSERT INTO held_events ("runId", "eventId", "workspaceId") VALUES ('run-1', $1, 'ws')`,
      [v4("v4-2")],
    );
    const before = await rows<{ messageId: string; id: string; timestamp: Date }>(
      `SELECT "messageId", id::text, "timestamp" FROM events ORDER BY "messageId"`,
    );

    await applyMigrations(url, { root: process.cwd() });

    const [kind] = await rows<{ relkind: string }>(
      `SELECT relkind FROM pg_class WHERE relname = 'events'`,
    );
    expect(kind.relkind).toBe("p"); // partitioned
    const after = await rows<{ messageId: string; id: string; timestamp: Date }>(
      `SELECT "messageId", id::text, "timestamp" FROM events ORDER BY "messageId"`,
    );
    expect(after.length).toBe(before.length);
    expect(new Set(after.map((row) => row.messageId)).size).toBe(before.length);
    // UUIDv7 rows keep their ids; the two random ids were given UUIDv7s.
    const afterIds = new Map(after.map((row) => [row.messageId, row.id]));
    for (const row of stored) expect(afterIds.get(row.messageId)).toBe(row.id);
    const moved = ["v4-1", "v4-2"].map((m) => afterIds.get(m) as string);
    for (const id of moved) {
      expect(id[14]).toBe("7");
      expect(Math.abs(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16) - now)).toBeLessThan(
        60_000,
      );
    }
    const queue = await rows<{ eventId: string }>(
      `SELECT "eventId"::text FROM engine_queue ORDER BY id`,
    );
    expect(queue.map((q) => q.eventId)).toEqual([afterIds.get("v4-1"), stored[0].id]);
    const held = await rows<{ eventId: string }>(`SELECT "eventId"::text FROM held_events`);
    expect(held.map((h) => h.eventId)).toEqual([afterIds.get("v4-2")]);

    // The old rows stay where they were: the first partition, not a copy.
    const [legacy] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM events_before`);
    expect(legacy.n).toBe(before.length);
    const partitions = await rows<{ name: string }>(`SELECT name FROM cue_event_partitions()`);
    expect(partitions.map((p) => p.name)).toEqual(["events_before"]);
    // A start then makes the coming weeks' (scripts/start.ts).
    expect(await ensureEventPartitionsOn(client)).toBe(4);

    // One dedupe key per row, pointing at it.
    const keys = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_dedupe d JOIN events e
         ON e.id = d."eventId" AND e."messageId" = d."messageId" AND e."workspaceId" = d."workspaceId"`,
    );
    expect(keys[0].n).toBe(before.length);
    // A stored messageId cannot be stored again, whichever partition holds it.
    const weekAhead = uuidv7(now + 14 * DAY);
    await expect(
      client.query(
        `WITH k AS (INSERT INTO event_dedupe VALUES ('ws', 'm-59', $1) RETURNING *)
         INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, "timestamp")
         SELECT "eventId", 'ws', '${profileId}', 'm-59', 'track', now() FROM k`,
        [weekAhead],
      ),
    ).rejects.toThrow(/event_dedupe_pkey/);
    // A new one lands in its week's partition.
    await client.query(
      `WITH k AS (INSERT INTO event_dedupe VALUES ('ws', 'new-1', $1) RETURNING *)
       INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, "timestamp")
       SELECT "eventId", 'ws', '${profileId}', 'new-1', 'track', now() FROM k`,
      [weekAhead],
    );
    const [where] = await rows<{ part: string }>(
      `SELECT tableoid::regclass::text AS part FROM events WHERE "messageId" = 'new-1'`,
    );
    expect(where.part).toMatch(/^events_p\d{8}$/);
  });
});
