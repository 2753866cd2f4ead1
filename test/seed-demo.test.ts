import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getActivationOverview } from "@/lib/analytics/activation/get-activation-overview";
import { getJourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { getWorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { whyNot } from "@/lib/explain/why-not";
import { generateDemoHistory } from "@/lib/seed/demo-data";
import { findSeededDemo, wantsDemo } from "@/lib/seed/demo-workspace";
import {
  DEMO_DEFAULT_PASSWORD,
  DEMO_EMAIL,
  DEMO_MARKER_KEY,
  type SeedDemoResult,
  seedDemo,
  shouldSeedDemo,
} from "@/lib/seed/seed-demo";
import { findWorkspaceByKey, hashKey } from "@/lib/workspaces/api-keys";

// The history (and the demo's ids) follow from the seed and this instant, so
// the figures below are the same at every run.
const now = new Date("2025-06-10T09:00:00.000Z");
// The default size: two weeks of 300 users is what gives the journeys'
// holdouts the 30 profiles a lift interval needs.
const profiles = 300;
const expected = generateDemoHistory({ now, profiles });
const windowStart = new Date(now.getTime() - 14 * 86_400_000);
/** The generated history's own calls (reactions and inbox events have other ids). */
const generatedEvents = (workspaceId: string) =>
  sql.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM events
    WHERE "workspaceId" = ${workspaceId} AND "messageId" ~ '^demo-[0-9]+$'`.then(
    ([row]) => row?.n ?? 0,
  );

async function counts(workspaceId: string) {
  const where = { workspaceId };
  const [members, workspaces, keys, profileRows, events, settings] = await Promise.all([
    prisma.member.count(),
    prisma.workspace.count(),
    prisma.apiKey.count({ where }),
    prisma.profile.count({ where }),
    prisma.event.count({ where }),
    prisma.appSetting.count(),
  ]);
  const [journeys, versions, runs, traces, messages, inbox, timeline] = await Promise.all([
    prisma.journey.count({ where }),
    prisma.journeyVersion.count({ where }),
    prisma.journeyRun.count({ where }),
    prisma.runTrace.count({ where }),
    prisma.message.count({ where }),
    prisma.inboxItem.count({ where }),
    prisma.messageEvent.count({ where: { message: { workspaceId } } }),
  ]);
  return {
    ...{ members, workspaces, keys, profileRows, events, settings },
    ...{ journeys, versions, runs, traces, messages, inbox, timeline },
  };
}

let first: SeedDemoResult;
const lines: string[] = [];

beforeAll(async () => {
  vi.stubEnv("DEMO_WRITE_KEY", "wk_demo_fixed_write_key");
  vi.stubEnv("DEMO_PASSWORD", "");
  first = await seedDemo({ now, profiles, log: (line) => lines.push(line) });
  vi.unstubAllEnvs();
}, 600_000);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("shouldSeedDemo", () => {
  it("is on unless SEED_DEMO says false", () => {
    expect(shouldSeedDemo({})).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "true" })).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "false" })).toBe(false);
    expect(shouldSeedDemo({ SEED_DEMO: " FALSE " })).toBe(false);
    expect(shouldSeedDemo({ SEED_DEMO: "0" })).toBe(false);
  });
});

describe("seedDemo", () => {
  it("creates the member, the Acme workspace and its keys (DEMO_WRITE_KEY honoured)", async () => {
    expect(first.created).toBe(true);
    expect(first.email).toBe(DEMO_EMAIL);
    expect(first.password).toBe(DEMO_DEFAULT_PASSWORD);
    const member = await prisma.member.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(await verifyPassword(DEMO_DEFAULT_PASSWORD, member.passwordHash)).toBe(true);
    const workspace = await prisma.workspace.findUniqueOrThrow({
      where: { id: first.workspaceId },
      include: { memberships: true, apiKeys: true },
    });
    expect(workspace.name).toBe("Acme");
    expect(workspace.memberships).toMatchObject([{ memberId: member.id, role: "owner" }]);
    expect(first.writeKey).toBe("wk_demo_fixed_write_key");
    expect(first.secretKey).toMatch(/^sk_/);
    expect(first.secretKeyHint).toBe(`${first.secretKey?.slice(0, 8)}…`);
    // The secret key is printed at this first start only: the table holds its hash.
    const keys = Object.fromEntries(workspace.apiKeys.map((k) => [k.kind, [k.key, k.keyHash]]));
    expect(keys).toEqual({
      write: [first.writeKey, hashKey(first.writeKey)],
      secret: [null, hashKey(first.secretKey ?? "")],
    });
  });

  it("loads the profiles and every event of the generated history", async () => {
    expect(await generatedEvents(first.workspaceId)).toBe(expected.length);
    const identified = await prisma.profile.count({
      where: { workspaceId: first.workspaceId, userId: { not: null } },
    });
    expect(identified).toBe(profiles);
    const profile = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: first.workspaceId, userId: "user_0001" },
    });
    expect(profile.email).toMatch(/@example\.com$/);
    expect(profile.traits).toMatchObject({
      plan: expect.any(String),
      usage_pct: expect.any(Number),
    });
    const signedUp = await prisma.event.count({
      where: { workspaceId: first.workspaceId, name: "Signed Up" },
    });
    expect(signedUp).toBe(expected.filter((m) => m.event === "Signed Up").length);
    expect(lines.at(-1)).toMatch(
      /Seeded “Acme”: 300 profiles, [\d,]+ events and [\d,]+ journey messages over 14 days in/,
    );
  });

  it("merges anonymous visitors into the profile they identified as", async () => {
    const merge = expected.find((m) => m.type === "identify" && m.anonymousId && m.userId);
    expect(merge).toBeDefined();
    const identity = await prisma.profileIdentity.findFirstOrThrow({
      where: { workspaceId: first.workspaceId, kind: "anonymousId", value: merge?.anonymousId },
      include: { profile: true },
    });
    expect(identity.profile.userId).toBe(merge?.userId);
  });

  it("creates nothing the second time, even with other keys in the env", async () => {
    const before = await counts(first.workspaceId);
    vi.stubEnv("DEMO_WRITE_KEY", "wk_another_key_entirely");
    const again = await seedDemo({ now: new Date(), profiles });
    // Later starts know only the secret key's prefix.
    expect(again).toEqual({ ...first, created: false, secretKey: null });
    expect(await counts(first.workspaceId)).toEqual(before);
  });

  it("is found by a start without seeding, and not while its seed is unfinished", async () => {
    expect(await wantsDemo()).toBe(true);
    vi.stubEnv("SEED_DEMO", "false");
    expect(await wantsDemo()).toBe(false);
    vi.unstubAllEnvs();

    expect(await findSeededDemo()).toEqual({ ...first, created: false, secretKey: null });
    const state = await prisma.appSetting.findUniqueOrThrow({ where: { key: "demo.state" } });
    const unfinished = { ...JSON.parse(state.value), completedAt: null };
    await prisma.appSetting.update({
      where: { key: "demo.state" },
      data: { value: JSON.stringify(unfinished) },
    });
    expect(await findSeededDemo()).toBeNull();
    await prisma.appSetting.update({ where: { key: "demo.state" }, data: { value: state.value } });
  });

  it("resumes an interrupted seed without duplicating events", async () => {
    const before = await counts(first.workspaceId);
    // As if the process died after creating the workspace, before loading finished.
    const state = await prisma.appSetting.findUniqueOrThrow({ where: { key: "demo.state" } });
    await prisma.appSetting.update({
      where: { key: "demo.state" },
      data: { value: JSON.stringify({ ...JSON.parse(state.value), completedAt: null }) },
    });
    const resumed = await seedDemo({ profiles });
    // The first secret key was never shown (the seed died first): a new one is, once.
    expect(resumed).toEqual({
      ...first,
      secretKey: expect.stringMatching(/^sk_/),
      secretKeyHint: expect.any(String),
    });
    expect(resumed.secretKey).not.toBe(first.secretKey);
    expect(resumed.secretKeyHint).toBe(`${resumed.secretKey?.slice(0, 8)}…`);
    expect((await findWorkspaceByKey(resumed.secretKey ?? "", "secret"))?.id).toBe(
      first.workspaceId,
    );
    expect(await findWorkspaceByKey(first.secretKey ?? "", "secret")).toBeNull();
    // Played again from the start: nothing the engine or the users did is repeated.
    expect(await counts(first.workspaceId)).toEqual({ ...before, keys: before.keys + 1 });
    const marker = await prisma.appSetting.findUniqueOrThrow({ where: { key: DEMO_MARKER_KEY } });
    expect(marker.value).toBe(first.workspaceId);
  }, 300_000);

  // Last: it seeds a second demo workspace into the same database.
  it("two processes starting at once seed once", async () => {
    const before = await prisma.workspace.count();
    await prisma.appSetting.deleteMany({ where: { key: { in: [DEMO_MARKER_KEY, "demo.state"] } } });
    const small = 40;
    const results = await Promise.all([
      seedDemo({ now, profiles: small }),
      seedDemo({ now, profiles: small }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].workspaceId).toBe(results[1].workspaceId);
    expect(results[0].workspaceId).not.toBe(first.workspaceId);
    expect(await prisma.workspace.count()).toBe(before + 1);
    expect(await generatedEvents(results[0].workspaceId)).toBe(
      generateDemoHistory({ now, profiles: small }).length,
    );
  }, 300_000);
});

describe("the demo's history went through its journeys", () => {
  const journeys = () =>
    prisma.journey.findMany({
      where: { workspaceId: first.workspaceId },
      include: { versions: true },
      orderBy: { name: "asc" },
    });
  const analytics = async (name: string) => {
    const journey = (await journeys()).find((j) => j.name === name);
    if (!journey) throw new Error(`No demo journey ${name}`);
    return getJourneyAnalytics({
      workspaceId: first.workspaceId,
      journeyId: journey.id,
      query: {},
      now,
    });
  };

  it("publishes the demo journeys as of the start of the history", async () => {
    const all = await journeys();
    expect(all.map((j) => [j.name, j.status])).toEqual([
      ["Introduce a feature on first use", "live"],
      ["Nudge a stalled onboarding", "live"],
      ["Re-engage after 7 quiet days", "live"],
    ]);
    for (const journey of all) {
      expect(journey.createdAt).toEqual(windowStart);
      expect(journey.versions.map((v) => [v.version, v.publishedAt])).toEqual([[1, windowStart]]);
      const changes = await prisma.journeyStatusChange.findMany({
        where: { journeyId: journey.id },
      });
      expect(changes.map((c) => [c.status, c.at])).toEqual([["live", windowStart]]);
    }
  });

  it("stores runs for every journey, and every message belongs to a run", async () => {
    for (const journey of await journeys()) {
      const runs = await prisma.journeyRun.count({ where: { journeyId: journey.id } });
      expect(runs, journey.name).toBeGreaterThan(20);
      const inWindow = await prisma.journeyRun.count({
        where: { journeyId: journey.id, enteredAt: { lt: windowStart } },
      });
      expect(inWindow, "entered before the history").toBe(0);
    }
    const messages = await prisma.message.count({ where: { workspaceId: first.workspaceId } });
    expect(messages).toBeGreaterThan(100);
    const orphans = await prisma.message.count({
      where: { workspaceId: first.workspaceId, runId: null },
    });
    expect(orphans).toBe(0);
    // Each message's run is the journey's and the profile's it was sent to.
    const [mismatch] = await sql.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages m JOIN journey_runs r ON r.id = m."runId"
      WHERE m."workspaceId" = ${first.workspaceId}
        AND (r."journeyId" <> m."journeyId" OR r."profileId" <> m."profileId"
          OR m."createdAt" < r."enteredAt")`;
    expect(mismatch?.n).toBe(0);
  });

  it("leaves no email for the delivery worker, and records what the users did", async () => {
    const byStatus = await prisma.message.groupBy({
      by: ["channel", "status"],
      where: { workspaceId: first.workspaceId },
      _count: true,
    });
    const count = (channel: string, status: string) =>
      byStatus.find((g) => g.channel === channel && g.status === status)?._count ?? 0;
    expect(count("email", "queued") + count("email", "sending")).toBe(0);
    for (const status of ["delivered", "opened", "clicked"]) {
      expect(count("email", status), `email ${status}`).toBeGreaterThan(0);
    }
    for (const status of ["seen", "clicked"]) {
      expect(count("in_app", status), `in-app ${status}`).toBeGreaterThan(0);
    }
    const clicks = await prisma.event.count({
      where: { workspaceId: first.workspaceId, name: "Message Clicked" },
    });
    expect(clicks).toBeGreaterThan(0);
  });

  it("measures lift: the onboarding nudge and the alerts journey lift their goals", async () => {
    const nudge = await analytics("Nudge a stalled onboarding");
    expect(nudge.lift.verdict).toBe("positive");
    expect(nudge.lift.interval?.lower).toBeGreaterThan(0);
    const alerts = await analytics("Introduce a feature on first use");
    expect(alerts.lift.verdict).toBe("positive");
    // Each count is stored runs: entered and converted per group.
    for (const { lift } of [alerts, nudge]) {
      expect(lift.holdout.entered).toBeGreaterThanOrEqual(30);
      expect(lift.treatment.converted).toBeGreaterThan(0);
    }
  });

  it("shows activation on the home page: by signup cohort, and what the journeys moved", async () => {
    const overview = await getActivationOverview({ workspaceId: first.workspaceId, now });
    expect(overview.activation).toEqual({ events: ["Report Created"], windowDays: 7 });
    expect(overview.unit).toBe("day");
    const filled = overview.cohorts.filter((c) => c.profiles > 0);
    expect(filled.length).toBeGreaterThanOrEqual(14);
    expect(filled.filter((c) => c.complete && c.activated > 0).length).toBeGreaterThan(3);
    expect(overview.cohorts.at(-1)?.complete).toBe(false);
    expect(overview.overall.profiles).toBeGreaterThan(100);
    expect(overview.overall.rate).toBeGreaterThan(0.2);
    expect(overview.overall.rate).toBeLessThan(1);
    const byName = new Map(overview.journeys.map((j) => [j.name, j]));
    // The onboarding nudge gets stalled users to build their first report: it raises activation.
    const nudge = byName.get("Nudge a stalled onboarding");
    expect(nudge?.lift.verdict).toBe("positive");
    expect(nudge?.lift.holdout.entered).toBeGreaterThanOrEqual(30);
    expect(nudge?.sentence).toMatch(/^Raises activation by .*likely between/);
    // Setting up another alert is not building a report: no clear effect on activation.
    const alerts = byName.get("Introduce a feature on first use");
    expect(alerts?.lift.verdict).toBe("inconclusive");
    expect(alerts?.sentence).toMatch(/^No clear effect on activation/);
    // Users quiet for 7 days entered after their activation window: nothing to compare.
    expect(byName.get("Re-engage after 7 quiet days")?.lift.verdict).toBe("no_data");
  });

  it("has budget hits, quiet hours and filtered users to show", async () => {
    const [nudge, reengage] = await Promise.all([
      analytics("Nudge a stalled onboarding"),
      analytics("Re-engage after 7 quiet days"),
    ]);
    const skipped = [...nudge.skipped, ...reengage.skipped].map((s) => s.category);
    expect(skipped).toContain("quiet_hours");
    expect(skipped).toContain("filter");
    const overview = await getWorkspaceOverview({
      workspaceId: first.workspaceId,
      query: {},
      now,
    });
    const hits = overview.budgetHitsByDay.reduce((sum, d) => sum + d.deferred + d.skipped, 0);
    expect(hits).toBeGreaterThan(0);
    expect(overview.health.map((h) => h.status)).not.toContain("new");
  });

  it("answers why not with the user's own history, not the publication date", async () => {
    const all = await journeys();
    const nudge = all.find((j) => j.name === "Nudge a stalled onboarding");
    if (!nudge) throw new Error("no nudge journey");
    // A user who signed up in the window and finished onboarding before the nudge was due.
    const [converted] = await sql.$queryRaw<{ profileId: string }[]>`
      SELECT r."profileId" FROM journey_runs r
      WHERE r."journeyId" = ${nudge.id} AND r."convertedAt" IS NOT NULL AND NOT r.holdout
      ORDER BY r."enteredAt" LIMIT 1`;
    // An existing user: never reached step 2 in the window.
    const [outsider] = await sql.$queryRaw<{ profileId: string }[]>`
      SELECT p.id AS "profileId" FROM profiles p
      WHERE p."workspaceId" = ${first.workspaceId} AND p."userId" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journey_runs r WHERE r."profileId" = p.id AND r."journeyId" = ${nudge.id})
      ORDER BY p."userId" LIMIT 1`;
    for (const row of [converted, outsider]) {
      expect(row).toBeDefined();
      const answer = await whyNot({
        workspaceId: first.workspaceId,
        workspaceName: "Acme",
        journeyId: nudge.id,
        query: { profileId: row?.profileId ?? "" },
        now,
      });
      const text = JSON.stringify(answer.gates);
      expect(text).not.toMatch(/before the journey went live/);
      expect(answer.blockedBy).not.toBe("journey");
    }
  });
});
