import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { WhyNotJson } from "@/lib/explain/explain-types";
import type { Member } from "@/lib/generated/prisma/client";
import {
  FakeClock,
  identify,
  profileId,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { ctx, get, oneMessageJourney, ownedWorkspace, publishAt } from "./explain-fixtures";

// "Why not?" names the delivery gate that holds a message — the frequency
// budget, quiet hours, suppression, unsubscribe — each from seeded data, and
// answers bad input with 400 (naming the field) or 404.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET } = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/why-not/route");

let owner: Member;
let ws: string;
let emailJourney: string;
let inAppJourney: string;

async function call(journeyId: string, query: string, workspaceId = ws) {
  session.member = owner;
  const response = await GET(
    get(`/api/w/${workspaceId}/journeys/${journeyId}/why-not?${query}`),
    ctx({ workspaceId, journeyId }),
  );
  return { status: response.status, body: await response.json() };
}

async function whyNot(journeyId: string, query: string): Promise<WhyNotJson> {
  const { status, body } = await call(journeyId, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.whyNot;
}

const gate = (answer: WhyNotJson, name: string) => answer.gates.find((g) => g.gate === name);

beforeAll(async () => {
  ({ workspaceId: ws, owner } = await ownedWorkspace("Why not delivery"));
  emailJourney = await publishAt(ws, "Email", oneMessageJourney("email"));
  inAppJourney = await publishAt(ws, "In-app", oneMessageJourney("in_app", {}, "Viewed"));
  const clock = new FakeClock("2026-04-01T08:00:00Z");
  const people = ["busy", "night", "bounced", "unsub", "fine"];
  await send(
    clock,
    ws,
    people.map((u) => identify(u, { name: u, email: `${u}@example.com` })),
    { evaluate: false },
  );
});

describe("why not: delivery rules", () => {
  it("names the frequency budget when their recent messages fill it", async () => {
    await setRules(ws, { frequency: { windowHours: 24, max: 2, onLimit: "skip" } });
    const id = await profileId(ws, "busy");
    for (const hour of [9, 10]) {
      await prisma.message.create({
        data: {
          workspaceId: ws,
          profileId: id,
          channel: "in_app",
          status: "sent",
          idempotencyKey: `seed-${hour}`,
          source: "api",
          rendered: {},
          createdAt: new Date(`2026-04-01T${String(hour).padStart(2, "0")}:00:00Z`),
        },
      });
    }
    const clock = new FakeClock("2026-04-01T11:00:00Z");
    await send(clock, ws, [track("busy", "Viewed")], { evaluate: false });
    const answer = await whyNot(inAppJourney, "profileId=busy&at=2026-04-01T11:30:00Z");
    expect(answer.blockedBy).toBe("frequency");
    expect(gate(answer, "frequency")).toMatchObject({
      passed: false,
      detail: "2 messages in the last 24 h (limit 2): skipped",
      actual: "2 (2 in_app)",
    });
    // The budget is checked when the message was due (11:00), not when asked.
    const later = await whyNot(inAppJourney, "profileId=busy&at=2026-04-03T11:30:00Z");
    expect(later.blockedBy).toBe("frequency");
    // A budget of 3 has room.
    await setRules(ws, { frequency: { windowHours: 24, max: 3, onLimit: "skip" } });
    expect((await whyNot(inAppJourney, "profileId=busy&at=2026-04-01T11:30:00Z")).blockedBy).toBe(
      null,
    );
    await setRules(ws, {});
  });

  it("names quiet hours for an email due at night in their timezone", async () => {
    await setRules(ws, {
      quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
    });
    const clock = new FakeClock("2026-04-01T22:30:00Z");
    await send(clock, ws, [track("night", "Signed Up")], { evaluate: false });
    const answer = await whyNot(emailJourney, "profileId=night&at=2026-04-01T22:45:00Z");
    expect(answer.blockedBy).toBe("quiet_hours");
    expect(gate(answer, "quiet_hours")).toMatchObject({
      passed: false,
      expected: "outside 21:00–08:00",
      actual: "22:30 in UTC",
    });
    expect(gate(answer, "quiet_hours")?.detail).toContain(
      "deferred until 2026-04-02T08:00:00.000Z",
    );
    expect(gate(answer, "quiet_hours")?.timeZone).toBe("UTC");
    expect(answer.path?.outcome).toMatchObject({ kind: "waiting", timeZone: "UTC" });
    // After 08:00 the deferred email has gone out.
    const morning = await whyNot(emailJourney, "profileId=night&at=2026-04-02T09:00:00Z");
    expect(morning.blockedBy).toBe(null);
    expect(morning.path?.messages.map((m) => m.at)).toEqual(["2026-04-02T08:00:00.000Z"]);
    await setRules(ws, {});
  });

  it("judges quiet hours in the timezone their device reported then, not the one it reports now", async () => {
    await setRules(ws, {
      quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
    });
    // 23:30 on 1 April in New York (05:30 in Berlin), then days later from Berlin.
    const clock = new FakeClock("2026-04-02T03:30:00Z");
    await send(clock, ws, [identify("nomad", { email: "nomad@example.com" })], {
      evaluate: false,
    });
    const newYork = { context: { timezone: "America/New_York" } };
    await send(clock, ws, [{ ...track("nomad", "Signed Up"), ...newYork }], { evaluate: false });
    clock.set("2026-04-05T12:00:00Z");
    const berlin = { context: { timezone: "Europe/Berlin" } };
    await send(clock, ws, [{ ...track("nomad", "Viewed Page"), ...berlin }], { evaluate: false });
    expect(
      (await prisma.profile.findFirst({ where: { workspaceId: ws, userId: "nomad" } }))?.timezone,
    ).toBe("Europe/Berlin");

    const answer = await whyNot(emailJourney, "profileId=nomad&at=2026-04-02T03:45:00Z");
    expect(gate(answer, "quiet_hours")).toMatchObject({
      passed: false,
      actual: "23:30 in America/New_York",
    });
    expect(gate(answer, "quiet_hours")?.detail).toContain(
      "deferred until 2026-04-02T12:00:00.000Z",
    );
    // Its times read in that zone (New York's), not in today's (Berlin) or the viewer's.
    expect(gate(answer, "quiet_hours")?.timeZone).toBe("America/New_York");
    expect(answer.profile.timeZone).toBe("Europe/Berlin");
    const deferred = answer.path?.steps.find((s) => s.decision === "deferred");
    expect(deferred).toMatchObject({
      timeZone: "America/New_York",
      data: { rule: "quiet_hours", timeZone: "America/New_York" },
    });
    // The other steps are not about the profile's clock: no zone of their own.
    expect(answer.path?.steps.find((s) => s.decision === "entered")?.timeZone).toBeUndefined();
    await setRules(ws, {});
  });

  it("names suppression, and only from when the address was suppressed", async () => {
    await prisma.suppression.create({
      data: {
        workspaceId: ws,
        email: "bounced@example.com",
        reason: "bounce",
        createdAt: new Date("2026-04-01T10:00:00Z"),
      },
    });
    const clock = new FakeClock("2026-04-01T11:00:00Z");
    await send(clock, ws, [track("bounced", "Signed Up")], { evaluate: false });
    const answer = await whyNot(emailJourney, "profileId=bounced&at=2026-04-01T12:00:00Z");
    expect(answer.blockedBy).toBe("suppression");
    expect(gate(answer, "suppression")).toMatchObject({ passed: false, actual: "suppressed" });
    expect(gate(answer, "unsubscribe")?.passed).toBe(true);
  });

  it("names unsubscribe, and not before they unsubscribed", async () => {
    const id = await profileId(ws, "unsub");
    await prisma.profile.update({
      where: { id },
      data: { unsubscribedAt: new Date("2026-04-01T10:30:00Z") },
    });
    const clock = new FakeClock("2026-04-01T09:00:00Z");
    await send(clock, ws, [track("unsub", "Signed Up")], { evaluate: false });
    clock.set("2026-04-01T11:00:00Z");
    await send(clock, ws, [track("unsub", "Signed Up")], { evaluate: false });
    const answer = await whyNot(emailJourney, "profileId=unsub&at=2026-04-01T12:00:00Z");
    expect(answer.blockedBy).toBe("unsubscribe");
    expect(gate(answer, "unsubscribe")).toMatchObject({ passed: false, actual: "unsubscribed" });
    const before = await whyNot(emailJourney, "profileId=unsub&at=2026-04-01T10:00:00Z");
    expect(before.blockedBy).toBe(null);
  });
});

describe("why not: bad input", () => {
  it("answers 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["at=2026-04-01T12:00:00Z", "profileId"],
      ["profileId=fine&at=yesterday", "at"],
      ["profileId=fine&nodeId=no%20spaces", "nodeId"],
      ["profileId=fine&nodeId=missing", "nodeId"],
      ["profileId=fine&nodeId=trigger", "nodeId"],
      ["profileId=fine&extra=1", "(root)"],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await call(emailJourney, query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message.startsWith(`${field}:`), body.error.message).toBe(true);
    }
  });

  it("404s an unknown profile or journey, and another workspace's journey", async () => {
    expect((await call(emailJourney, "profileId=nobody")).status).toBe(404);
    expect((await call("missing-journey", "profileId=fine")).status).toBe(404);
    const other = await ownedWorkspace("Elsewhere");
    const theirs = await publishAt(other.workspaceId, "Theirs", oneMessageJourney("email"));
    const cross = await call(theirs, "profileId=fine");
    expect(cross.status).toBe(404);
    expect(cross.body.error.message).toBe("Journey not found.");
    expect((await call(theirs, "profileId=fine", other.workspaceId)).status).toBe(404);
  });
});
