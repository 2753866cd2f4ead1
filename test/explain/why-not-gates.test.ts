import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { WhyNotJson } from "@/lib/explain/explain-types";
import type { Member } from "@/lib/generated/prisma/client";
import { isInHoldout } from "@/lib/journey-core/assign-bucket";
import { pauseJourney, resumeJourney } from "@/lib/journeys/change-journey-status";
import { FakeClock, HOUR, identify, profileId, send, track } from "@/test/engine/engine-fixtures";
import {
  ctx,
  get,
  oneMessageJourney,
  ownedWorkspace,
  publishAt,
  signupJourney,
} from "./explain-fixtures";

// "Why not?" names the gate that blocks, for gates decided before delivery:
// the trigger, a filter (actual vs expected), re-entry and the holdout.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET } = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/why-not/route");

const T0 = "2026-04-01T12:00:00.000Z";
let ws: string;

async function whyNot(journeyId: string, query: string) {
  session.member = owner;
  const response = await GET(
    get(`/api/w/${ws}/journeys/${journeyId}/why-not?${query}`),
    ctx({ workspaceId: ws, journeyId }),
  );
  const body = (await response.json()) as { whyNot: WhyNotJson };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.whyNot;
}

let owner: Member;
let signup: string;

beforeAll(async () => {
  ({ workspaceId: ws, owner } = await ownedWorkspace("Why not gates"));
  signup = await publishAt(ws, "Signup", signupJourney());
  const clock = new FakeClock("2026-04-01T10:00:00Z");
  await send(
    clock,
    ws,
    [
      identify("pro", { name: "Pro", plan: "pro", email: "pro@example.com" }),
      identify("free", { name: "Free", plan: "free", email: "free@example.com" }),
      identify("silent", { name: "Silent", plan: "free", email: "silent@example.com" }),
    ],
    { evaluate: false },
  );
  clock.advance(HOUR);
  await send(
    clock,
    ws,
    [track("pro", "Signed Up"), track("free", "Signed Up", { source: "ads" })],
    {
      evaluate: false,
    },
  );
});

describe("why not: before delivery", () => {
  it("names the filter, with the actual plan against the expected one", async () => {
    const answer = await whyNot(signup, `profileId=pro&at=${T0}`);
    expect(answer.blockedBy).toBe("filter");
    const filter = answer.gates.find((g) => g.gate === "filter");
    expect(filter).toMatchObject({
      nodeId: "free-only",
      passed: false,
      expected: "free",
      actual: "pro",
      conditions: [
        { condition: 'trait "plan" is "free"', passed: false, expected: "free", actual: "pro" },
      ],
    });
    expect(answer.gates.slice(0, 3).map((g) => [g.gate, g.passed])).toEqual([
      ["journey", true],
      ["trigger", true],
      ["reentry", true],
    ]);
    expect(answer.path?.outcome).toMatchObject({ kind: "filtered", nodeId: "free-only" });
  });

  it("shows the path and blocks nothing for a user who gets the messages", async () => {
    const answer = await whyNot(signup, `profileId=free&at=${T0}`);
    expect(answer.blockedBy).toBe(null);
    expect(answer.gates.every((g) => g.passed)).toBe(true);
    const filter = answer.gates.find((g) => g.gate === "filter");
    expect(filter?.conditions?.[0]).toMatchObject({ passed: true, actual: "free" });
    expect(answer.gates.find((g) => g.gate === "template")).toMatchObject({
      nodeId: "welcome",
      passed: true,
      actual: "Welcome, Free",
    });
    // By T0 the one-day delay has not passed: the in-app tip is still ahead.
    expect(answer.path?.outcome).toMatchObject({ kind: "waiting", nodeId: "one-day" });
  });

  it("asked about the later message, says the path has not got there yet", async () => {
    const answer = await whyNot(signup, `profileId=free&at=${T0}&nodeId=tip`);
    expect(answer.blockedBy).toBe("route");
    expect(answer.gates.find((g) => g.gate === "route")?.detail).toMatch(
      /waiting at "Delay" until/,
    );
    const dayLater = await whyNot(signup, `profileId=free&at=2026-04-02T12:00:00Z&nodeId=tip`);
    expect(dayLater.blockedBy).toBe(null);
  });

  it("names the trigger for a user who never sent it, and still evaluates the rest hypothetically", async () => {
    const answer = await whyNot(signup, `profileId=silent&at=${T0}`);
    expect(answer.blockedBy).toBe("trigger");
    expect(answer.gates[1]).toMatchObject({ gate: "trigger", passed: false, actual: "none" });
    const later = answer.gates.slice(2);
    expect(later.length).toBeGreaterThan(2);
    expect(later.every((g) => g.hypothetical)).toBe(true);
  });

  it("names the journey when the trigger arrived before it went live", async () => {
    const late = await publishAt(ws, "Late", signupJourney(), "2026-04-01T11:30:00Z");
    const answer = await whyNot(late, `profileId=free&at=${T0}`);
    expect(answer.blockedBy).toBe("journey");
    expect(answer.gates[0].detail).toMatch(
      /^Their trigger happened at 2026-04-01T11:00:00.000Z, before the journey went live/,
    );
    // The trigger gate carries when its event happened and when Cue received it (for hover).
    expect(answer.gates.find((g) => g.gate === "trigger")?.event).toEqual({
      at: "2026-04-01T11:00:00.000Z",
      receivedAt: expect.stringMatching(/^2026-04-01T\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const before = await whyNot(late, "profileId=free&at=2026-04-01T11:15:00Z");
    expect(before.gates[0]).toMatchObject({ gate: "journey", passed: false });
    expect(before.gates[0].detail).toMatch(/^Not published until 2026-04-01T11:30:00.000Z/);
  });

  it("names the journey when the trigger happened while it was paused", async () => {
    const paused = await publishAt(ws, "Paused then", signupJourney());
    await pauseJourney({ workspaceId: ws, id: paused, at: new Date("2026-04-01T10:30:00Z") });
    await resumeJourney({ workspaceId: ws, id: paused, at: new Date("2026-04-01T11:30:00Z") });
    const answer = await whyNot(paused, `profileId=free&at=${T0}`);
    expect(answer.blockedBy).toBe("journey");
    expect(answer.gates[0].detail).toMatch(
      /^Their trigger happened at 2026-04-01T11:00:00.000Z, while the journey was paused/,
    );
    const during = await whyNot(paused, "profileId=free&at=2026-04-01T11:15:00Z");
    expect(during.gates[0]).toMatchObject({ gate: "journey", passed: false });
  });

  it("dates a trait change by the identify that made the traits match, not a later repeat", async () => {
    const definition = oneMessageJourney("in_app");
    const tierGold = {
      ...definition,
      nodes: definition.nodes.map((n) =>
        n.type === "trigger"
          ? {
              ...n,
              trigger: {
                kind: "trait_change" as const,
                conditions: [
                  { kind: "trait" as const, path: "tier", operator: "eq" as const, value: "gold" },
                ],
              },
            }
          : n,
      ),
    };
    const journeyId = await publishAt(ws, "Became gold", tierGold);
    await pauseJourney({ workspaceId: ws, id: journeyId, at: new Date("2026-04-01T10:30:00Z") });
    await resumeJourney({ workspaceId: ws, id: journeyId, at: new Date("2026-04-01T11:30:00Z") });
    const clock = new FakeClock("2026-04-01T09:00:00Z");
    const stamp = (userId: string, tier: string, iso: string) => ({
      ...identify(userId, { tier }),
      timestamp: iso,
    });
    await send(
      clock,
      ws,
      [
        stamp("gold-paused", "silver", "2026-04-01T09:00:00Z"),
        // Became gold during the pause; the app identifies again after the resume.
        stamp("gold-paused", "gold", "2026-04-01T10:45:00Z"),
        stamp("gold-paused", "gold", "2026-04-01T11:45:00Z"),
        stamp("gold-live", "silver", "2026-04-01T09:00:00Z"),
        // Became gold while live; the repeat during the pause is no change.
        stamp("gold-live", "gold", "2026-04-01T10:15:00Z"),
        stamp("gold-live", "gold", "2026-04-01T10:45:00Z"),
      ],
      { evaluate: false },
    );
    const paused = await whyNot(journeyId, `profileId=gold-paused&at=${T0}`);
    expect(paused.blockedBy).toBe("journey");
    expect(paused.gates[0].detail).toMatch(
      /^Their trigger happened at 2026-04-01T10:45:00.000Z, while the journey was paused/,
    );
    const live = await whyNot(journeyId, `profileId=gold-live&at=${T0}`);
    expect(live.gates.find((g) => g.gate === "journey")).toMatchObject({ passed: true });
    expect(live.gates.find((g) => g.gate === "trigger")?.detail).toBe(
      "Their traits started to match the trigger at 2026-04-01T10:15:00.000Z",
    );
  });

  it("names re-entry when a once-only journey was already entered", async () => {
    const journeyId = await publishAt(ws, "Once", oneMessageJourney("in_app", {}, "Logged In"));
    const clock = new FakeClock("2026-04-01T09:00:00Z");
    await send(clock, ws, [track("free", "Logged In")]);
    clock.advance(2 * HOUR);
    await send(clock, ws, [track("free", "Logged In")]);
    const runs = await prisma.journeyRun.count({ where: { journeyId } });
    expect(runs).toBe(1);
    const answer = await whyNot(journeyId, `profileId=free&at=${T0}`);
    expect(answer.blockedBy).toBe("reentry");
    expect(answer.gates.find((g) => g.gate === "reentry")).toMatchObject({
      passed: false,
      detail: "Journey allows entry once per profile",
      actual: "1 earlier run",
    });
    // Asked before the second login, nothing blocked the first run.
    const before = await whyNot(journeyId, "profileId=free&at=2026-04-01T10:00:00Z");
    expect(before.blockedBy).toBe(null);
  });

  it("names the holdout for a profile assigned to it", async () => {
    const journeyId = await publishAt(
      ws,
      "Held",
      oneMessageJourney("in_app", { holdoutPercent: 50 }, "Upgraded"),
    );
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    const users = Array.from({ length: 24 }, (_, i) => `h${i}`);
    await send(
      clock,
      ws,
      users.map((u) => identify(u, { name: u })),
      { evaluate: false },
    );
    const ids = await Promise.all(users.map((u) => profileId(ws, u)));
    const heldIndex = ids.findIndex((id) => isInHoldout(id, journeyId, 50));
    const treatedIndex = ids.findIndex((id) => !isInHoldout(id, journeyId, 50));
    expect(heldIndex).toBeGreaterThanOrEqual(0);
    expect(treatedIndex).toBeGreaterThanOrEqual(0);
    const held = users[heldIndex];
    const treated = users[treatedIndex];
    await send(clock, ws, [track(held, "Upgraded"), track(treated, "Upgraded")], {
      evaluate: false,
    });

    const answer = await whyNot(journeyId, `profileId=${held}&at=${T0}`);
    expect(answer.blockedBy).toBe("holdout");
    expect(answer.gates.find((g) => g.gate === "holdout")?.detail).toMatch(/50% holdout/);
    expect(answer.path?.steps.map((s) => s.decision)).toContain("holdout");
    expect((await whyNot(journeyId, `profileId=${treated}&at=${T0}`)).blockedBy).toBe(null);
  });
});
