import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { FakeClock, profileId, send, track } from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";

describe("GDPR erasure and backtests", () => {
  it("removes the profile's sample paths and keeps the rest", async () => {
    const { workspaceId } = await createTestWorkspace("Erase samples");
    await send(new FakeClock("2026-03-01T10:00:00Z"), workspaceId, [
      track("gone", "Joined"),
      track("kept", "Joined"),
    ]);
    const gone = await profileId(workspaceId, "gone");
    const kept = await profileId(workspaceId, "kept");
    const row = await prisma.backtest.create({
      data: {
        workspaceId,
        journeyId: "j",
        source: "draft",
        definition: {},
        windowFrom: new Date("2026-03-01"),
        windowTo: new Date("2026-03-02"),
        status: "done",
        counts: { entered: 2 },
        samplePaths: [
          { profileId: gone, userId: "gone", steps: [] },
          { profileId: kept, userId: "kept", steps: [] },
        ],
      },
    });
    await eraseProfile({ workspaceId, profileId: gone });
    const after = await prisma.backtest.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.samplePaths).toEqual([{ profileId: kept, userId: "kept", steps: [] }]);
    expect(after.counts).toEqual({ entered: 2 });
  });
});
