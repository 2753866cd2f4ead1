import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { whyNot } from "@/lib/explain/why-not";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { explainMembership } from "@/lib/segments/explain-membership";
import { createSegment } from "@/lib/segments/save-segment";
import type { SegmentInput } from "@/lib/segments/segment-schemas";
import { computeNextSegment, processDueSegmentTimers } from "@/lib/segments/segment-tasks";
import {
  DAY,
  drainEvents,
  FakeClock,
  identify,
  profileId,
  publishDefinition,
  runsOf,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// Live segments on a fake clock: membership follows events as the engine
// evaluates them, a window condition lets a user go when the window passes
// with no event at all, and journeys start on each entry or exit once.

const viewedPricing: SegmentInput = {
  kind: "condition",
  name: "Viewed pricing this week",
  condition: {
    all: [{ kind: "has_done", event: "Viewed Pricing", within: { amount: 7, unit: "days" } }],
  },
};

async function makeSegment(workspaceId: string, segment: SegmentInput, clock: FakeClock) {
  const created = await createSegment({ workspaceId, segment });
  while ((await computeNextSegment(clock.now())) > 0) {}
  return created.id;
}

async function membersOf(segmentId: string): Promise<string[]> {
  const rows = await prisma.segmentMembership.findMany({ where: { segmentId } });
  const profiles = await prisma.profile.findMany({
    where: { id: { in: rows.map((r) => r.profileId) } },
    select: { userId: true },
  });
  return profiles.map((p) => p.userId ?? "").sort();
}

async function changesOf(segmentId: string) {
  const rows = await prisma.segmentMembershipChange.findMany({
    where: { segmentId },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => [r.kind, r.at.toISOString()]);
}

/** Fires the segment window checks due by the clock, each at its own time, then the engine. */
async function tick(clock: FakeClock, allowedLatenessMs = 0) {
  while ((await processDueSegmentTimers(clock.now(), { allowedLatenessMs })) > 0) {}
  await drainEvents(clock);
}

const onSegment = (
  segmentId: string,
  on: "entry" | "exit",
  title: string,
): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "segment", segmentId, on } },
    { id: "card", type: "send_inapp", content: { kind: "card", title } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "card" },
    { from: "card", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
});

describe("live segments", () => {
  it("enters on the event and leaves when the 7-day window passes, without any event", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Window segment");
    await setRules(ws, {});
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    await send(clock, ws, [identify("u1", { plan: "trial" })]);
    const segmentId = await makeSegment(ws, viewedPricing, clock);
    expect(await membersOf(segmentId)).toEqual([]);

    clock.set("2026-03-02T09:00:00Z");
    await send(clock, ws, [track("u1", "Viewed Pricing"), track("u2", "Logged In")]);
    expect(await membersOf(segmentId)).toEqual(["u1"]);

    // A day before the window passes: still in.
    clock.set("2026-03-08T09:00:00Z");
    await tick(clock);
    expect(await membersOf(segmentId)).toEqual(["u1"]);

    // Day 8: out, recorded at the instant the window passed.
    clock.set("2026-03-10T00:00:00Z");
    await tick(clock);
    expect(await membersOf(segmentId)).toEqual([]);
    expect(await changesOf(segmentId)).toEqual([
      ["entry", "2026-03-02T09:00:00.000Z"],
      ["exit", "2026-03-09T09:00:00.000Z"],
    ]);
    const why = await explainMembership({
      workspaceId: ws,
      segmentId,
      profile: "u1",
      now: clock.now(),
    });
    expect(why).toMatchObject({ member: false, matchesNow: false });
    expect(why.conditions[0]).toMatchObject({ passed: false, actual: 0 });
  });

  it("a new event inside the window pushes the exit back", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Window renewed");
    await setRules(ws, {});
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const segmentId = await makeSegment(ws, viewedPricing, clock);
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    clock.set("2026-03-05T10:00:00Z");
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    clock.set("2026-03-09T10:00:00Z");
    await tick(clock);
    expect(await membersOf(segmentId)).toEqual(["u1"]);
    clock.set("2026-03-12T10:00:00Z");
    await tick(clock);
    expect(await membersOf(segmentId)).toEqual([]);
    expect(await changesOf(segmentId)).toEqual([
      ["entry", "2026-03-01T10:00:00.000Z"],
      ["exit", "2026-03-12T10:00:00.000Z"],
    ]);
  });

  it("a window check waits the allowed lateness: a late event from inside the window keeps the member in", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Window lateness");
    await setRules(ws, {});
    const lateness = 60_000;
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const segmentId = await makeSegment(ws, viewedPricing, clock);
    await send(clock, ws, [
      track("u1", "Viewed Pricing"),
      track("u2", "Viewed Pricing"),
      track("u3", "Viewed Pricing"),
    ]);
    expect(await membersOf(segmentId)).toEqual(["u1", "u2", "u3"]);

    // The window passes at 03-08 10:00; 30 s later is inside the allowed lateness.
    clock.set("2026-03-08T10:00:30Z");
    expect(await processDueSegmentTimers(clock.now(), { allowedLatenessMs: lateness })).toBe(0);
    expect(await membersOf(segmentId)).toEqual(["u1", "u2", "u3"]);

    // Views that happened a minute before the window passed reach Cue now:
    // u1's is queued for the engine, u2's only stored (the check reads it).
    const late = { timestamp: "2026-03-08T09:59:00.000Z" };
    await send(clock, ws, [{ ...track("u1", "Viewed Pricing"), ...late }], { drain: false });
    await send(clock, ws, [{ ...track("u2", "Viewed Pricing"), ...late }], { evaluate: false });

    // Past the lateness: u3 leaves, at the instant its window passed; u1's
    // check waits for its queued event; u2's counts the stored one and stays.
    clock.set("2026-03-08T10:01:30Z");
    while ((await processDueSegmentTimers(clock.now(), { allowedLatenessMs: lateness })) > 0) {}
    expect(await membersOf(segmentId)).toEqual(["u1", "u2"]);
    // The engine evaluates u1's view as of 09:59 (its check then is 10:00 again,
    // for the 03-01 view), and that check now counts the late view: u1 stays.
    await tick(clock, lateness);
    await tick(clock, lateness);
    expect(await membersOf(segmentId)).toEqual(["u1", "u2"]);
    const timers = await prisma.segmentTimer.findMany({ where: { segmentId } });
    expect(timers.map((t) => t.dueAt.toISOString())).toEqual([
      "2026-03-15T09:59:00.000Z",
      "2026-03-15T09:59:00.000Z",
    ]);

    // Their own windows pass a week after the late views.
    clock.set("2026-03-15T10:00:00Z");
    await tick(clock, lateness);
    expect(await membersOf(segmentId)).toEqual([]);
    const changes = await prisma.segmentMembershipChange.findMany({
      where: { segmentId, kind: "exit" },
      orderBy: { at: "asc" },
    });
    expect(changes.map((c) => c.at.toISOString())).toEqual([
      "2026-03-08T10:00:00.000Z",
      "2026-03-15T09:59:00.000Z",
      "2026-03-15T09:59:00.000Z",
    ]);
    // Without the lateness, the same check at 10:00:30 would have let u1 go
    // before its view arrived: the control.
    const { workspaceId: ws2 } = await createTestWorkspace("Window without lateness");
    await setRules(ws2, {});
    const clock2 = new FakeClock("2026-03-01T10:00:00Z");
    const segment2 = await makeSegment(ws2, viewedPricing, clock2);
    await send(clock2, ws2, [track("u1", "Viewed Pricing")]);
    clock2.set("2026-03-08T10:00:30Z");
    await tick(clock2, 0);
    expect(await membersOf(segment2)).toEqual([]);
  });

  it("reads traits as of the event, as journeys do; a later stored identify still has the last word", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Traits as of the event");
    await setRules(ws, {});
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const trialViewers = await makeSegment(
      ws,
      {
        kind: "condition",
        name: "Trial users who viewed pricing",
        condition: {
          all: [
            { kind: "trait", path: "plan", operator: "eq", value: "trial" },
            { kind: "has_done", event: "Viewed Pricing" },
          ],
        },
      },
      clock,
    );
    const trials = await makeSegment(
      ws,
      {
        kind: "condition",
        name: "Trial users",
        condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "trial" }] },
      },
      clock,
    );
    await send(clock, ws, [identify("u1", { plan: "trial" })]);
    expect(await membersOf(trials)).toEqual(["u1"]);

    // 03-02 10:00: u1 upgrades. An hour later, a view of the pricing page from
    // 09:00 (still on trial) arrives late: u1 was a trial user who viewed
    // pricing from 09:00 to 10:00, and is not one now.
    clock.set("2026-03-02T10:00:00Z");
    await send(clock, ws, [identify("u1", { plan: "pro" })]);
    clock.set("2026-03-02T11:00:00Z");
    await send(clock, ws, [
      { ...track("u1", "Viewed Pricing"), timestamp: "2026-03-02T09:00:00.000Z" },
    ]);
    expect(await membersOf(trialViewers)).toEqual([]);
    expect(await changesOf(trialViewers)).toEqual([
      ["entry", "2026-03-02T09:00:00.000Z"],
      ["exit", "2026-03-02T10:00:00.000Z"],
    ]);

    // u2: the engine gets to a trial identify of 12:00 only after the pro one
    // of 12:30 is stored (both queued, the earlier one evaluated first).
    clock.set("2026-03-02T12:00:00Z");
    await send(clock, ws, [identify("u2", { plan: "trial" })], { drain: false });
    clock.set("2026-03-02T12:30:00Z");
    await send(clock, ws, [identify("u2", { plan: "pro" })], { drain: false });
    await drainEvents(clock);
    expect(await membersOf(trials)).toEqual([]);
    expect((await changesOf(trials)).slice(-2)).toEqual([
      ["entry", "2026-03-02T12:00:00.000Z"],
      ["exit", "2026-03-02T12:30:00.000Z"],
    ]);
  });

  it("entry and exit triggers fire once per transition", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Segment triggers");
    await setRules(ws, {});
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const segmentId = await makeSegment(ws, viewedPricing, clock);
    const entryJourney = await publishDefinition(
      ws,
      "On entry",
      onSegment(segmentId, "entry", "Hi"),
    );
    const exitJourney = await publishDefinition(ws, "On exit", onSegment(segmentId, "exit", "Bye"));

    // Three events inside one membership: one entry.
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    clock.advance(DAY);
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    clock.advance(DAY);
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    expect(await runsOf(ws, "u1", entryJourney)).toHaveLength(1);
    expect(await runsOf(ws, "u1", exitJourney)).toHaveLength(0);

    // The window passes: one exit, one exit run.
    clock.set("2026-03-12T00:00:00Z");
    await tick(clock);
    await tick(clock);
    expect(await runsOf(ws, "u1", exitJourney)).toHaveLength(1);
    expect(await runsOf(ws, "u1", entryJourney)).toHaveLength(1);

    // Back in: a second entry.
    await send(clock, ws, [track("u1", "Viewed Pricing")]);
    expect(await runsOf(ws, "u1", entryJourney)).toHaveLength(2);
    const pid = await profileId(ws, "u1");
    const items = await prisma.inboxItem.findMany({ where: { workspaceId: ws, profileId: pid } });
    expect(items.map((i) => i.title).sort()).toEqual(["Bye", "Hi", "Hi"]);
  });

  it("an exclusion segment blocks entry; an in-segment filter reads membership", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Exclusion");
    await setRules(ws, {});
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const customers = await makeSegment(
      ws,
      {
        kind: "condition",
        name: "Paying customers",
        condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "paid" }] },
      },
      clock,
    );
    const journey = await publishDefinition(ws, "Upsell", {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
        { id: "card", type: "send_inapp", content: { kind: "card", title: "Upgrade" } },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "card" },
        { from: "card", to: "end" },
      ],
      settings: {
        reentry: { mode: "once" },
        holdoutPercent: 0,
        exclusionSegmentId: customers,
      },
    });
    await publishDefinition(ws, "Thank customers", {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
        {
          id: "is-customer",
          type: "filter",
          condition: { all: [{ kind: "in_segment", segmentId: customers }] },
        },
        { id: "thanks", type: "send_inapp", content: { kind: "card", title: "Thanks" } },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "is-customer" },
        { from: "is-customer", to: "thanks" },
        { from: "thanks", to: "end" },
      ],
      settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
    });
    await send(clock, ws, [
      identify("payer", { plan: "paid" }),
      identify("free", { plan: "free" }),
    ]);
    expect(await membersOf(customers)).toEqual(["payer"]);
    clock.advance(60_000);
    await send(clock, ws, [track("payer", "Signed Up"), track("free", "Signed Up")]);
    expect(await runsOf(ws, "payer", journey)).toHaveLength(0);
    expect(await runsOf(ws, "free", journey)).toHaveLength(1);
    const titles = async (userId: string) =>
      (
        await prisma.inboxItem.findMany({
          where: { workspaceId: ws, profileId: await profileId(ws, userId) },
        })
      )
        .map((i) => i.title)
        .sort();
    expect(await titles("payer")).toEqual(["Thanks"]);
    expect(await titles("free")).toEqual(["Upgrade"]);

    // "Why not?" names the exclusion segment, judged at the entry time.
    const answer = await whyNot({
      workspaceId: ws,
      workspaceName: "Exclusion",
      journeyId: journey,
      query: { profileId: "payer", at: clock.now() },
      now: clock.now(),
    });
    expect(answer.blockedBy).toBe("exclusion");
    expect(answer.gates.find((g) => g.gate === "exclusion")).toMatchObject({
      passed: false,
      detail: `In the exclusion segment "${customers}"`,
    });
    const free = await whyNot({
      workspaceId: ws,
      workspaceName: "Exclusion",
      journeyId: journey,
      query: { profileId: "free", at: clock.now() },
      now: clock.now(),
    });
    expect(free.gates.find((g) => g.gate === "exclusion")).toMatchObject({ passed: true });

    // The trait changes: they leave the segment and can enter.
    clock.advance(60_000);
    await send(clock, ws, [identify("payer", { plan: "free" })]);
    expect(await membersOf(customers)).toEqual([]);
  });

  it("keeps each workspace's membership to itself", async () => {
    const a = await createTestWorkspace("Tenant A");
    const b = await createTestWorkspace("Tenant B");
    const clock = new FakeClock("2026-03-01T10:00:00Z");
    const segA = await makeSegment(a.workspaceId, viewedPricing, clock);
    await send(clock, b.workspaceId, [track("u1", "Viewed Pricing")]);
    await send(clock, a.workspaceId, [track("u2", "Viewed Pricing")]);
    expect(await membersOf(segA)).toEqual(["u2"]);
    const rows = await prisma.segmentMembership.findMany({ where: { segmentId: segA } });
    expect(rows.every((r) => r.workspaceId === a.workspaceId)).toBe(true);
  });
});
