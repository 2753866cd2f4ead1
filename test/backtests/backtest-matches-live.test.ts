import { beforeAll, describe, expect, it } from "vitest";
import { planBacktest } from "@/lib/backtests/backtest-plan";
import type { BacktestCounts } from "@/lib/backtests/backtest-tally";
import { claimBacktest } from "@/lib/backtests/claim-backtest";
import { createBacktest } from "@/lib/backtests/create-backtest";
import { loadCandidateProfiles, loadChunk } from "@/lib/backtests/load-backtest-data";
import { profileAtWindowStart, replayProfile } from "@/lib/backtests/replay-profile";
import { runBacktest } from "@/lib/backtests/run-backtest";
import { prisma } from "@/lib/db/client";
import { isInHoldout } from "@/lib/journey-core/assign-bucket";
import { journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { getDeliveryRules } from "@/lib/workspaces/delivery-rules";
import {
  advanceTo,
  FakeClock,
  HOUR,
  identify,
  SCRIPT_START,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { HOLDOUT_PERCENT, onboardingJourney } from "./backtest-fixtures";

// The backtest's promise: replaying stored history through the same core
// gives what live execution gave. Here the live engine runs a scripted two
// weeks on a fake clock (real ingestion, real timers, real delivery rules),
// and then a backtest of the same version over the same window must find the
// same entries (profile, time, holdout), the same sends (profile, message,
// time) and the same decisions per node.

const FROM = "2026-03-06T00:00:00.000Z";
const TO = "2026-03-20T00:00:00.000Z";

let ws: string;
let journeyId: string;

const users = Array.from({ length: 24 }, (_, i) => `u${i}`);

/** Before the window: who they are (some users are in New York: quiet hours). */
async function identifyUsers(clock: FakeClock) {
  clock.set("2026-03-01T09:00:00Z");
  await send(
    clock,
    ws,
    users.map((u, i) =>
      identify(u, {
        name: `User ${i}`,
        role: i % 3 === 0 ? "admin" : "member",
        ...(i % 5 !== 4 && { email: `${u}@example.com` }),
        timezone: i % 2 === 0 ? "Europe/Berlin" : "America/New_York",
      }),
    ),
  );
}

/**
 * The holdout is a hash of (profile, journey), and both ids are random, so a
 * 20% holdout of 24 users is sometimes empty (0.8^24 ≈ 0.5%) or takes most
 * messages away. The script must exercise a holdout *and* every send, so it
 * keeps the first draft whose id puts 2 to 8 of the users in the holdout.
 */
async function publishWithSomeHoldout(): Promise<string> {
  const profiles = await prisma.profile.findMany({
    where: { workspaceId: ws },
    select: { id: true },
  });
  for (let attempt = 0; attempt < 50; attempt++) {
    const draft = await createJourney({
      workspaceId: ws,
      journey: { name: "Onboarding", definition: onboardingJourney() as Record<string, unknown> },
    });
    const held = profiles.filter((p) => isInHoldout(p.id, draft.id, HOLDOUT_PERCENT)).length;
    if (held >= 2 && held <= 8) {
      await publishJourney({ workspaceId: ws, id: draft.id, at: SCRIPT_START });
      return draft.id;
    }
    await prisma.journey.delete({ where: { id: draft.id } });
  }
  throw new Error("No journey id gave a usable holdout in 50 drafts");
}

/** Live: a fake-clock script. Times are UTC. */
async function playHistory(clock: FakeClock) {
  clock.set("2026-03-04T12:00:00Z");
  await send(
    clock,
    ws,
    users.filter((_, i) => i % 3 === 1).map((u) => track(u, "Visited Pricing")),
  );
  // In the window: sign-ups spread over days and hours; some create a report
  // within the wait, some upgrade (the goal); two sign up again later (re-entry).
  const schedule: [number, ReturnType<typeof track>][] = [];
  for (let i = 0; i < users.length; i++) {
    const day = Math.floor(i / 4);
    const at = Date.parse(FROM) + (day + 0.5) * 24 * HOUR + (i % 4) * 5 * HOUR + i * 60_000;
    schedule.push([at, track(users[i], "Signed Up", { source: "ads" })]);
    if (i % 4 === 1) schedule.push([at + 7 * HOUR, track(users[i], "Report Created")]);
    if (i % 6 === 3) schedule.push([at + 30 * HOUR, track(users[i], "Plan Upgraded")]);
  }
  schedule.push([Date.parse("2026-03-13T10:00:00Z"), track("u21", "Signed Up")]);
  schedule.push([Date.parse("2026-03-13T10:00:00Z"), track("u0", "Signed Up")]);
  schedule.sort((a, b) => a[0] - b[0]);
  for (const [at, item] of schedule) {
    await advanceTo(clock, new Date(at));
    await send(clock, ws, [item]);
  }
  await advanceTo(clock, new Date(Date.parse(TO) - 1));
}

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Backtest vs live"));
  await setRules(ws, {
    frequency: { windowHours: 24, max: 2, onLimit: "defer" },
    quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
  });
  const clock = new FakeClock("2026-03-01T09:00:00Z");
  await identifyUsers(clock);
  journeyId = await publishWithSomeHoldout();
  await playHistory(clock);
}, 120_000);

type Entry = [string, string, boolean];
type Sent = [string, string, string];

async function liveEntriesAndSends() {
  const runs = await prisma.journeyRun.findMany({ where: { workspaceId: ws, journeyId } });
  const messages = await prisma.message.findMany({ where: { workspaceId: ws, journeyId } });
  const entries: Entry[] = runs.map((r) => [r.profileId, r.enteredAt.toISOString(), r.holdout]);
  const sends: Sent[] = messages.map((m) => [
    m.profileId,
    m.nodeId ?? "",
    m.createdAt.toISOString(),
  ]);
  return { entries: entries.sort(), sends: sends.sort(), runs, messages };
}

/** The backtest's own loaders and replay, kept per run (the stored result only has totals). */
async function replayedEntriesAndSends() {
  const version = await prisma.journeyVersion.findFirstOrThrow({ where: { journeyId } });
  const definition = journeyDefinitionSchema.parse(version.definition);
  const planned = planBacktest(definition);
  if (!("plan" in planned)) throw new Error(planned.problem);
  const from = new Date(FROM);
  const to = new Date(TO);
  const { rules } = await getDeliveryRules(ws);
  const ids = await loadCandidateProfiles({ workspaceId: ws, from, to });
  const data = await loadChunk({ workspaceId: ws, profileIds: ids, plan: planned.plan, from, to });
  const entries: Entry[] = [];
  const sends: Sent[] = [];
  for (const row of data.profiles) {
    const events = data.events.get(row.id) ?? [];
    const profile = profileAtWindowStart(row, events, from);
    const replay = replayProfile({ journeyId, definition, rules, profile, events, from, to });
    for (const run of replay.runs) {
      entries.push([row.id, run.state.enteredAt.toISOString(), run.state.holdout]);
      for (const s of run.sends) sends.push([row.id, s.nodeId, s.at.toISOString()]);
    }
  }
  return { entries: entries.sort(), sends: sends.sort() };
}

describe("a backtest replays history as live execution ran it", () => {
  it("finds the same entries and the same sends, run by run", async () => {
    const live = await liveEntriesAndSends();
    const replayed = await replayedEntriesAndSends();
    // The script must exercise what it claims to.
    expect(live.entries.length).toBeGreaterThan(15);
    expect(live.runs.some((r) => r.holdout)).toBe(true);
    expect(live.runs.some((r) => r.status === "filtered")).toBe(true);
    expect(live.runs.some((r) => r.status === "converted")).toBe(true);
    expect(new Set(live.messages.map((m) => m.nodeId))).toEqual(
      new Set(["welcome", "congrats", "nudge", "last_call"]),
    );
    expect(replayed.entries).toEqual(live.entries);
    expect(replayed.sends).toEqual(live.sends);
  });

  it("the stored backtest result agrees with the live runs, messages and traces", async () => {
    const created = await createBacktest({
      workspaceId: ws,
      journeyId,
      memberId: null,
      request: { source: "live", from: FROM, to: TO },
    });
    const claimed = await claimBacktest(new Date());
    expect(claimed?.id).toBe(created.id);
    expect(await runBacktest(claimed!, { chunkSize: 5 })).toBe("done");
    const row = await prisma.backtest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "done", progress: 1 });
    const counts = row.counts as unknown as BacktestCounts;

    const live = await liveEntriesAndSends();
    expect(counts.entered).toBe(live.runs.length);
    expect(counts.profilesEntered).toBe(new Set(live.runs.map((r) => r.profileId)).size);
    expect(counts.holdout).toBe(live.runs.filter((r) => r.holdout).length);
    const liveOutcomes: Record<string, number> = {};
    for (const r of live.runs) liveOutcomes[r.status] = (liveOutcomes[r.status] ?? 0) + 1;
    expect(counts.outcomes).toEqual(liveOutcomes);
    expect(counts.convertedInWindow).toBe(live.runs.filter((r) => r.convertedAt).length);
    for (const nodeId of ["welcome", "congrats", "nudge", "last_call"]) {
      const sent = live.messages.filter((m) => m.nodeId === nodeId);
      expect(counts.messages[nodeId]?.wouldSend ?? 0, nodeId).toBe(sent.length);
      expect(counts.messages[nodeId]?.profiles ?? 0, nodeId).toBe(
        new Set(sent.map((m) => m.profileId)).size,
      );
    }
    const traces = await prisma.runTrace.groupBy({
      by: ["nodeId", "decision"],
      where: { workspaceId: ws, journeyId },
      _count: true,
    });
    for (const t of traces) {
      const replayed = counts.nodes[t.nodeId ?? ""]?.decisions[t.decision as "sent"] ?? 0;
      expect(replayed, `${t.nodeId} ${t.decision}`).toBe(t._count);
    }
    expect(counts.nodes.nudge.deferred).toBeGreaterThan(0);
    expect(counts.nodes.qualified.filtered).toBe(
      live.runs.filter((r) => r.status === "filtered").length,
    );
    expect(row.samplePaths).not.toBeNull();
  });
});
