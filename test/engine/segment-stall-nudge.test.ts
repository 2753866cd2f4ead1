import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import { findTemplate } from "@/lib/journey-core/templates";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { startRouteServer } from "@/test/fixtures/route-server";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { runsOf, setRules, traceOf } from "./engine-fixtures";

// The stall nudge, driven by the unmodified @segment/analytics-node with its
// default batching: step 2 and, 1.5 s later, step 3 leave in one flush. The
// user who did step 3 inside the window is never nudged; the one who stalled is.

let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const batchSizes: number[] = [];
const quiet = () => {};

async function countingBatch(request: Request): Promise<Response> {
  const body = (await request.clone().json()) as { batch?: unknown[] };
  batchSizes.push(body.batch?.length ?? 0);
  return batch(request);
}

beforeAll(async () => {
  ws = await createTestWorkspace("Segment stall nudge");
  await setRules(ws.workspaceId, {});
  server = await startRouteServer({ "/api/v1/batch": { POST: countingBatch } });
});

afterAll(async () => {
  await server?.close();
});

async function engineAt(now: Date): Promise<void> {
  while ((await processEvents({ now: () => now, log: quiet, allowedLatenessMs: 0 })).events > 0) {}
  while (
    (await processDueRuns({ now: () => now, log: quiet, allowedLatenessMs: 0 })).claimed > 0
  ) {}
}

async function sentNodes(userId: string): Promise<string[]> {
  const [run] = await runsOf(ws.workspaceId, userId);
  if (!run) return [];
  const messages = await prisma.message.findMany({ where: { runId: run.id } });
  return messages.map((m) => m.nodeId ?? "").sort();
}

describe("the stall-nudge template with @segment/analytics-node batching", () => {
  it("the user who does step 3 within the window never gets the nudge", async () => {
    const template = findTemplate("nudge-stalled-onboarding");
    if (!template) throw new Error("template missing");
    const journey = await createJourney({
      workspaceId: ws.workspaceId,
      journey: {
        name: "Stall nudge",
        definition: template.definition as unknown as Record<string, unknown>,
      },
    });
    await publishJourney({
      workspaceId: ws.workspaceId,
      id: journey.id,
      at: new Date(Date.now() - 60_000),
    });

    // Library defaults (flushAt 15, flushInterval 10 s): nothing leaves until the flush.
    const analytics = new Analytics({
      writeKey: ws.writeKey,
      host: server.url,
      path: "/api/v1/batch",
    });
    const errors: unknown[] = [];
    analytics.on("error", (error) => errors.push(error));
    for (const userId of ["seg-finisher", "seg-staller"]) {
      analytics.identify({ userId, traits: { email: `${userId}@example.com`, name: userId } });
      analytics.track({ userId, event: "Onboarding Step Completed", properties: { step: 2 } });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    analytics.track({
      userId: "seg-finisher",
      event: "Onboarding Step Completed",
      properties: { step: 3 },
    });
    await analytics.closeAndFlush({ timeout: 20_000 });
    expect(errors).toEqual([]);
    expect(batchSizes).toEqual([5]); // one flush held the trigger and the event that ends the wait

    // The engine catches up well after the 24 h window (a lagging or restarted worker).
    await engineAt(new Date(Date.now() + 25 * 3_600_000));

    const [finisher] = await runsOf(ws.workspaceId, "seg-finisher");
    // Step 3 is also the journey's goal: the run converts while it waits, and never times out.
    expect(finisher).toMatchObject({ status: "converted" });
    const trace = await traceOf(finisher!.id);
    expect(trace).toContainEqual(["wait-step-3", "goal_reached"]);
    expect(trace).not.toContainEqual(["wait-step-3", "timed_out"]);
    expect(await sentNodes("seg-finisher")).toEqual([]);
    expect(await sentNodes("seg-staller")).toEqual(["nudge-email"]);
  });
});
