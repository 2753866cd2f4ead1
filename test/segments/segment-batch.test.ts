import pg from "pg";
import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/segments/route";
import { prisma } from "@/lib/db/client";
import { processEvents } from "@/lib/engine/process-events";
import { createSegment } from "@/lib/segments/save-segment";
import type { SegmentInput } from "@/lib/segments/segment-schemas";
import { computeNextSegment, processDueSegmentTimers } from "@/lib/segments/segment-tasks";
import {
  DAY,
  FakeClock,
  HOUR,
  identify,
  publishDefinition,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// Live membership is decided set-based per engine batch (refresh-segments.ts):
// a batch touching many segments and profiles must record exactly what
// deciding its calls one at a time records: the same members, the same
// entries and exits at the same instants, the same window checks.

const quiet = () => {};
const T0 = "2026-04-01T10:00:00.000Z";
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

type Condition = Extract<SegmentInput, { kind: "condition" }>["condition"];

const SEGMENTS: [string, Condition][] = [
  ["trial", { all: [{ kind: "trait", path: "plan", operator: "eq", value: "trial" }] }],
  ["not pro", { all: [{ kind: "trait", path: "plan", operator: "neq", value: "pro" }] }],
  [
    "viewed pricing this week",
    { all: [{ kind: "has_done", event: "Viewed Pricing", within: { amount: 7, unit: "days" } }] },
  ],
  ["never viewed pricing", { all: [{ kind: "has_done", event: "Viewed Pricing", negate: true }] }],
  [
    "power users",
    {
      all: [
        {
          kind: "done_count",
          event: "Feature Used",
          atLeast: 3,
          within: { amount: 2, unit: "days" },
        },
      ],
    },
  ],
  [
    "gold features today",
    {
      all: [
        {
          kind: "has_done",
          event: "Feature Used",
          where: [{ kind: "property", path: "tier", operator: "eq", value: "gold" }],
          within: { amount: 1, unit: "days" },
        },
      ],
    },
  ],
  [
    "ads signups",
    {
      all: [
        { kind: "trait", path: "utm.source", operator: "eq", value: "ads" },
        { kind: "has_done", event: "Signed Up" },
      ],
    },
  ],
  [
    "engaged trials",
    {
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        {
          any: [
            {
              kind: "done_count",
              event: "Viewed Pricing",
              atLeast: 2,
              within: { amount: 1, unit: "days" },
            },
            { kind: "trait", path: "seats", operator: "gte", value: 10 },
          ],
        },
      ],
    },
  ],
  [
    "new or big",
    {
      any: [
        { kind: "first_seen_within", within: { amount: 3, unit: "days" } },
        { kind: "trait", path: "seats", operator: "gte", value: 10 },
      ],
    },
  ],
];

async function setUp(name: string, clock: FakeClock) {
  const { workspaceId } = await createTestWorkspace(name);
  await setRules(workspaceId, {});
  for (const [segmentName, condition] of SEGMENTS) {
    await createSegment({
      workspaceId,
      segment: { kind: "condition", name: segmentName, condition },
    });
  }
  while ((await computeNextSegment(clock.now())) > 0) {}
  return workspaceId;
}

async function engine(clock: FakeClock, batchSize: number) {
  const options = { now: () => clock.now(), batchSize, log: quiet, allowedLatenessMs: 0 };
  while ((await processEvents(options)).events > 0) {}
}

/** Everything the segments recorded, by segment name and user id. */
async function recorded(workspaceId: string) {
  const segments = new Map(
    (await prisma.segment.findMany({ where: { workspaceId } })).map((s) => [s.id, s.name]),
  );
  const users = new Map(
    (await prisma.profile.findMany({ where: { workspaceId } })).map((p) => [p.id, p.userId]),
  );
  const label = (segmentId: string, profileId: string) =>
    `${segments.get(segmentId)} / ${users.get(profileId)}`;
  const members = (await prisma.segmentMembership.findMany({ where: { workspaceId } }))
    .map((m) => `${label(m.segmentId, m.profileId)} since ${m.enteredAt.toISOString()}`)
    .sort();
  const changes = (
    await prisma.segmentMembershipChange.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
    })
  )
    .map((c) => `${label(c.segmentId, c.profileId)}: ${c.kind} ${c.at.toISOString()}`)
    // Per pair in recorded order; pairs sorted (a batch interleaves profiles).
    .sort((a, b) => a.split(":")[0]?.localeCompare(b.split(":")[0] ?? "") ?? 0);
  const timers = (await prisma.segmentTimer.findMany({ where: { workspaceId } }))
    .map((t) => `${label(t.segmentId, t.profileId)} at ${t.dueAt.toISOString()}`)
    .sort();
  const transitionEvents = (
    await prisma.event.findMany({
      where: { workspaceId, name: { in: ["Segment Entered", "Segment Exited"] } },
    })
  )
    .map((e) => `${e.name} ${users.get(e.profileId)} ${e.timestamp.toISOString()}`)
    .sort();
  return { members, changes, timers, transitionEvents };
}

describe("set-based live membership", () => {
  it("a batch touching many segments records what deciding its calls one at a time records", async () => {
    const clock = new FakeClock(at(0));
    const batched = await setUp("Segments batched", clock);
    const single = await setUp("Segments one by one", clock);
    const script: { clock: string; items: Record<string, unknown>[] }[] = [
      {
        clock: at(HOUR),
        items: [
          { ...identify("u1", { plan: "trial", seats: 2 }), timestamp: at(0) },
          { ...identify("u2", { plan: "pro", utm: { source: "ads" } }), timestamp: at(0) },
          { ...identify("u3", { plan: "trial", seats: 12 }), timestamp: at(0) },
          { ...track("u1", "Viewed Pricing"), timestamp: at(10 * 60_000) },
          { ...track("u1", "Viewed Pricing"), timestamp: at(20 * 60_000) },
          { ...track("u2", "Signed Up"), timestamp: at(5 * 60_000) },
          { ...track("u3", "Feature Used", { tier: "gold" }), timestamp: at(1_000) },
          { ...track("u3", "Feature Used", { tier: "free" }), timestamp: at(2_000) },
          { ...track("u3", "Feature Used", { tier: "free" }), timestamp: at(3_000) },
          // Out of order in one call: the identify happened between the views.
          { ...identify("u1", { plan: "pro" }), timestamp: at(15 * 60_000) },
          { ...track("u4", "Feature Used", { tier: "gold" }), timestamp: at(30 * 60_000) },
          { ...identify("u4", { email: "u4@example.com" }), timestamp: at(31 * 60_000) },
        ],
      },
      {
        // A day later: u2 downgrades; a view of u2's from before it arrives late.
        clock: at(DAY + 2 * HOUR),
        items: [
          { ...identify("u2", { plan: "trial" }), timestamp: at(DAY) },
          { ...identify("u3", { seats: 1 }), timestamp: at(DAY + HOUR) },
          { ...track("u3", "Viewed Pricing"), timestamp: at(DAY + HOUR) },
        ],
      },
      {
        clock: at(DAY + 3 * HOUR),
        items: [
          { ...track("u2", "Viewed Pricing"), timestamp: at(DAY - HOUR) },
          { ...track("u2", "Viewed Pricing"), timestamp: at(DAY + 2 * HOUR) },
          {
            ...identify("u5", { plan: "trial", utm: { source: "ads" } }),
            timestamp: at(DAY + 2 * HOUR),
          },
          { ...track("u5", "Signed Up"), timestamp: at(DAY + 2 * HOUR) },
        ],
      },
    ];
    for (const step of script) {
      clock.set(step.clock);
      // Each workspace drained before the next is sent to: the engine claims every workspace's rows.
      await send(clock, batched, step.items, { drain: false });
      await engine(clock, 200);
      await send(clock, single, step.items, { drain: false });
      await engine(clock, 1);
    }
    const one = await recorded(single);
    const many = await recorded(batched);
    expect(many).toEqual(one);
    // The script does move memberships both ways (the comparison is not vacuous).
    expect(many.changes.filter((c) => c.includes(": entry")).length).toBeGreaterThan(10);
    expect(many.changes.some((c) => c.includes(": exit"))).toBe(true);
    expect(many.changes).toContain(`trial / u1: exit ${at(15 * 60_000)}`);
    expect(many.changes).toContain(`gold features today / u4: entry ${at(30 * 60_000)}`);
    expect(many.changes).toContain(`ads signups / u5: entry ${at(DAY + 2 * HOUR)}`);

    // The window checks fire alike (a check waits while its profile's transition events are queued).
    clock.set(at(9 * DAY));
    for (;;) {
      const fired = await processDueSegmentTimers(clock.now(), { allowedLatenessMs: 0 });
      const { events } = await processEvents({
        now: () => clock.now(),
        batchSize: 200,
        log: quiet,
        allowedLatenessMs: 0,
      });
      if (fired === 0 && events === 0) break;
    }
    const oneLater = await recorded(single);
    expect(await recorded(batched)).toEqual(oneLater);
    expect(oneLater.members.some((m) => m.startsWith("viewed pricing this week"))).toBe(false);
    // A new segment computed now over the same profiles finds the live members.
    for (const [segmentName, condition] of SEGMENTS) {
      await createSegment({
        workspaceId: batched,
        segment: { kind: "condition", name: `${segmentName} (computed)`, condition },
      });
    }
    while ((await computeNextSegment(clock.now())) > 0) {}
    const members = (await recorded(batched)).members.map((m) => m.replace(/ since .*/, ""));
    const live = members.filter((m) => !m.includes("(computed)"));
    const computed = members
      .filter((m) => m.includes("(computed)"))
      .map((m) => m.replace(" (computed)", ""));
    expect(computed).toEqual(live);
    expect(live.length).toBeGreaterThan(3);
  });

  it("an identify is decided only for segments reading a key it writes, or when it makes the profile", async () => {
    const clock = new FakeClock(at(0));
    const { workspaceId: ws } = await createTestWorkspace("Trait keys");
    await setRules(ws, {});
    const condition: Condition = {
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        { kind: "has_done", event: "Viewed Pricing", within: { amount: 7, unit: "days" } },
      ],
    };
    const segment = await createSegment({
      workspaceId: ws,
      segment: { kind: "condition", name: "Trials viewing pricing", condition },
    });
    const notPro = await createSegment({
      workspaceId: ws,
      segment: {
        kind: "condition",
        name: "Not pro",
        condition: { all: [{ kind: "trait", path: "plan", operator: "neq", value: "pro" }] },
      },
    });
    while ((await computeNextSegment(clock.now())) > 0) {}
    await send(clock, ws, [identify("u1", { plan: "trial" }), track("u1", "Viewed Pricing")]);
    await send(clock, ws, [identify("u2", { plan: "trial" }), track("u2", "Viewed Pricing")]);
    // A new profile's first identify, with no key the segment reads: decided.
    await send(clock, ws, [identify("u3", { email: "u3@example.com" })]);

    // Day 8, the window has passed but its check has not run yet.
    clock.set(at(8 * DAY));
    // u1's identify writes only `email`: the segment is not decided on it.
    await send(clock, ws, [identify("u1", { email: "u1@example.com" })]);
    // u2's writes `plan`: decided as of it.
    await send(clock, ws, [identify("u2", { plan: "trial" })]);
    while ((await processDueSegmentTimers(clock.now(), { allowedLatenessMs: 0 })) > 0) {}

    const changes = await prisma.segmentMembershipChange.findMany({
      where: { segmentId: segment.id },
      orderBy: { id: "asc" },
    });
    const pid = async (userId: string) =>
      (await prisma.profile.findFirst({ where: { workspaceId: ws, userId } }))?.id;
    const exits = changes.filter((c) => c.kind === "exit");
    // u1 leaves when the window passed (the check), u2 at its identify.
    const byProfile = new Map(exits.map((c) => [c.profileId, c.at.toISOString()]));
    expect(byProfile.get((await pid("u1")) as string)).toBe(at(7 * DAY));
    expect(byProfile.get((await pid("u2")) as string)).toBe(at(8 * DAY));
    const notProMembers = await prisma.segmentMembership.findMany({
      where: { segmentId: notPro.id },
    });
    expect(notProMembers.map((m) => m.profileId)).toContain(await pid("u3"));
  });

  it("a transition's event wakes the engine: NOTIFY cue_events at the batch's commit", async () => {
    const clock = new FakeClock(at(0));
    const { workspaceId: ws } = await createTestWorkspace("Transition wake-up");
    await setRules(ws, {});
    const viewers = await createSegment({
      workspaceId: ws,
      segment: {
        kind: "condition",
        name: "Viewers",
        condition: { all: [{ kind: "has_done", event: "Viewed Pricing" }] },
      },
    });
    while ((await computeNextSegment(clock.now())) > 0) {}
    await publishDefinition(ws, "On entry", {
      version: 1,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          trigger: { kind: "segment", segmentId: viewers.id, on: "entry" },
        },
        { id: "end", type: "exit" },
      ],
      edges: [{ from: "trigger", to: "end" }],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    });
    await engine(clock, 200); // what earlier tests left queued
    await send(clock, ws, [track("u1", "Viewed Pricing")], { drain: false });
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (n) => payloads.push(n.payload ?? ""));
    await listener.query("LISTEN cue_events");
    try {
      // One batch: the view, which enters u1 and queues "Segment Entered".
      await processEvents({
        now: () => clock.now(),
        batchSize: 1,
        log: quiet,
        allowedLatenessMs: 0,
      });
      for (let i = 0; i < 100 && payloads.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(payloads).toEqual([ws]);
      const queued = await prisma.engineQueue.count({ where: { workspaceId: ws } });
      expect(queued).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("still refuses bad conditions with the field named", async () => {
    const { workspaceId, secretKey } = await createTestWorkspace("Bad segment input");
    const create = async (condition: unknown) => {
      const response = await createRoute(
        apiRequest("/api/v1/segments", secretKey, {
          method: "POST",
          body: { kind: "condition", name: "Bad", condition },
        }),
        ctx({}),
      );
      return {
        status: response.status,
        body: (await response.json()) as { error: { details?: unknown } },
      };
    };
    const fields = (body: { error: { details?: unknown } }) => JSON.stringify(body.error.details);
    const noEvent = await create({ all: [{ kind: "has_done", event: "" }] });
    expect(noEvent.status).toBe(422);
    expect(fields(noEvent.body)).toContain("condition.all.0.event");
    const badCount = await create({
      all: [{ kind: "done_count", event: "X", atLeast: 0, within: { amount: 1, unit: "days" } }],
    });
    expect(badCount.status).toBe(422);
    expect(fields(badCount.body)).toContain("condition.all.0.atLeast");
    const nested = await create({ all: [{ any: [{ kind: "in_segment", segmentId: "s" }] }] });
    expect(nested.status).toBe(422);
    expect(fields(nested.body)).toContain("condition.all.0.any.0.kind");
    expect(await prisma.segment.count({ where: { workspaceId } })).toBe(0);
  });
});
