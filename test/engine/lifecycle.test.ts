import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { delayNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { archiveJourney } from "@/lib/journeys/archive-journey";
import { pauseJourney, resumeJourney } from "@/lib/journeys/change-journey-status";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { updateJourney } from "@/lib/journeys/update-journey";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  drainEvents,
  FakeClock,
  runsOf,
  SCRIPT_START,
  send,
  sentTo,
  setRules,
  traceOf,
  track,
} from "./engine-fixtures";

// Statuses and versions: publishing freezes an immutable version and runs
// stay on the one they entered; a trigger enters the version live at its
// event time; pause holds runs (timers disarmed, nothing sent, their events
// kept) and refuses triggers that happen during it; resume catches the runs
// up in event-time order; archive cancels.

let ws: string;

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Lifecycle"));
  await setRules(ws, {});
});

const v = (label: string) =>
  lineJourney("Go", [delayNode("wait", 24), inAppNode("card", label)], {
    reentry: { mode: "always" },
    goal: { event: "Won" },
  });

async function newJourney(event = "Go", at = SCRIPT_START) {
  const definition = {
    ...v("v1"),
    nodes: v("v1").nodes.map((n) =>
      n.type === "trigger" ? { ...n, trigger: { kind: "event" as const, event } } : n,
    ),
  };
  const journey = await createJourney({ workspaceId: ws, journey: { name: event, definition } });
  await publishJourney({ workspaceId: ws, id: journey.id, at });
  return journey;
}

async function cardTitle(user: string): Promise<string | undefined> {
  const [run] = await runsOf(ws, user);
  const item = await prisma.inboxItem.findFirst({
    where: { workspaceId: ws, profileId: run?.profileId },
  });
  return item?.title;
}

describe("versions", () => {
  it("a run stays on the version it entered; new entries take the new version", async () => {
    const journey = await newJourney("Versioned");
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    await send(clock, ws, [track("early", "Versioned")]);
    const draft = {
      ...v("v2"),
      nodes: v("v2").nodes.map((n) =>
        n.type === "trigger"
          ? { ...n, trigger: { kind: "event" as const, event: "Versioned" } }
          : n,
      ),
    };
    const updated = await updateJourney({
      workspaceId: ws,
      id: journey.id,
      update: { draftRevision: 1, definition: draft },
    });
    expect(updated.draftRevision).toBe(2);
    clock.advance(60_000);
    const published = await publishJourney({ workspaceId: ws, id: journey.id, at: clock.now() });
    expect(published.currentVersion?.version).toBe(2);
    await send(clock, ws, [track("late", "Versioned")]);
    await advanceTo(clock, "2026-05-03T00:00:00Z");
    expect([await cardTitle("early"), await cardTitle("late")]).toEqual(["v1", "v2"]);
    const versions = await prisma.journeyVersion.findMany({
      where: { journeyId: journey.id },
      orderBy: { version: "asc" },
    });
    expect((await runsOf(ws, "early"))[0]?.versionId).toBe(versions[0]?.id);
  });

  it("a stale draftRevision is a 409 naming the current revision", async () => {
    const journey = await newJourney("Edited");
    await updateJourney({
      workspaceId: ws,
      id: journey.id,
      update: { draftRevision: 1, name: "First edit" },
    });
    const stale = updateJourney({
      workspaceId: ws,
      id: journey.id,
      update: { draftRevision: 1, name: "Second" },
    });
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      details: { currentRevision: 2 },
    });
    await expect(stale).rejects.toBeInstanceOf(ApiError);
  });
});

describe("pause and resume", () => {
  it("holds runs and sends nothing; a trigger during the pause never enters; resume catches up in event-time order", async () => {
    const journey = await newJourney("Paused");
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    await send(clock, ws, [track("p1", "Paused"), track("p3", "Paused")]);
    clock.advance(1_000);
    await pauseJourney({ workspaceId: ws, id: journey.id, at: clock.now() });
    const [held] = await runsOf(ws, "p1");
    expect(held).toMatchObject({ status: "waiting", wakeAt: null });

    // During the pause: p1 reaches the goal, p2 triggers, and the delay (1 day) comes due.
    clock.set("2026-05-01T12:00:00Z");
    await send(clock, ws, [track("p2", "Paused"), track("p1", "Won")]);
    await advanceTo(clock, "2026-05-03T10:00:00Z");
    expect(await runsOf(ws, "p2")).toEqual([]);
    expect((await runsOf(ws, "p1"))[0]).toMatchObject({ status: "waiting", convertedAt: null });
    expect(await sentTo(ws, "p1")).toEqual([]);
    expect(await sentTo(ws, "p3")).toEqual([]);
    expect(await prisma.heldEvent.count({ where: { runId: held?.id } })).toBe(1);

    await resumeJourney({ workspaceId: ws, id: journey.id, at: clock.now() });
    await advanceTo(clock, "2026-05-03T10:00:00Z");
    // As if never paused, only later: p1 reached the goal before its delay was
    // over, so it converted then and got nothing; p3's card is as of its due time.
    expect((await runsOf(ws, "p1"))[0]).toMatchObject({
      status: "converted",
      convertedAt: new Date("2026-05-01T12:00:00.000Z"),
    });
    expect(await sentTo(ws, "p1")).toEqual([]);
    expect(await sentTo(ws, "p3")).toEqual([["card", "in_app", "2026-05-02T10:00:00.000Z"]]);
    expect(await prisma.heldEvent.count({ where: { runId: held?.id } })).toBe(0);
    // p2's trigger happened during the pause: it never enters, even now.
    expect(await runsOf(ws, "p2")).toEqual([]);
    await send(clock, ws, [track("p2", "Paused")]);
    expect(await runsOf(ws, "p2")).toHaveLength(1);
  });

  it("a trigger from before the pause that the engine reaches during it enters, held until resume", async () => {
    const journey = await newJourney("Lagged");
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    // Accepted before the pause, evaluated only after it (the engine was behind).
    await send(clock, ws, [track("l1", "Lagged")], { drain: false });
    clock.advance(1_000);
    await pauseJourney({ workspaceId: ws, id: journey.id, at: clock.now() });
    await drainEvents(clock);
    const [run] = await runsOf(ws, "l1");
    expect(run).toMatchObject({
      status: "active",
      enteredAt: new Date("2026-05-01T10:00:00.000Z"),
      wakeAt: null,
    });
    clock.set("2026-05-01T11:00:00Z");
    await resumeJourney({ workspaceId: ws, id: journey.id, at: clock.now() });
    await advanceTo(clock, "2026-05-01T11:00:00Z");
    expect((await runsOf(ws, "l1"))[0]).toMatchObject({
      status: "waiting",
      wakeAt: new Date("2026-05-02T10:00:00.000Z"),
    });
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait", "waiting"],
    ]);
  });

  it("refuses transitions the lifecycle does not allow", async () => {
    const journey = await newJourney("Strict");
    await expect(resumeJourney({ workspaceId: ws, id: journey.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await pauseJourney({ workspaceId: ws, id: journey.id });
    await expect(pauseJourney({ workspaceId: ws, id: journey.id })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("archive", () => {
  it("cancels runs in flight with a trace, removes the trigger, and freezes the journey", async () => {
    const journey = await newJourney("Archived");
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    await send(clock, ws, [track("a1", "Archived"), track("a2", "Archived")]);
    const result = await archiveJourney({ workspaceId: ws, id: journey.id, now: clock.now });
    expect(result).toMatchObject({ status: "archived", cancelledRuns: 2 });
    const [run] = await runsOf(ws, "a1");
    expect(run).toMatchObject({ status: "exited", wakeAt: null });
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait", "waiting"],
      ["wait", "exited"],
    ]);
    const cancel = await prisma.runTrace.findFirstOrThrow({
      where: { runId: run!.id, decision: "exited" },
    });
    expect(cancel.reason).toBe("Cancelled: Journey archived");
    await send(clock, ws, [track("a3", "Archived")]);
    expect(await runsOf(ws, "a3")).toEqual([]);
    await expect(publishJourney({ workspaceId: ws, id: journey.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      updateJourney({ workspaceId: ws, id: journey.id, update: { draftRevision: 1, name: "x" } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
