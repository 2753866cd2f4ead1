import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { drainEvents, FakeClock, publishDefinition, setRules } from "./engine-fixtures";

// The holdout through the shell (the 10,000-profile statistical check is in
// lib/journeys/assign-bucket.test.ts): held-out runs go through the journey,
// are traced "holdout", and send nothing.

describe("holdout", () => {
  it("holds out the configured share of 600 profiles, within 4 standard deviations", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Holdout");
    await setRules(ws, {});
    const journeyId = await publishDefinition(
      ws,
      "Held",
      lineJourney("Joined", [inAppNode("hello")], { holdoutPercent: 20 }),
    );
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    const n = 600;
    await ingestBatch({
      workspaceId: ws,
      receivedAt: clock.now(),
      items: Array.from({ length: n }, (_, i) => ({
        type: "track",
        userId: `h-${i}`,
        event: "Joined",
        messageId: randomUUID(),
        timestamp: clock.now().toISOString(),
      })),
    });
    await drainEvents(clock);
    const runs = await prisma.journeyRun.findMany({ where: { workspaceId: ws, journeyId } });
    expect(runs).toHaveLength(n);
    const held = runs.filter((r) => r.holdout).length;
    const sd = Math.sqrt(n * 0.2 * 0.8);
    expect(Math.abs(held - n * 0.2)).toBeLessThan(4 * sd);
    expect(await prisma.message.count({ where: { workspaceId: ws } })).toBe(n - held);
    expect(
      await prisma.runTrace.count({
        where: { workspaceId: ws, decision: "holdout", nodeId: "hello" },
      }),
    ).toBe(held);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
  });
});
