import { beforeAll, describe, expect, it, vi } from "vitest";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import type { WorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { prisma } from "@/lib/db/client";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { delayNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { updateJourney } from "@/lib/journeys/update-journey";
import {
  advanceTo,
  DAY,
  FakeClock,
  publishDefinition,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { ctx, get, memberWithWorkspace, session, sessionModule } from "./analytics-fixtures";

vi.mock("@/lib/auth/session", () => sessionModule());

const { GET: journeyAnalytics } = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/analytics/route"
);
const { GET: overview } = await import("@/app/api/w/[workspaceId]/analytics/overview/route");

// One journey driven through the real engine on a fake clock:
// Joined (plan = pro) → hello → again → wait 48 h → exit, goal "Upgraded" in
// 3 days, 50% holdout, at most 1 message per 24 h (skip). On 1 April 40 pro
// and 5 free users join; on 2 April 10 of the pro users upgrade.

const definition = (): JourneyDefinitionInput => {
  const base = lineJourney(
    "Joined",
    [inAppNode("hello"), inAppNode("again"), delayNode("wait", 48)],
    {
      holdoutPercent: 50,
      goal: { event: "Upgraded", within: { amount: 3, unit: "days" } },
    },
  );
  base.nodes.splice(1, 0, {
    id: "pro",
    type: "filter",
    label: "Pro only",
    condition: { all: [{ kind: "property", path: "plan", operator: "eq", value: "pro" }] },
  });
  base.edges = base.nodes.slice(1).map((node, i) => ({ from: base.nodes[i].id, to: node.id }));
  return base;
};

let ws: string;
let journeyId: string;
let data: JourneyAnalytics;

async function analytics(query: string, workspaceId = ws, id = journeyId) {
  return journeyAnalytics(
    get(`/api/w/${workspaceId}/journeys/${id}/analytics?${query}`),
    ctx({ workspaceId, journeyId: id }),
  );
}

beforeAll(async () => {
  const owner = await memberWithWorkspace("analytics@a.test");
  session.member = owner.member;
  ws = owner.workspaceId;
  await setRules(ws, { frequency: { windowHours: 24, max: 1, onLimit: "skip" } });
  journeyId = await publishDefinition(ws, "Activation", definition());
  const clock = new FakeClock("2026-04-01T10:00:00Z");
  const joins = [
    ...Array.from({ length: 40 }, (_, i) => track(`pro-${i}`, "Joined", { plan: "pro" })),
    ...Array.from({ length: 5 }, (_, i) => track(`free-${i}`, "Joined", { plan: "free" })),
  ];
  await send(clock, ws, joins);
  // One read and clicked in-app message.
  const item = await prisma.inboxItem.findFirstOrThrow({ where: { workspaceId: ws } });
  await prisma.inboxItem.update({
    where: { id: item.id },
    data: { readAt: clock.now(), clickedAt: clock.now() },
  });
  await advanceTo(clock, "2026-04-02T10:00:00Z");
  await send(
    clock,
    ws,
    Array.from({ length: 10 }, (_, i) => track(`pro-${i}`, "Upgraded")),
  );
  await advanceTo(clock, new Date(clock.now().getTime() + 2 * DAY));
  const response = await analytics("from=2026-04-01&to=2026-04-04");
  expect(response.status).toBe(200);
  data = ((await response.json()) as { analytics: JourneyAnalytics }).analytics;
});

describe("journey analytics", () => {
  it("has a daily series of entered, active, converted and exited", () => {
    expect(data.series.map((d) => d.day)).toEqual([
      "2026-04-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-04",
    ]);
    const [d1, d2, d3, d4] = data.series;
    expect(d1).toEqual({ day: "2026-04-01", entered: 45, active: 40, converted: 0, exited: 5 });
    expect(d2).toEqual({ day: "2026-04-02", entered: 0, active: 30, converted: 10, exited: 0 });
    expect(d3).toEqual({ day: "2026-04-03", entered: 0, active: 0, converted: 0, exited: 30 });
    expect(d4).toEqual({ day: "2026-04-04", entered: 0, active: 0, converted: 0, exited: 0 });
  });

  it("splits conversion by treatment and holdout, as stored on the runs", async () => {
    const runs = await prisma.journeyRun.findMany({ where: { workspaceId: ws, journeyId } });
    const group = (holdout: boolean) => ({
      entered: runs.filter((r) => r.holdout === holdout).length,
      converted: runs.filter((r) => r.holdout === holdout && r.convertedAt).length,
    });
    expect(data.lift.treatment).toMatchObject(group(false));
    expect(data.lift.holdout).toMatchObject(group(true));
    expect(data.lift.treatment.entered + data.lift.holdout.entered).toBe(45);
    expect(data.lift.treatment.converted + data.lift.holdout.converted).toBe(10);
    // 45 profiles split about evenly: too few conversions for an interval.
    expect(data.lift.verdict).toBe("too_small");
    expect(data.lift.interval).toBeNull();
    expect(data.byVersion).toHaveLength(1);
    expect(data.byVersion[0].version).toBe(1);
  });

  it("buckets time to convert (24 h after entry is the 1–2 d bucket)", () => {
    const bucket = data.timeToConvert.find((b) => b.label === "1–2 d");
    expect((bucket?.treatment ?? 0) + (bucket?.holdout ?? 0)).toBe(10);
    expect(data.medianSecondsToConvert === null || data.medianSecondsToConvert === 86_400).toBe(
      true,
    );
  });

  it("counts delivery per message, and skips by reason", async () => {
    const treatedPro = await prisma.journeyRun.count({
      where: { workspaceId: ws, journeyId, holdout: false, status: { not: "filtered" } },
    });
    const hello = data.messages.find((m) => m.nodeId === "hello");
    expect(hello).toMatchObject({
      channel: "in_app",
      created: treatedPro,
      sent: treatedPro,
      delivered: treatedPro,
      opened: 1,
      clicked: 1,
      bounced: 0,
    });
    // The second message is over the 1-per-24 h budget: skipped, never created.
    expect(data.messages.find((m) => m.nodeId === "again")).toBeUndefined();
    const cap = data.skipped.find((s) => s.category === "frequency_cap");
    expect(cap).toMatchObject({ outcome: "skipped", nodeId: "again", count: treatedPro });
    const filter = data.skipped.find((s) => s.category === "filter");
    expect(filter).toMatchObject({ nodeId: "pro", nodeLabel: "Pro only", count: 5 });
  });

  it("lists versions and filters by one; an unknown version is a field error", async () => {
    const journey = await prisma.journey.findUniqueOrThrow({ where: { id: journeyId } });
    const next = definition();
    next.settings.holdoutPercent = 10;
    await updateJourney({
      workspaceId: ws,
      memberId: null,
      id: journeyId,
      update: { draftRevision: journey.draftRevision, definition: next as Record<string, unknown> },
    });
    await publishJourney({ workspaceId: ws, id: journeyId });
    const v2 = await analytics("from=2026-04-01&to=2026-04-04&version=2");
    const body = ((await v2.json()) as { analytics: JourneyAnalytics }).analytics;
    expect(body.versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(body.version).toBe(2);
    expect(body.series[0].entered).toBe(0);
    expect(body.messages).toEqual([]);
    const v1 = await analytics("from=2026-04-01&to=2026-04-04&version=1");
    const first = ((await v1.json()) as { analytics: JourneyAnalytics }).analytics;
    expect(first.series[0].entered).toBe(45);

    const missing = await analytics("version=9");
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ field: "version" }] } },
    });
  });

  it("rejects a bad period naming the field", async () => {
    const backwards = await analytics("from=2026-04-05&to=2026-04-01");
    expect(backwards.status).toBe(422);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toMatch(
      /^from:/,
    );
    const garbage = await analytics("from=yesterday-ish");
    expect(garbage.status).toBe(422);
  });

  it("is scoped to the workspace: another member gets 404", async () => {
    const other = await memberWithWorkspace("other@b.test");
    session.member = other.member;
    try {
      const response = await analytics("", ws);
      expect(response.status).toBe(404);
      const foreign = await analytics("", other.workspaceId, journeyId);
      expect(foreign.status).toBe(404);
    } finally {
      const owner = await prisma.member.findUniqueOrThrow({ where: { email: "analytics@a.test" } });
      session.member = owner;
    }
  });
});

describe("workspace overview", () => {
  it("counts messages per channel per day, budget hits, and top journeys", async () => {
    const response = await overview(
      get(`/api/w/${ws}/analytics/overview?from=2026-04-01&to=2026-04-03`),
      ctx({ workspaceId: ws }),
    );
    expect(response.status).toBe(200);
    const body = ((await response.json()) as { overview: WorkspaceOverview }).overview;
    const sent = await prisma.message.count({ where: { workspaceId: ws } });
    expect(body.messagesByDay[0]).toEqual({ day: "2026-04-01", email: 0, in_app: sent });
    expect(body.budgetHitsByDay[0]).toEqual({ day: "2026-04-01", deferred: 0, skipped: sent });
    expect(body.topJourneys).toEqual([
      { journeyId, name: "Activation", status: "live", converted: 10, entered: 45 },
    ]);
    expect(body.health).toHaveLength(1);
  });

  it("flags a live journey whose entries stopped", async () => {
    const now = new Date("2026-05-20T12:00:00Z");
    await prisma.journeyVersion.updateMany({
      where: { journeyId },
      data: { publishedAt: new Date(now.getTime() - 20 * DAY) },
    });
    const profile = await prisma.profile.findFirstOrThrow({ where: { workspaceId: ws } });
    const version = await prisma.journeyVersion.findFirstOrThrow({ where: { journeyId } });
    // 4 entries a day for the 7 days before the last 24 h, none since.
    await prisma.journeyRun.createMany({
      data: Array.from({ length: 28 }, (_, i) => ({
        workspaceId: ws,
        journeyId,
        versionId: version.id,
        profileId: profile.id,
        status: "completed",
        state: {},
        enteredAt: new Date(now.getTime() - DAY - 1000 - Math.floor(i / 4) * DAY),
        endedAt: new Date(now.getTime() - DAY - Math.floor(i / 4) * DAY),
      })),
    });
    const { getWorkspaceOverview } = await import("@/lib/analytics/get-workspace-overview");
    const stopped = await getWorkspaceOverview({ workspaceId: ws, query: {}, now });
    expect(stopped.health[0]).toMatchObject({
      journeyId,
      status: "stopped",
      last24h: 0,
      median: 4,
    });
    const later = new Date(now.getTime() - DAY + 60_000);
    const fine = await getWorkspaceOverview({ workspaceId: ws, query: {}, now: later });
    expect(fine.health[0]).toMatchObject({ status: "ok", last24h: 4 });
  });
});
