import type { Prisma } from "@/lib/generated/prisma/client";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { listenedEventNames } from "@/lib/journey-core/listened-event-names";

// journey_triggers holds one row per *live* journey, keyed for lookup by
// (workspace, kind, event name). Ingestion-time evaluation reads only rows
// matching the event, so a journey that is not listening costs nothing.
// Going live also records the version's listened event names
// (journey_event_names), which decide what ingestion hands the engine.

type Tx = Prisma.TransactionClient;

export async function installTrigger(
  tx: Tx,
  journey: { id: string; workspaceId: string },
  version: { id: string; definition: JourneyDefinition },
): Promise<void> {
  const names = listenedEventNames(version.definition);
  if (names.length > 0) {
    await tx.journeyEventName.createMany({
      data: names.map((eventName) => ({
        workspaceId: journey.workspaceId,
        eventName,
        journeyId: journey.id,
      })),
      skipDuplicates: true,
    });
  }
  const trigger = indexJourney(version.definition).trigger?.trigger;
  if (!trigger) return;
  const eventName = trigger.kind === "trait_change" ? null : (trigger.event ?? null);
  const row = {
    workspaceId: journey.workspaceId,
    versionId: version.id,
    kind: trigger.kind,
    eventName,
  };
  await tx.journeyTrigger.upsert({
    where: { journeyId: journey.id },
    create: { journeyId: journey.id, ...row },
    update: row,
  });
}

export async function removeTrigger(
  tx: Tx,
  journey: { id: string; workspaceId: string },
): Promise<void> {
  await tx.journeyTrigger.deleteMany({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId },
  });
}
