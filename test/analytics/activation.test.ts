import { beforeAll, describe, expect, it } from "vitest";
import * as activationRoute from "@/app/api/v1/settings/activation/route";
import { cohortStart } from "@/lib/analytics/activation/activation-cohorts";
import { getActivationOverview } from "@/lib/analytics/activation/get-activation-overview";
import { computeLift, newcombeInterval } from "@/lib/analytics/lift";
import { prisma } from "@/lib/db/client";
import { writeRollups } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { saveActivationSettings } from "@/lib/workspaces/activation-settings";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// Activation on the home page, against real PostgreSQL: the rate by signup
// cohort (the window's end included, any of the events, open windows marked
// incomplete, another workspace's rows ignored), each journey's activated
// share of messaged profiles vs its holdout with the journey lift's own
// interval, and the setting's API refusing bad input by field.

const DAY = 86_400_000;
const now = new Date("2026-03-20T12:00:00.000Z");
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs);

let ws: TestWorkspace;
let other: TestWorkspace;
let seq = 0;

async function profile(workspaceId: string, firstSeenAt: Date): Promise<string> {
  seq += 1;
  const row = await prisma.profile.create({
    data: { workspaceId, userId: `u-${seq}`, firstSeenAt, lastSeenAt: firstSeenAt },
  });
  return row.id;
}

async function track(workspaceId: string, profileId: string, name: string, timestamp: Date) {
  seq += 1;
  await prisma.event.create({
    data: { workspaceId, profileId, messageId: `m-${seq}`, type: "track", name, timestamp },
  });
  // As every statement storing tracked events does (lib/events/event-rollups.ts).
  await prisma.$executeRaw(
    writeRollups(Prisma.sql`SELECT ${workspaceId} AS "workspaceId", ${profileId}::uuid AS "profileId",
      ${name}::text AS name, ${timestamp}::timestamp(3) AS "timestamp"`),
  );
}

async function journey(workspaceId: string, name: string, published = true): Promise<string> {
  const row = await prisma.journey.create({
    data: {
      workspaceId,
      name,
      status: published ? "live" : "draft",
      draft: {},
      currentVersionId: published ? `v-${name}` : null,
    },
  });
  return row.id;
}

async function run(
  workspaceId: string,
  journeyId: string,
  profileId: string,
  enteredAt: Date,
  holdout: boolean,
) {
  await prisma.journeyRun.create({
    data: {
      workspaceId,
      journeyId,
      versionId: `v-${journeyId}`,
      profileId,
      status: "completed",
      state: {},
      holdout,
      enteredAt,
      endedAt: enteredAt,
    },
  });
}

beforeAll(async () => {
  ws = await createTestWorkspace("Activation");
  other = await createTestWorkspace("Other tenant");
});

describe("activation by signup cohort", () => {
  it("counts activation within the window after first seen, by day and by week", async () => {
    const workspaceId = ws.workspaceId;
    await saveActivationSettings(workspaceId, {
      events: ["Report Created", "Dashboard Shared"],
      windowDays: 7,
    });
    // Monday 2 March: four profiles first seen at 10:00.
    const first = "2026-03-02T10:00:00.000Z";
    const onTheEdge = await profile(workspaceId, at(first));
    await track(workspaceId, onTheEdge, "Report Created", at(first, 7 * DAY)); // counts: end included
    const late = await profile(workspaceId, at(first));
    await track(workspaceId, late, "Report Created", at(first, 7 * DAY + 1)); // a millisecond late
    const otherEvent = await profile(workspaceId, at(first));
    await track(workspaceId, otherEvent, "Signed Up", at(first, DAY)); // not an activation event
    const second = await profile(workspaceId, at(first));
    await track(workspaceId, second, "Dashboard Shared", at(first, 3_600_000)); // either event counts
    // Wednesday 18 March: window still open on the 20th.
    const recent = "2026-03-18T08:00:00.000Z";
    const recentActive = await profile(workspaceId, at(recent));
    await track(workspaceId, recentActive, "Report Created", at(recent, DAY));
    await profile(workspaceId, at(recent));
    // Another workspace's profiles and events never count.
    const theirs = await profile(other.workspaceId, at(first));
    await track(other.workspaceId, theirs, "Report Created", at(first, DAY));

    const byDay = await getActivationOverview({ workspaceId, query: { by: "day" }, now });
    expect(byDay.unit).toBe("day");
    // From the first day anyone was first seen (within the last 30) to today.
    expect(byDay.cohorts).toHaveLength(19);
    expect(byDay.cohorts[0]?.cohort).toBe("2026-03-02");
    expect(byDay.cohorts.at(-1)?.cohort).toBe("2026-03-20");
    const march2 = byDay.cohorts.find((c) => c.cohort === "2026-03-02");
    expect(march2).toEqual({
      cohort: "2026-03-02",
      profiles: 4,
      activated: 2,
      rate: 0.5,
      complete: true,
    });
    const march18 = byDay.cohorts.find((c) => c.cohort === "2026-03-18");
    expect(march18).toMatchObject({ profiles: 2, activated: 1, rate: 0.5, complete: false });
    // A day's window closes 7 days after the day ends: the 12th's closed at the 20th 00:00.
    expect(byDay.cohorts.find((c) => c.cohort === "2026-03-12")?.complete).toBe(true);
    expect(byDay.cohorts.find((c) => c.cohort === "2026-03-13")?.complete).toBe(false);
    expect(byDay.cohorts.find((c) => c.cohort === "2026-03-03")).toMatchObject({
      profiles: 0,
      rate: null,
    });
    expect(byDay.overall).toEqual({ profiles: 4, activated: 2, rate: 0.5 });

    const byWeek = await getActivationOverview({ workspaceId, query: { by: "week" }, now });
    expect(byWeek.cohorts.map((c) => c.cohort)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(byWeek.cohorts.find((c) => c.cohort === "2026-03-02")).toMatchObject({
      profiles: 4,
      activated: 2,
      complete: true,
    });
    expect(byWeek.cohorts.find((c) => c.cohort === "2026-03-16")).toMatchObject({
      profiles: 2,
      activated: 1,
      complete: false,
    });
    // Everyone arrived in the last 30 days: days by default.
    expect((await getActivationOverview({ workspaceId, now })).unit).toBe("day");
  });

  it("starts weeks on Monday, in UTC", () => {
    expect(cohortStart(at("2026-03-08T23:59:59.000Z"), "week").toISOString()).toBe(
      "2026-03-02T00:00:00.000Z",
    );
    expect(cohortStart(at("2026-03-09T00:00:00.000Z"), "week").toISOString()).toBe(
      "2026-03-09T00:00:00.000Z",
    );
  });

  it("shows nothing until the workspace sets activation; a bad `by` is a 422 naming it", async () => {
    const fresh = await createTestWorkspace("No setting");
    const overview = await getActivationOverview({ workspaceId: fresh.workspaceId, now });
    expect(overview).toMatchObject({ activation: null, cohorts: [], journeys: [] });
    await expect(
      getActivationOverview({ workspaceId: fresh.workspaceId, query: { by: "month" }, now }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [expect.objectContaining({ field: "by" })] },
    });
  });
});

describe("how much a journey moved activation", () => {
  it("compares messaged profiles with the holdout, with the journey lift's interval", async () => {
    const lab = await createTestWorkspace("Lift");
    const workspaceId = lab.workspaceId;
    await saveActivationSettings(workspaceId, { events: ["Report Created"], windowDays: 7 });
    const nudge = await journey(workspaceId, "Nudge");
    const draft = await journey(workspaceId, "Never published", false);
    const firstSeen = at("2026-03-01T09:00:00.000Z");
    const entry = at("2026-03-02T09:00:00.000Z");
    // 40 messaged (24 activate within the window), 40 held out (10 activate).
    for (const [holdout, activated] of [
      [false, 24],
      [true, 10],
    ] as const) {
      for (let i = 0; i < 40; i++) {
        const id = await profile(workspaceId, firstSeen);
        await run(workspaceId, nudge, id, entry, holdout);
        // A second entry of the same profile counts once.
        if (i === 0) await run(workspaceId, nudge, id, at("2026-03-04T09:00:00.000Z"), holdout);
        if (i < activated)
          await track(workspaceId, id, "Report Created", at(entry.toISOString(), DAY));
        // Activating after the window is not activating.
        else if (i < activated + 3) {
          await track(workspaceId, id, "Report Created", at(firstSeen.toISOString(), 8 * DAY));
        }
      }
    }
    // Left out: activated before entering (the journey could not move them),
    const already = await profile(workspaceId, firstSeen);
    await track(workspaceId, already, "Report Created", at(firstSeen.toISOString(), 3_600_000));
    await run(workspaceId, nudge, already, entry, false);
    // entered after their window had closed,
    const tooLate = await profile(workspaceId, firstSeen);
    await run(workspaceId, nudge, tooLate, at(firstSeen.toISOString(), 8 * DAY), true);
    // and entered after now (a clock ahead: not counted yet).
    const future = await profile(workspaceId, at("2026-03-19T09:00:00.000Z"));
    await run(workspaceId, nudge, future, at("2026-03-21T09:00:00.000Z"), false);
    // A window still open counts what happened so far: one activated already,
    // one not yet (an event after now is not counted).
    for (const [holdout, activatesAt] of [
      [false, "2026-03-19T09:00:00.000Z"],
      [true, "2026-03-20T13:00:00.000Z"],
    ] as const) {
      const open = await profile(workspaceId, at("2026-03-17T09:00:00.000Z"));
      await run(workspaceId, nudge, open, at("2026-03-18T09:00:00.000Z"), holdout);
      await track(workspaceId, open, "Report Created", at(activatesAt));
    }
    // Before the period the page shows (the last 30 days): not counted.
    const earlier = await profile(workspaceId, at("2026-02-01T09:00:00.000Z"));
    await run(workspaceId, nudge, earlier, at("2026-02-02T09:00:00.000Z"), true);
    // Another workspace's runs of a journey never count.
    const theirs = await profile(other.workspaceId, firstSeen);
    await run(other.workspaceId, nudge, theirs, entry, false);

    const overview = await getActivationOverview({ workspaceId, query: { by: "day" }, now });
    expect(overview.journeys.map((j) => j.name)).toEqual(["Nudge"]);
    expect(overview.journeys.some((j) => j.journeyId === draft)).toBe(false);
    const [moved] = overview.journeys;
    expect(moved?.lift.treatment).toEqual({ entered: 41, converted: 25, rate: 25 / 41 });
    expect(moved?.lift.holdout).toEqual({ entered: 41, converted: 10, rate: 10 / 41 });
    // The same method as the journey's conversion lift, figure for figure.
    expect(moved?.lift).toEqual(
      computeLift({ entered: 41, converted: 25 }, { entered: 41, converted: 10 }),
    );
    expect(moved?.lift.interval).toEqual(newcombeInterval(25, 41, 10, 41));
    expect(moved?.lift.verdict).toBe("positive");
    expect(moved?.sentence).toMatch(/^Raises activation by \+36\.6 pts, likely between/);
    expect(moved?.sentence).toContain("61.0% of messaged profiles activated vs 24.4% held out");
  });

  it("says when there is no holdout or too few profiles", async () => {
    const lab = await createTestWorkspace("Small");
    const workspaceId = lab.workspaceId;
    await saveActivationSettings(workspaceId, { events: ["Report Created"], windowDays: 7 });
    const none = await journey(workspaceId, "A: no holdout");
    const small = await journey(workspaceId, "B: small");
    const firstSeen = at("2026-03-01T09:00:00.000Z");
    for (let i = 0; i < 6; i++) {
      const id = await profile(workspaceId, firstSeen);
      await run(workspaceId, none, id, firstSeen, false);
      await run(workspaceId, small, id, firstSeen, i % 2 === 0);
    }
    const [a, b] = (await getActivationOverview({ workspaceId, now })).journeys;
    expect(a?.lift.verdict).toBe("no_holdout");
    expect(a?.sentence).toContain("Give the journey a holdout");
    expect(b?.lift).toMatchObject({ verdict: "too_small", interval: null });
    expect(b?.sentence).toMatch(
      /^Too few profiles to tell yet \(the messaged group has 3 profiles\)/,
    );
  });
});

describe("/api/v1/settings/activation", () => {
  type Route = (r: Request, c: { params: Promise<Record<string, never>> }) => Promise<Response>;
  async function call(route: Route, body?: unknown, key = ws.secretKey) {
    const method = body === undefined ? "GET" : "PUT";
    const response = await route(
      apiRequest("/api/v1/settings/activation", key, { method, body }),
      ctx({}),
    );
    // biome-ignore lint/suspicious/noExplicitAny: checked field by field
    return { status: response.status, body: (await response.json()) as any };
  }

  it("reads and replaces the setting; bad input is a 422 naming the field", async () => {
    const fresh = await createTestWorkspace("API");
    const key = fresh.secretKey;
    expect((await call(activationRoute.GET, undefined, key)).body).toEqual({ activation: null });
    const activation = { events: ["Report Created"], windowDays: 14 };
    expect(await call(activationRoute.PUT, { activation }, key)).toEqual({
      status: 200,
      body: { activation },
    });
    expect((await call(activationRoute.GET, undefined, key)).body).toEqual({ activation });

    const cases: [unknown, string][] = [
      [{}, "activation"],
      [{ activation: { events: [], windowDays: 7 } }, "activation.events"],
      [{ activation: { events: ["  "], windowDays: 7 } }, "activation.events.0"],
      [{ activation: { events: ["A", "A"], windowDays: 7 } }, "activation.events"],
      [{ activation: { events: ["A"], windowDays: 0 } }, "activation.windowDays"],
      [{ activation: { events: ["A"], windowDays: 1.5 } }, "activation.windowDays"],
      [{ activation: { events: ["A"], windowDays: 91 } }, "activation.windowDays"],
      [{ activation: { events: ["A"] } }, "activation.windowDays"],
      [{ activation: { events: ["A"], windowDays: 7, extra: 1 } }, "activation"],
    ];
    for (const [body, field] of cases) {
      const answer = await call(activationRoute.PUT, body, key);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.details.issues[0].field, JSON.stringify(body)).toBe(field);
    }
    // Nothing bad was stored; another workspace keeps its own.
    expect((await call(activationRoute.GET, undefined, key)).body).toEqual({ activation });
    expect((await call(activationRoute.GET, undefined, other.secretKey)).body).toEqual({
      activation: null,
    });
    expect(await call(activationRoute.PUT, { activation: null }, key)).toEqual({
      status: 200,
      body: { activation: null },
    });
    expect((await call(activationRoute.GET, undefined, "sk_nope")).status).toBe(401);
  });
});
