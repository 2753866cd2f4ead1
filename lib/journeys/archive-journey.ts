import "server-only";
import { sqlTransaction } from "@/lib/db/sql";
import { cancelJourneyRuns } from "@/lib/engine/cancel-journey-runs";
import { type Clock, systemClock } from "@/lib/engine/clock";
import { type StatusChangeInput, transition } from "./change-journey-status";
import { journeyView } from "./get-journey-or-throw";
import type { JourneyJson } from "./journey-schemas";
import { removeTrigger } from "./journey-trigger-row";

// Archiving is final: no entries, and every run still in flight is
// cancelled through the core after the status commits
// (lib/engine/cancel-journey-runs.ts). Completed runs stop listening for
// late goals.

export async function archiveJourney(
  input: StatusChangeInput & {
    now?: Clock;
    log?: (line: string) => void;
  },
): Promise<JourneyJson & { cancelledRuns: number }> {
  const clock = input.now ?? systemClock;
  const journey = await sqlTransaction(async (tx) => {
    const archived = await transition(tx, input, "archived");
    await removeTrigger(tx, archived);
    await tx.$executeRaw`
      UPDATE journey_runs SET "goalUntil" = NULL, "updatedAt" = ${new Date()}::timestamp(3)
      WHERE "journeyId" = ${archived.id} AND "workspaceId" = ${archived.workspaceId}
        AND "goalUntil" IS NOT NULL`;
    return archived;
  });
  const cancelledRuns = await cancelJourneyRuns(journey, {
    now: clock,
    reason: "Journey archived",
    log: input.log,
  });
  return { ...(await journeyView(journey)), cancelledRuns };
}
