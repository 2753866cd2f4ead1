import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { fastForwardDemoProfile } from "@/lib/demo/fast-forward";
import { processDueRuns } from "@/lib/engine/process-due-runs";
import type { Member } from "@/lib/generated/prisma/client";
import { DEMO_JOURNEYS, demoJourneyDefinition } from "@/lib/seed/ensure-demo-journeys";
import { DEMO_MARKER_KEY } from "@/lib/seed/seed-demo";
import {
  FakeClock,
  HOUR,
  identify,
  profileId,
  publishDefinition,
  runsOf,
  send,
  track,
} from "@/test/engine/engine-fixtures";
import { addViewer, ctx, ownedWorkspace } from "@/test/explain/explain-fixtures";

// The demo-only "skip the wait" (lib/demo/fast-forward.ts): a run waiting
// 24 h for onboarding step 3 is fast-forwarded, and the timer worker runs the
// next step at once, decided at the fast-forward instant; the stalled
// onboarding's follow-up card reaches the inbox the same way. Refused outside
// the demo workspace; bad input answers 4xx naming the field.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { POST } = await import("@/app/api/w/[workspaceId]/profiles/[profileId]/fast-forward/route");

let demo: string;
let other: string;
let owner: Member;
let otherOwner: Member;
let journeyId: string;

async function post(workspaceId: string, profile: string, body?: string) {
  const response = await POST(
    new Request(`http://cue.test/api/w/${workspaceId}/profiles/${profile}/fast-forward`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
    ctx({ workspaceId, profileId: profile }),
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      runs?: { runId: string; wasDueAt: string }[];
      error?: { code: string; message: string };
    },
  };
}

const quiet = () => {};
const timers = (clock: FakeClock) =>
  processDueRuns({ now: clock.now, log: quiet, allowedLatenessMs: 0 });

beforeAll(async () => {
  ({ workspaceId: demo, owner } = await ownedWorkspace("Acme demo"));
  ({ workspaceId: other, owner: otherOwner } = await ownedWorkspace("Not a demo"));
  await prisma.appSetting.upsert({
    where: { key: DEMO_MARKER_KEY },
    create: { key: DEMO_MARKER_KEY, value: demo },
    update: { value: demo },
  });
  const stall = DEMO_JOURNEYS.find((j) => j.slug === "nudge-stalled-onboarding");
  if (!stall) throw new Error("no stall-nudge demo journey");
  const { name, definition } = demoJourneyDefinition({ ...stall, holdoutPercent: 0 });
  journeyId = await publishDefinition(demo, name, definition);
  await publishDefinition(other, name, definition);
});

describe("fast-forward for a demo user", () => {
  it("runs the step after a 24 h wait now, traced, and then the follow-up card", async () => {
    const start = new Date(Date.now() - 2 * HOUR);
    const clock = new FakeClock(start.toISOString());
    await send(clock, demo, [identify("ada", { name: "Ada", email: "ada@demo.test" })]);
    await send(clock, demo, [track("ada", "Onboarding Step Completed", { step: 2 })]);
    const [waiting] = await runsOf(demo, "ada", journeyId);
    expect(waiting?.status).toBe("waiting");
    expect(waiting?.wakeAt?.toISOString()).toBe(
      new Date(start.getTime() + 24 * HOUR).toISOString(),
    );

    // An hour later nothing is due, so the timer task leaves the run alone.
    clock.advance(HOUR);
    expect((await timers(clock)).stepped).toBe(0);

    const ada = await profileId(demo, "ada");
    const first = await fastForwardDemoProfile({
      workspaceId: demo,
      profileId: ada,
      now: clock.now(),
    });
    expect(first.runs).toEqual([
      expect.objectContaining({
        runId: waiting?.id,
        wasDueAt: new Date(start.getTime() + 24 * HOUR).toISOString(),
      }),
    ]);
    const moved = await prisma.journeyRun.findUniqueOrThrow({ where: { id: waiting?.id } });
    expect(moved.wakeAt?.toISOString()).toBe(clock.now().toISOString());
    expect((moved.state as { wakeAt: string }).wakeAt).toBe(clock.now().toISOString());

    // The worker's next round runs the timeout: the nudge email, at the fast-forward instant.
    expect((await timers(clock)).stepped).toBe(1);
    const email = await prisma.message.findFirstOrThrow({
      where: { workspaceId: demo, runId: waiting?.id, nodeId: "nudge-email" },
    });
    expect(email.createdAt.toISOString()).toBe(clock.now().toISOString());
    const trace = await prisma.runTrace.findMany({
      where: { runId: waiting?.id },
      orderBy: { id: "asc" },
    });
    const decisions = trace.map((t) => t.decision);
    expect(decisions.indexOf("fast_forwarded")).toBeGreaterThan(-1);
    expect(decisions.indexOf("fast_forwarded")).toBeLessThan(decisions.indexOf("timed_out"));
    const ff = trace.find((t) => t.decision === "fast_forwarded");
    expect(ff?.reason).toContain("Fast-forwarded by the demo");
    expect(ff?.reason).toContain(new Date(start.getTime() + 24 * HOUR).toISOString());

    // Now at the 2-day delay; a second fast-forward sends the card to the bell.
    const delayed = await prisma.journeyRun.findUniqueOrThrow({ where: { id: waiting?.id } });
    expect(delayed.status).toBe("waiting");
    expect(delayed.wakeAt!.getTime()).toBe(clock.now().getTime() + 48 * HOUR);
    clock.advance(60_000);
    const second = await fastForwardDemoProfile({
      workspaceId: demo,
      profileId: ada,
      now: clock.now(),
    });
    expect(second.runs).toHaveLength(1);
    expect((await timers(clock)).stepped).toBe(1);
    const card = await prisma.inboxItem.findFirstOrThrow({
      where: { workspaceId: demo, profileId: ada },
    });
    expect(card.kind).toBe("card");
    const done = await prisma.journeyRun.findUniqueOrThrow({ where: { id: waiting?.id } });
    expect(done.status).toBe("completed");

    // Nothing left to skip.
    const third = await fastForwardDemoProfile({
      workspaceId: demo,
      profileId: ada,
      now: clock.now(),
    });
    expect(third.runs).toEqual([]);
  });

  it("through the route: a member of the demo workspace skips one journey's waits", async () => {
    session.member = owner;
    const clock = new FakeClock(new Date(Date.now() - HOUR).toISOString());
    await send(clock, demo, [track("bo", "Onboarding Step Completed", { step: 2 })]);
    const bo = await profileId(demo, "bo");
    const answer = await post(demo, bo, JSON.stringify({ journeyId }));
    expect(answer.status).toBe(200);
    expect(answer.body.runs).toHaveLength(1);
    const [run] = await runsOf(demo, "bo", journeyId);
    expect(run?.wakeAt?.getTime() ?? Infinity).toBeLessThanOrEqual(Date.now());
    // An empty body is every journey's runs (none left to move).
    expect((await post(demo, bo)).body.runs).toEqual([]);
  });

  it("is refused outside the demo workspace, leaving the timer as it was", async () => {
    session.member = otherOwner;
    const clock = new FakeClock(new Date(Date.now() - HOUR).toISOString());
    await send(clock, other, [track("cy", "Onboarding Step Completed", { step: 2 })]);
    const cy = await profileId(other, "cy");
    const [before] = await runsOf(other, "cy");
    const answer = await post(other, cy);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe("forbidden");
    expect(answer.body.error?.message).toContain("demo workspace");
    const [after] = await runsOf(other, "cy");
    expect(after?.wakeAt?.toISOString()).toBe(before?.wakeAt?.toISOString());
    await expect(
      fastForwardDemoProfile({ workspaceId: other, profileId: cy }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers 4xx naming the field for bad input, and needs the editor role", async () => {
    session.member = owner;
    const badId = await post(demo, "not-a-uuid");
    expect(badId.status).toBe(422);
    expect(badId.body.error?.message).toContain("profileId");
    const ada = await profileId(demo, "ada");
    const badJourney = await post(demo, ada, JSON.stringify({ journeyId: 5 }));
    expect(badJourney.status).toBe(422);
    expect(badJourney.body.error?.message).toContain("journeyId");
    const unknownField = await post(demo, ada, JSON.stringify({ until: "tomorrow" }));
    expect(unknownField.status).toBe(422);
    expect((await post(demo, ada, "[1]")).status).toBe(422);
    expect((await post(demo, ada, "{")).status).toBe(400);
    const missing = await post(demo, "00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);

    session.member = await addViewer(demo);
    expect((await post(demo, ada)).status).toBe(403);
    session.member = null;
    expect((await post(demo, ada)).status).toBe(401);
  });
});
