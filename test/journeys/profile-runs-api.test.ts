import { beforeAll, describe, expect, it } from "vitest";
import { GET as listJourneyRuns } from "@/app/api/v1/journeys/[id]/runs/route";
import { GET as listRuns } from "@/app/api/v1/profiles/[userId]/runs/route";
import { delayNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import {
  advanceTo,
  FakeClock,
  HOUR,
  publishDefinition,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { createRevokedSecretKey } from "@/test/fixtures/revoked-secret-key";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// GET /api/v1/profiles/{userId}/runs: the profile's journey runs with their
// traces (each step with its time, decision and reason) and the messages
// they sent, as the profile page shows them, with the secret key.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

let ws: TestWorkspace;
let other: TestWorkspace;
let onboarding: string;
let upgrade: string;
const T0 = "2026-03-02T09:00:00.000Z";

beforeAll(async () => {
  ws = await createTestWorkspace("Runs API");
  other = await createTestWorkspace("Other tenant");
  await setRules(ws.workspaceId, {});
  onboarding = await publishDefinition(
    ws.workspaceId,
    "Onboarding",
    lineJourney("Signed Up", [inAppNode("hello"), delayNode("wait-a-day", 24), inAppNode("tips")]),
  );
  upgrade = await publishDefinition(
    ws.workspaceId,
    "Upgrade",
    lineJourney("Trial Ending", [inAppNode("offer")]),
  );
  const clock = new FakeClock(T0);
  await send(clock, ws.workspaceId, [track("ada", "Signed Up")]);
  clock.advance(HOUR);
  await send(clock, ws.workspaceId, [track("ada", "Trial Ending")]);
  await advanceTo(clock, new Date(Date.parse(T0) + 25 * HOUR));
});

async function runs(userId: string, query = "", key = ws.secretKey) {
  const response = await listRuns(
    apiRequest(`/api/v1/profiles/${encodeURIComponent(userId)}/runs${query}`, key),
    ctx({ userId }),
  );
  return { status: response.status, body: (await response.json()) as Body };
}

describe("GET /api/v1/profiles/{userId}/runs", () => {
  it("lists the profile's runs newest first, each with its steps and times and the messages it sent", async () => {
    const { status, body } = await runs("ada");
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.runs.map((r: Body) => r.journey.id)).toEqual([upgrade, onboarding]);
    const run = body.runs[1];
    expect(run).toMatchObject({
      journey: { id: onboarding, name: "Onboarding" },
      version: 1,
      status: "completed",
      enteredAt: T0,
    });
    expect(run.trace.map((t: Body) => [t.nodeId, t.decision])).toEqual([
      ["trigger", "entered"],
      ["hello", "sent"],
      ["wait-a-day", "waiting"],
      ["wait-a-day", "passed"],
      ["tips", "sent"],
      ["end", "exited"],
    ]);
    // Each step by the name the builder shows, never its node id.
    expect(run.trace.map((t: Body) => t.step)).toEqual([
      "When Signed Up happens",
      "In-app message “Title hello”",
      "Wait 24 hours",
      "Wait 24 hours",
      "In-app message “Title tips”",
      "exit",
    ]);
    expect(run.trace[0].at).toBe(T0);
    // The day's wait shows in the times: the second message went out 24 hours later.
    expect(run.trace[2].at).toBe(T0);
    expect(run.trace[4].at).toBe(new Date(Date.parse(T0) + 24 * HOUR).toISOString());
    expect(run.trace.every((t: Body) => typeof t.reason === "string" && t.reason)).toBe(true);
    expect(run.messages.map((m: Body) => [m.nodeId, m.channel])).toEqual([
      ["hello", "in_app"],
      ["tips", "in_app"],
    ]);
  });

  it("pages with an opaque cursor", async () => {
    const first = await runs("ada", "?limit=1");
    expect(first.body.runs).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await runs("ada", `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.runs).toHaveLength(1);
    expect(second.body.runs[0].id).not.toBe(first.body.runs[0].id);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=many", "limit"],
    ["?cursor=garbage", "cursor"],
    ["?status=active", "(root)"],
  ])("refuses %s naming %s", async (query, field) => {
    const { status, body } = await runs("ada", query);
    expect(status).toBe(422);
    expect(body.error.details.issues.map((i: Body) => i.field)).toContain(field);
  });

  it("names a bad cursor the same way on a journey's runs", async () => {
    const response = await listJourneyRuns(
      apiRequest(`/api/v1/journeys/${onboarding}/runs?cursor=garbage`, ws.secretKey),
      ctx({ id: onboarding }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.details.issues[0].field).toBe("cursor");
  });

  it("is a 404 for an unknown user and from another workspace; 401 for a revoked key", async () => {
    expect((await runs("nobody")).status).toBe(404);
    expect((await runs("ada", "", other.secretKey)).status).toBe(404);
    const rotated = await createRevokedSecretKey();
    expect((await runs("ada", "", rotated.revoked)).status).toBe(401);
    expect((await runs("ada", "", "")).status).toBe(401);
  });
});
