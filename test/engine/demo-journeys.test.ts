import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { archiveJourney } from "@/lib/journeys/archive-journey";
import { ensureDemoJourneys } from "@/lib/seed/ensure-demo-journeys";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// The demo workspace runs the first three templates live; the start script
// calls ensureDemoJourneys at every start, possibly from several processes.

describe("ensureDemoJourneys", () => {
  it("creates and publishes the first three templates once, even when called concurrently", async () => {
    const { workspaceId } = await createTestWorkspace("Demo");
    const results = await Promise.all([
      ensureDemoJourneys(workspaceId),
      ensureDemoJourneys(workspaceId),
    ]);
    expect(results.flatMap((r) => r.created).sort()).toEqual([
      "introduce-feature-on-first-use",
      "nudge-stalled-onboarding",
      "reengage-inactive-users",
    ]);
    const journeys = await prisma.journey.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
    });
    expect(journeys.map((j) => j.status)).toEqual(["live", "live", "live"]);
    const triggers = await prisma.journeyTrigger.findMany({ where: { workspaceId } });
    expect(triggers.map((t) => [t.kind, t.eventName]).sort()).toEqual([
      ["event", "Feature Used"],
      ["event", "Onboarding Step Completed"],
      ["inactivity", null],
    ]);

    // An operator's archive sticks: a later start does not bring it back.
    await archiveJourney({ workspaceId, id: journeys[0]!.id });
    expect(await ensureDemoJourneys(workspaceId)).toEqual({ created: [] });
    expect(await prisma.journey.count({ where: { workspaceId } })).toBe(3);
  });
});
