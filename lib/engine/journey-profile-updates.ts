import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { writeEvents } from "@/lib/ingest/insert-events";
import type { JsonObject } from "@/lib/ingest/schemas";
import type { NormalizedMessage } from "@/lib/ingest/types";
import { normalizeEmail } from "@/lib/journey-core/profile-merge";
import type { ProfileUpdateEffect } from "@/lib/journey-core/run-state";
import { validTimezone } from "@/lib/journey-core/valid-timezone";

// An update-profile step's trait patch → an identify stored through
// ingestion's own write (writeEvents), inside the engine's transaction:
// the same merge as a tracked identify (per-key event time, null removes),
// the same event history (so "as of" reads, preview and backtests see it),
// and an engine_queue row while a trait-change journey is live, so other
// journeys' trait-change triggers fire as they would for an identify.
//
// The identify's messageId is `cue-step:` + the effect's idempotency key
// (run:node:arrival): a batch replayed after a crash writes nothing twice.
// Its properties carry `cue.journeyId`; the engine never lets an identify
// enter the journey whose step made it (process-events.ts), so a journey
// whose trigger watches the trait it changes cannot re-enter itself in a
// loop. Two journeys that trigger each other are still possible; their
// re-entry settings bound them as they bound any trigger.

export interface ProfileUpdateInput {
  workspaceId: string;
  profileId: string;
  journeyId: string;
  runId: string;
  effect: ProfileUpdateEffect;
}

export function stepIdentifyMessageId(idempotencyKey: string): string {
  return `cue-step:${idempotencyKey}`;
}

function identifyOf(input: ProfileUpdateInput, index: number): NormalizedMessage {
  const traits = input.effect.traits as JsonObject;
  const hasEmail = Object.hasOwn(traits, "email");
  const hasTimezone = Object.hasOwn(traits, "timezone");
  return {
    index,
    type: "identify",
    messageId: stepIdentifyMessageId(input.effect.idempotencyKey),
    userId: null,
    anonymousId: null,
    name: null,
    properties: {
      cue: { journeyId: input.journeyId, runId: input.runId, nodeId: input.effect.nodeId },
    },
    traits,
    context: { library: { name: "cue-journey-step" } },
    extra: null,
    timestamp: input.effect.at,
    sentAt: null,
    groupId: null,
    previousId: null,
    traitEmail: hasEmail ? normalizeEmail(traits.email) : null,
    traitTimezone: hasTimezone ? validTimezone(traits.timezone) : null,
    contextTimezoneReported: false,
    contextTimezone: null,
  };
}

/** Writes every update of a batch (one statement per workspace); returns whether the engine has new work. */
export async function writeProfileUpdates(
  tx: RawDb,
  inputs: readonly ProfileUpdateInput[],
  receivedAt: Date,
): Promise<boolean> {
  const byWorkspace = new Map<string, ProfileUpdateInput[]>();
  for (const input of inputs) {
    const list = byWorkspace.get(input.workspaceId) ?? [];
    list.push(input);
    byWorkspace.set(input.workspaceId, list);
  }
  let queued = false;
  for (const [workspaceId, list] of byWorkspace) {
    const sorted = [...list].sort((a, b) => a.effect.at.getTime() - b.effect.at.getTime());
    const messages = sorted.map(identifyOf);
    const profileOf = new Map(sorted.map((input, i) => [i, input.profileId]));
    const written = await writeEvents(tx, {
      workspaceId,
      receivedAt,
      messages,
      profileOf,
      rejections: [],
      evaluate: true,
    });
    if (written.inbox > 0) {
      queued = true;
      await tx.$executeRaw`SELECT pg_notify('cue_events', ${workspaceId})`;
    }
  }
  return queued;
}
