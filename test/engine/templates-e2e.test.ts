import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { assignVariant, isInHoldout } from "@/lib/journey-core/assign-bucket";
import { findTemplate } from "@/lib/journey-core/templates";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  FakeClock,
  identify,
  profileId,
  publishTemplate,
  runsOf,
  send,
  sentTo,
  traceOf,
  track,
} from "./engine-fixtures";

// The five shipped patterns, end to end THROUGH INGESTION INTO SENDS: real
// ingestBatch calls, the engine's tasks on a fake clock, and assertions on
// Message rows and inbox items. Workspaces keep the default delivery rules
// (3 messages / 24 h, email quiet hours 21:00–08:00 local).

const BERLIN = { timezone: "Europe/Berlin" };

interface Pattern {
  ws: string;
  journeyId: string;
  template: string;
}

async function setup(template: string): Promise<Pattern> {
  const { workspaceId } = await createTestWorkspace(template);
  const journeyId = await publishTemplate(workspaceId, template);
  return { ws: workspaceId, journeyId, template };
}

/** An identified user on the treated side of the holdout (and in the wanted split variant). */
async function treatedUser(
  clock: FakeClock,
  pattern: Pattern,
  traits: Record<string, unknown>,
  want?: { node: string; variant: string },
): Promise<string> {
  const { ws, journeyId } = pattern;
  const definition = findTemplate(pattern.template)?.definition;
  if (!definition) throw new Error(`no template ${pattern.template}`);
  for (let i = 0; i < 200; i++) {
    const userId = `user-${Object.keys(used).length}`;
    used[userId] = true;
    await send(clock, ws, [
      identify(userId, { email: `${userId}@example.com`, ...BERLIN, ...traits }),
    ]);
    const id = await profileId(ws, userId);
    if (isInHoldout(id, journeyId, definition.settings.holdoutPercent)) continue;
    const split = want && definition.nodes.find((n) => n.id === want.node);
    if (
      split?.type === "split" &&
      assignVariant(id, journeyId, split.id, split.variants).key !== want?.variant
    ) {
      continue;
    }
    return userId;
  }
  throw new Error("no treated user found");
}
const used: Record<string, boolean> = {};

describe("introduce a feature on first use", () => {
  it("tooltip at once, email two days later; nothing for a repeat user or a goal reached", async () => {
    const clock = new FakeClock("2026-03-02T09:00:00Z"); // a Monday
    const p = await setup("introduce-feature-on-first-use");
    const { ws } = p;
    const ada = await treatedUser(clock, p, { name: "Ada" });
    const bo = await treatedUser(clock, p, { name: "Bo" });

    // Bo used alerts before the journey existed (history, never evaluated).
    await send(clock, ws, [track(bo, "Feature Used", { feature: "alerts" })], { evaluate: false });
    clock.set("2026-03-02T10:00:00Z");
    await send(clock, ws, [
      track(ada, "Feature Used", { feature: "alerts" }),
      track(bo, "Feature Used", { feature: "alerts" }),
    ]);
    expect(await runsOf(ws, bo)).toEqual([]);
    expect(await sentTo(ws, ada)).toEqual([
      ["alerts-tooltip", "in_app", "2026-03-02T10:00:00.000Z"],
    ]);
    const tooltip = await prisma.inboxItem.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(tooltip).toMatchObject({ kind: "tooltip", selector: "[data-tour='alert-conditions']" });

    await advanceTo(clock, "2026-03-05T00:00:00Z");
    expect(await sentTo(ws, ada)).toEqual([
      ["alerts-tooltip", "in_app", "2026-03-02T10:00:00.000Z"],
      ["alerts-guide-email", "email", "2026-03-04T10:00:00.000Z"],
    ]);
    const email = await prisma.message.findFirstOrThrow({
      where: { workspaceId: ws, channel: "email" },
    });
    expect(email.toAddress).toBe(`${ada}@example.com`);

    // A third user reaches the goal (alerts again) during the delay: no email.
    const cy = await treatedUser(clock, p, { name: "Cy" });
    await send(clock, ws, [track(cy, "Feature Used", { feature: "alerts" })]);
    clock.set("2026-03-06T08:00:00Z");
    await send(clock, ws, [track(cy, "Feature Used", { feature: "alerts" })]);
    await advanceTo(clock, "2026-03-10T00:00:00Z");
    expect((await sentTo(ws, cy)).map(([node]) => node)).toEqual(["alerts-tooltip"]);
    expect((await runsOf(ws, cy))[0]?.status).toBe("converted");
  });
});

describe("nudge a stalled onboarding", () => {
  it("nudges by email after 24 h without step 3, then a banner two days later", async () => {
    const clock = new FakeClock("2026-03-02T10:00:00Z");
    const p = await setup("nudge-stalled-onboarding");
    const { ws } = p;
    const stalled = await treatedUser(clock, p, { name: "Stella" });
    const finisher = await treatedUser(clock, p, { name: "Finn" });
    const step = (user: string, n: number) => track(user, "Onboarding Step Completed", { step: n });

    await send(clock, ws, [step(stalled, 1), step(stalled, 2), step(finisher, 2)]);
    clock.set("2026-03-02T18:00:00Z");
    await send(clock, ws, [step(finisher, 3)]);
    await advanceTo(clock, "2026-03-07T00:00:00Z");

    expect(await sentTo(ws, stalled)).toEqual([
      ["nudge-email", "email", "2026-03-03T10:00:00.000Z"],
      ["nudge-banner", "in_app", "2026-03-05T10:00:00.000Z"],
    ]);
    const [run] = await runsOf(ws, stalled);
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait-step-3", "waiting"],
      ["wait-step-3", "timed_out"],
      ["nudge-email", "sent"],
      ["wait-2-days", "waiting"],
      ["wait-2-days", "passed"],
      ["nudge-banner", "sent"],
      ["nudged", "exited"],
    ]);
    expect(await sentTo(ws, finisher)).toEqual([]);
    expect((await runsOf(ws, finisher))[0]).toMatchObject({ status: "converted" });
  });
});

describe("re-engage after 7 quiet days", () => {
  it("the sweep enters a lapsed user; email at the next weekday 10:00 local; welcome back on login", async () => {
    const clock = new FakeClock("2026-03-04T12:00:00Z"); // a Wednesday
    const p = await setup("reengage-inactive-users");
    const { ws } = p;
    const user = await treatedUser(clock, p, { name: "Quinn" });
    await send(clock, ws, [track(user, "Report Created", { template: "Funnel" })]);
    const active = await treatedUser(clock, p, { name: "Ari" });

    await advanceTo(clock, "2026-03-11T11:00:00Z", { sweep: true }); // 6 d 23 h: not yet
    expect(await runsOf(ws, user)).toEqual([]);
    await send(clock, ws, [track(active, "Logged In")]); // keeps Ari active
    // Wednesday 12:00 + 7 days: entered (Wed 13:00 in Berlin), held until the
    // next weekday 10:00 Berlin, Thursday 09:00 UTC.
    await advanceTo(clock, "2026-03-11T12:00:00Z", { sweep: true });
    expect(await runsOf(ws, user)).toMatchObject([
      { status: "waiting", nodeId: "weekday-morning" },
    ]);
    await advanceTo(clock, "2026-03-12T12:00:00Z", { sweep: true });
    expect(await sentTo(ws, user)).toEqual([["we-miss-you", "email", "2026-03-12T09:00:00.000Z"]]);
    expect(await runsOf(ws, active)).toEqual([]);

    clock.set("2026-03-13T08:00:00Z");
    await send(clock, ws, [track(user, "Logged In")]);
    expect((await sentTo(ws, user)).map(([node, channel]) => [node, channel])).toEqual([
      ["we-miss-you", "email"],
      ["welcome-back", "in_app"],
    ]);
    const card = await prisma.inboxItem.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(card.title).toBe("Welcome back, Quinn");

    // Quiet again for 7 days after that login: the trigger fires for the new
    // period (recorded), but the 30-day re-entry cooldown keeps them out.
    await advanceTo(clock, "2026-03-30T12:00:00Z", { sweep: true });
    expect(await runsOf(ws, user)).toHaveLength(1);
    const fire = await prisma.inactivityFire.findUniqueOrThrow({
      where: {
        journeyId_profileId: { journeyId: p.journeyId, profileId: await profileId(ws, user) },
      },
    });
    // As of when the silence reached 7 days (the login + 7 d), not when the sweep ran.
    expect(fire.lastFiredAt.toISOString()).toBe("2026-03-20T08:00:00.000Z");
  });
});

describe("upgrade prompt at 80% of the plan", () => {
  it("fires when usage crosses 80%, once, with a modal and an email for Free", async () => {
    const clock = new FakeClock("2026-03-02T10:00:00Z");
    const p = await setup("upgrade-near-plan-limit");
    const { ws } = p;
    const user = await treatedUser(clock, p, { name: "Uma", plan: "free", usage_pct: 50 });
    expect(await runsOf(ws, user)).toEqual([]);

    clock.set("2026-03-02T11:00:00Z");
    await send(clock, ws, [identify(user, { usage_pct: 85 })]);
    clock.set("2026-03-02T12:00:00Z");
    await send(clock, ws, [identify(user, { usage_pct: 90 })]);
    expect(await sentTo(ws, user)).toEqual([
      ["free-limit-modal", "in_app", "2026-03-02T11:00:00.000Z"],
      ["free-limit-email", "email", "2026-03-02T11:00:00.000Z"],
    ]);
    const email = await prisma.message.findFirstOrThrow({
      where: { workspaceId: ws, channel: "email" },
    });
    expect(email.subject).toBe("You're at 85% of your Free plan");
    expect(await runsOf(ws, user)).toHaveLength(1);
  });
});

describe("from first report to shared dashboard", () => {
  it("an hour after the first report: the split's in-app card names the report; a reminder 3 days later", async () => {
    const clock = new FakeClock("2026-03-02T09:00:00Z");
    const p = await setup("first-report-to-dashboard");
    const { ws } = p;
    const user = await treatedUser(
      clock,
      p,
      { name: "Rae" },
      { node: "channel-test", variant: "in_app" },
    );
    await send(clock, ws, [track(user, "Report Created", { template: "Weekly funnel" })]);
    await send(clock, ws, [track(user, "Report Created", { template: "Second" })]);
    await advanceTo(clock, "2026-03-06T00:00:00Z");

    expect(await sentTo(ws, user)).toEqual([
      ["share-card", "in_app", "2026-03-02T10:00:00.000Z"],
      ["share-reminder", "email", "2026-03-05T10:00:00.000Z"],
    ]);
    const card = await prisma.inboxItem.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(card.body).toContain("“Weekly funnel”");
    const [run] = await runsOf(ws, user);
    expect(await traceOf(run!.id)).toContainEqual(["channel-test", "split"]);
  });
});
