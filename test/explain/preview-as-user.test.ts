import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { PreviewJson } from "@/lib/explain/explain-types";
import type { Member, Prisma } from "@/lib/generated/prisma/client";
import {
  DAY,
  FakeClock,
  identify,
  publishDefinition,
  send,
  track,
} from "@/test/engine/engine-fixtures";
import { addViewer, ctx, get, ownedWorkspace, signupJourney } from "./explain-fixtures";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET } = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/preview/route");

let ws: string;
let owner: Member;
let journeyId: string;

async function preview(query: string, journey = journeyId, workspace = ws) {
  const response = await GET(
    get(`/api/w/${workspace}/journeys/${journey}/preview?${query}`),
    ctx({ workspaceId: workspace, journeyId: journey }),
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      preview: PreviewJson;
      error?: { code: string; message: string; details?: unknown };
    },
  };
}

beforeAll(async () => {
  ({ workspaceId: ws, owner } = await ownedWorkspace("Preview"));
  journeyId = await publishDefinition(ws, "Signup", signupJourney());
  // Two days ago: Ada (free) and Bob (pro) sign up; Cy never does.
  const clock = new FakeClock(new Date(Date.now() - 2 * DAY).toISOString());
  await send(
    clock,
    ws,
    [
      identify("ada", { name: "Ada", plan: "free", email: "ada@example.com" }),
      identify("bob", { name: "Bob", plan: "pro", email: "bob@example.com" }),
      identify("cy", { name: "Cy", plan: "free", email: "cy@example.com" }),
    ],
    { evaluate: false },
  );
  clock.advance(60_000);
  await send(clock, ws, [track("ada", "Signed Up", { source: "ads" }), track("bob", "Signed Up")], {
    evaluate: false,
  });
});

describe("GET …/journeys/:id/preview", () => {
  it("walks Ada's path with the reason at each step and renders both messages with her traits", async () => {
    session.member = owner;
    const { status, body } = await preview("profileId=ada");
    expect(status).toBe(200);
    const { preview: p } = body;
    expect(p.journey).toMatchObject({ id: journeyId, source: "live", version: 1 });
    expect(p.profile).toMatchObject({ userId: "ada", name: "Ada" });
    expect(p.runs).toHaveLength(1);
    const [run] = p.runs;
    expect(run.steps.map((s) => [s.nodeId, s.decision])).toEqual([
      ["trigger", "entered"],
      ["free-only", "passed"],
      ["welcome", "sent"],
      ["one-day", "waiting"],
      ["one-day", "passed"],
      ["tip", "sent"],
      ["end", "exited"],
    ]);
    expect(run.steps[1]).toMatchObject({
      label: "Free plan only",
      nodeType: "filter",
      reason: "Filter passed",
    });
    expect(run.messages.map((m) => m.nodeId)).toEqual(["welcome", "tip"]);
    const email = run.messages[0].rendered;
    expect(email?.channel).toBe("email");
    if (email?.channel === "email") {
      expect(email.email.subject).toBe("Welcome, Ada");
      expect(email.email.preheader).toBe("Plan: free");
      expect(email.email.html).toContain("you came from ads");
    }
    const inApp = run.messages[1].rendered;
    expect(inApp?.channel === "in_app" && inApp.inApp.title).toBe("A tip for Ada");
    // The second message goes out a day after the first, on the simulated clock.
    expect(Date.parse(run.messages[1].at) - Date.parse(run.messages[0].at)).toBe(DAY);
    expect(p.outcome).toMatchObject({ kind: "completed", nodeId: "end" });
    expect(p.canTryNow).toBe(false);
  });

  it("names the filter that stops Bob, with his actual plan", async () => {
    session.member = owner;
    const { body } = await preview("profileId=bob&source=1");
    const { preview: p } = body;
    expect(p.journey.source).toBe("version");
    expect(p.runs[0].messages).toEqual([]);
    expect(p.outcome).toMatchObject({ kind: "filtered", nodeId: "free-only" });
    expect(p.outcome.kind === "filtered" && p.outcome.reason).toContain('"pro"');
  });

  it("says why Cy never entered, and offers (and runs) a trigger now", async () => {
    session.member = owner;
    const history = (await preview("profileId=cy")).body.preview;
    expect(history.runs).toEqual([]);
    expect(history.outcome).toEqual({
      kind: "not_entered",
      reason: 'No "Signed Up" event in the last 30 days',
    });
    expect(history.canTryNow).toBe(true);

    const now = (await preview("profileId=cy&mode=now")).body.preview;
    expect(now.mode).toBe("now");
    expect(now.assumption).toMatch(/^A "Signed Up" event at/);
    expect(now.runs[0].messages.map((m) => m.nodeId)).toEqual(["welcome", "tip"]);
    const email = now.runs[0].messages[0].rendered;
    expect(email?.channel === "email" && email.email.subject).toBe("Welcome, Cy");
  });

  it("previews the draft, and refuses a draft that would not publish with its issues", async () => {
    session.member = owner;
    const draft = await preview("profileId=ada&source=draft");
    expect(draft.status).toBe(200);
    expect(draft.body.preview.journey.source).toBe("draft");

    const broken = signupJourney();
    broken.edges = broken.edges.filter((e) => e.from !== "tip");
    await prisma.journey.update({
      where: { id: journeyId },
      data: { draft: broken as unknown as Prisma.InputJsonObject },
    });
    const refused = await preview("profileId=ada&source=draft");
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toMatch(/^The draft has 2 issues .*"tip"/);
    expect(refused.body.error?.details).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ nodeId: "tip" })]),
    });
    // The live version is unaffected.
    expect((await preview("profileId=ada")).status).toBe(200);
  });

  it("finds the profile by its uuid, userId or email", async () => {
    session.member = owner;
    const ada = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: ws, userId: "ada" },
    });
    for (const ref of [ada.id, "ada", "ada@example.com"]) {
      const { status, body } = await preview(`profileId=${encodeURIComponent(ref)}`);
      expect(status).toBe(200);
      expect(body.preview.profile.id).toBe(ada.id);
    }
  });

  it("answers 400 naming the field for a bad query", async () => {
    session.member = owner;
    const cases: [string, string][] = [
      ["", "profileId"],
      ["profileId=ada&source=v2", "source"],
      ["profileId=ada&mode=later", "mode"],
      ["profileId=ada&days=0", "days"],
      ["profileId=ada&days=1000", "days"],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await preview(query);
      expect(status, query).toBe(400);
      expect(body.error?.message.startsWith(`${field}:`), body.error?.message).toBe(true);
    }
  });

  it("404s an unknown profile, version or journey, and another workspace's journey", async () => {
    session.member = owner;
    expect((await preview("profileId=nobody")).status).toBe(404);
    expect((await preview("profileId=ada&source=9")).status).toBe(404);
    expect((await preview("profileId=ada", "no-such-journey")).status).toBe(404);
    const other = await ownedWorkspace("Other");
    const theirs = await publishDefinition(other.workspaceId, "Theirs", signupJourney());
    expect((await preview("profileId=ada", theirs)).status).toBe(404);
    expect((await preview("profileId=ada", theirs, other.workspaceId)).status).toBe(404);
  });

  it("asks what if now were T: the clock at T, only what was stored before it", async () => {
    session.member = owner;
    const ada = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: ws, userId: "ada" },
    });
    const signedUp = await prisma.event.findFirstOrThrow({
      where: { workspaceId: ws, name: "Signed Up", profileId: ada.id },
    });
    // Half a day after Ada's signup: the welcome went out, the tip is a day away.
    const halfDay = new Date(signedUp.timestamp.getTime() + DAY / 2).toISOString();
    const mid = (await preview(`profileId=ada&asOf=${encodeURIComponent(halfDay)}`)).body.preview;
    expect(mid.asOf).toBe(halfDay);
    expect(mid.window.to).toBe(halfDay);
    expect(mid.runs[0]?.messages.map((m) => m.nodeId)).toEqual(["welcome"]);
    expect(mid.outcome.kind).toBe("waiting");
    // Without asOf the same user has completed the journey.
    expect((await preview("profileId=ada")).body.preview.asOf).toBeNull();

    // Before the signup she never entered; "now" at that moment enters her then.
    const before = new Date(signedUp.timestamp.getTime() - 1_000).toISOString();
    const early = (await preview(`profileId=ada&asOf=${encodeURIComponent(before)}`)).body.preview;
    expect(early.runs).toEqual([]);
    const tryThen = (await preview(`profileId=ada&mode=now&asOf=${encodeURIComponent(before)}`))
      .body.preview;
    expect(tryThen.assumption).toContain(before.slice(0, 16));
    expect(tryThen.runs[0]?.enteredAt).toBe(before);
  });

  it("sees the profile's traits as they were at T", async () => {
    session.member = owner;
    const clock = new FakeClock(new Date(Date.now() - 2 * DAY).toISOString());
    await send(
      clock,
      ws,
      [identify("dee", { name: "Dee", plan: "free", email: "dee@example.com" })],
      { evaluate: false },
    );
    const free = new Date(clock.now().getTime() + 60_000).toISOString();
    clock.advance(DAY);
    await send(clock, ws, [identify("dee", { plan: "pro" })], { evaluate: false });
    const today = (await preview("profileId=dee&mode=now")).body.preview;
    expect(today.outcome).toMatchObject({ kind: "filtered", nodeId: "free-only" });
    const then = (await preview(`profileId=dee&mode=now&asOf=${encodeURIComponent(free)}`)).body
      .preview;
    expect(then.runs[0]?.messages.map((m) => m.nodeId)).toEqual(["welcome", "tip"]);
  });

  it("refuses an asOf that is not a time, before the profile existed, or years ahead", async () => {
    session.member = owner;
    const dee = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: ws, userId: "dee" },
    });
    const tooEarly = new Date(dee.firstSeenAt.getTime() - 60_000).toISOString();
    const tooLate = new Date(Date.now() + 2 * 366 * DAY).toISOString();
    for (const asOf of ["yesterday", "2026-13-01T00:00:00Z", tooEarly, tooLate]) {
      const { status, body } = await preview(`profileId=dee&asOf=${encodeURIComponent(asOf)}`);
      expect(status, asOf).toBe(400);
      expect(body.error?.message.startsWith("asOf:"), body.error?.message).toBe(true);
    }
    expect(
      (await preview(`profileId=dee&asOf=${encodeURIComponent(tooEarly)}`)).body.error?.message,
    ).toContain("first seen");
  });

  it("lets a viewer preview", async () => {
    session.member = await addViewer(ws);
    const { status } = await preview("profileId=ada");
    expect(status).toBe(200);
  });
});
