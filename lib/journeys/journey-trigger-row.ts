import type { RawDb } from "@/lib/db/sql";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { listenedEventNames } from "@/lib/journey-core/listened-event-names";
import { segmentTransitionEvent } from "@/lib/journey-core/match-trigger";

// journey_triggers holds one row per *live* journey, keyed for lookup by
// (workspace, kind, event name). Ingestion-time evaluation reads only rows
// matching the event, so a journey that is not listening costs nothing.
// Going live also records the version's listened event names
// (journey_event_names), which decide what ingestion hands the engine.

export async function installTrigger(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
  version: { id: string; definition: JourneyDefinition },
): Promise<void> {
  const names = listenedEventNames(version.definition);
  if (names.length > 0) {
    await tx.$executeRaw`
      INSERT INTO journey_event_names ("workspaceId", "eventName", "journeyId")
      SELECT ${journey.workspaceId}, name, ${journey.id} FROM unnest(${names}::text[]) AS name
      ON CONFLICT DO NOTHING`;
  }
  const trigger = indexJourney(version.definition).trigger?.trigger;
  if (!trigger) return;
  // A segment trigger is looked up as an event trigger on its transition event.
  const kind = trigger.kind === "segment" ? "event" : trigger.kind;
  const eventName =
    trigger.kind === "trait_change"
      ? null
      : trigger.kind === "segment"
        ? segmentTransitionEvent(trigger.on)
        : (trigger.event ?? null);
  await tx.$executeRaw`
    INSERT INTO journey_triggers ("journeyId", "workspaceId", "versionId", kind, "eventName")
    VALUES (${journey.id}, ${journey.workspaceId}, ${version.id}, ${kind}, ${eventName})
    ON CONFLICT ("journeyId") DO UPDATE SET "workspaceId" = excluded."workspaceId",
      "versionId" = excluded."versionId", kind = excluded.kind, "eventName" = excluded."eventName"`;
}

export async function removeTrigger(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM journey_triggers
    WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}`;
}
