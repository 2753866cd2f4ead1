import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { publishJourney } from "@/lib/journeys/publish-journey";
import {
  advanceTo,
  DAY,
  FakeClock,
  identify,
  profileId,
  send,
  track,
} from "@/test/engine/engine-fixtures";
import {
  ctx,
  get,
  ownedWorkspace,
  publishAt,
  signupJourney,
} from "@/test/explain/explain-fixtures";

// The canvas numbers: per node, runs that entered, wait there now, moved on,
// and messages sent — after real engine runs, for all versions or one.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET } = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/node-stats/route");

type Stats = Record<string, { entered: number; waiting: number; passed: number; sent: number }>;
let ws: string;
let journeyId: string;

async function stats(query = "") {
  const response = await GET(
    get(`/api/w/${ws}/journeys/${journeyId}/node-stats${query}`),
    ctx({ workspaceId: ws, journeyId }),
  );
  return { status: response.status, body: await response.json() };
}

async function nodes(query = ""): Promise<Stats> {
  const { status, body } = await stats(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.nodes;
}

const clock = new FakeClock("2026-04-01T10:00:00Z");

beforeAll(async () => {
  const owned = await ownedWorkspace("Node stats");
  ws = owned.workspaceId;
  session.member = owned.owner;
  journeyId = await publishAt(ws, "Signup", signupJourney());
  await send(clock, ws, [
    identify("a", { name: "A", plan: "free", email: "a@example.com" }),
    identify("b", { name: "B", plan: "free", email: "b@example.com" }),
    identify("c", { name: "C", plan: "free", email: "c@example.com" }),
    identify("p", { name: "P", plan: "pro", email: "p@example.com" }),
  ]);
  const c = await profileId(ws, "c");
  await prisma.profile.update({ where: { id: c }, data: { unsubscribedAt: clock.now() } });
  await send(
    clock,
    ws,
    ["a", "b", "c", "p"].map((u) => track(u, "Signed Up")),
  );
});

describe("GET …/journeys/:id/node-stats", () => {
  it("counts entered, waiting, passed and sent per node while runs wait", async () => {
    const n = await nodes();
    expect(n.trigger).toEqual({ entered: 4, waiting: 0, passed: 4, sent: 0 });
    expect(n["free-only"]).toEqual({ entered: 4, waiting: 0, passed: 3, sent: 0 });
    // C is unsubscribed: the channel skips their email, so 3 passed but 2 were sent.
    expect(n.welcome).toEqual({ entered: 3, waiting: 0, passed: 3, sent: 2 });
    expect(n["one-day"]).toEqual({ entered: 3, waiting: 3, passed: 0, sent: 0 });
    expect(n.tip).toEqual({ entered: 0, waiting: 0, passed: 0, sent: 0 });
  });

  it("moves the numbers on when the delay is over", async () => {
    await advanceTo(clock, new Date(clock.now().getTime() + DAY + 1000));
    const n = await nodes();
    expect(n["one-day"]).toEqual({ entered: 3, waiting: 0, passed: 3, sent: 0 });
    expect(n.tip).toEqual({ entered: 3, waiting: 0, passed: 3, sent: 3 });
    expect(n.end).toEqual({ entered: 3, waiting: 0, passed: 3, sent: 0 });
  });

  it("narrows to one version's runs", async () => {
    await publishJourney({ workspaceId: ws, id: journeyId, at: clock.now() });
    await send(clock, ws, [identify("d", { name: "D", plan: "free" }), track("d", "Signed Up")]);
    expect((await nodes()).trigger.entered).toBe(5);
    expect((await nodes("?version=1")).trigger.entered).toBe(4);
    expect(await nodes("?version=2")).toMatchObject({
      trigger: { entered: 1, passed: 1 },
      "one-day": { entered: 1, waiting: 1 },
    });
  });

  it("answers 400 for a bad version and 404 for a missing one or another workspace's journey", async () => {
    const bad = await stats("?version=latest");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^version:/);
    expect((await stats("?version=7")).status).toBe(404);
    const other = await ownedWorkspace("Other");
    const theirs = await publishAt(other.workspaceId, "Theirs", signupJourney());
    const response = await GET(
      get(`/api/w/${ws}/journeys/${theirs}/node-stats`),
      ctx({ workspaceId: ws, journeyId: theirs }),
    );
    expect(response.status).toBe(404);
  });
});
