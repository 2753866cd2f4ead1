import "server-only";
import { prisma } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-record";
import { CountCache, type TriggerRef } from "@/lib/engine/load-counts";
import { assertNever } from "@/lib/journey-core/assert-never";
import type {
  EventTrigger,
  JourneyDefinition,
  TraitChangeTrigger,
} from "@/lib/journey-core/definition";
import { matchesWhere } from "@/lib/journey-core/evaluate-condition";
import type { JourneyEvent, ProfileFacts } from "@/lib/journey-core/facts";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import {
  inactivityDueAt,
  matchEventTrigger,
  matchInactivity,
  matchTraitChange,
  segmentTransitionEvent,
  traitsMatch,
} from "@/lib/journey-core/match-trigger";
import { lastChangeToMatching } from "@/lib/journey-core/trait-change-history";
import { triggerGate } from "./explain-gates";
import type { GateResult } from "./explain-types";

// The first "why not?" gate: did the trigger fire by `at`, and when. The
// verdict is the core's matcher (matchEventTrigger with the counts the engine
// would load, matchTraitChange, matchInactivity); this file finds the signal
// to ask it about. When the trigger did not fire, the rest of the gates are
// evaluated as if it fired at `at` (marked hypothetical).

export interface EntryPoint {
  gate: GateResult;
  /** When the journey is (or would be) entered. */
  at: Date;
  /** The stored trigger event the run entered on (event triggers). */
  event: JourneyEvent | null;
  /** That event's context.timezone as sent (replayed into the profile). */
  contextTimezone?: unknown;
  /** The trigger did not fire: the entry is a synthetic trigger at `at`. */
  hypothetical: boolean;
  /** When the engine saw the trigger (an event's receivedAt: events are evaluated on arrival). */
  seenAt: Date;
}

const MAX_CANDIDATES = 200;
/** Identifies replayed to date a trait change; beyond it the last identify stands in. */
const MAX_IDENTIFIES = 5_000;

async function eventEntry(
  workspaceId: string,
  profileId: string,
  definition: JourneyDefinition,
  trigger: EventTrigger,
  at: Date,
): Promise<EntryPoint> {
  // First-time triggers enter on the first matching event ever; others on the latest.
  const direction = trigger.firstTimeOnly ? "asc" : "desc";
  const rows = await prisma.event.findMany({
    where: { workspaceId, profileId, type: "track", name: trigger.event, timestamp: { lte: at } },
    orderBy: [{ timestamp: direction }, { receivedAt: direction }, { id: direction }],
    take: MAX_CANDIDATES,
    select: { id: true, properties: true, context: true, timestamp: true, receivedAt: true },
  });
  if (rows.length === 0) {
    return {
      gate: {
        gate: "trigger",
        passed: false,
        detail: `No "${trigger.event}" event on or before ${at.toISOString()}`,
        expected: `a "${trigger.event}" event`,
        actual: "none",
      },
      at,
      event: null,
      hypothetical: true,
      seenAt: at,
    };
  }
  const chosen =
    rows.find((row) => matchesWhere(trigger.where, asRecord(row.properties)).pass) ?? rows[0];
  const event: JourneyEvent = {
    name: trigger.event,
    properties: asRecord(chosen.properties),
    timestamp: chosen.timestamp,
  };
  const ref: TriggerRef = {
    eventId: chosen.id,
    timestamp: chosen.timestamp,
    receivedAt: chosen.receivedAt,
  };
  const counts = await new CountCache(prisma).countsFor(definition, {
    workspaceId,
    profileId,
    now: chosen.timestamp,
    trigger: ref,
  });
  const match = matchEventTrigger(trigger, event, counts);
  const when = chosen.timestamp.toISOString();
  if (!match.match) {
    return { gate: triggerGate(match), at, event: null, hypothetical: true, seenAt: at };
  }
  return {
    gate: {
      ...triggerGate(match, `${match.reason} at ${when}`),
      actual: event.properties,
      event: { at: when, receivedAt: chosen.receivedAt.toISOString() },
    },
    at: chosen.timestamp,
    event,
    contextTimezone: asRecord(chosen.context).timezone,
    hypothetical: false,
    seenAt: chosen.receivedAt,
  };
}

/**
 * The identify at which the profile's traits last started to match the
 * trigger (as the engine judges each identify: lastChangeToMatching), or,
 * when its identifies alone do not say (traits merged from another profile,
 * more identifies than are replayed), its last identify, not `exact`.
 */
async function lastTraitChange(
  workspaceId: string,
  profileId: string,
  trigger: TraitChangeTrigger,
  at: Date,
): Promise<{ timestamp: Date; receivedAt: Date; exact: boolean } | null> {
  const rows = await prisma.event.findMany({
    where: { workspaceId, profileId, type: "identify", timestamp: { lte: at } },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
    take: MAX_IDENTIFIES + 1,
    select: { traits: true, timestamp: true, receivedAt: true },
  });
  const calls = rows.map((row) => ({
    type: "identify" as const,
    at: row.timestamp,
    traits: asRecord(row.traits),
  }));
  const changed = rows.length <= MAX_IDENTIFIES ? lastChangeToMatching(trigger, calls, at) : null;
  const row = changed
    ? rows.findLast((r) => r.timestamp.getTime() === changed.getTime())
    : rows.at(-1);
  if (!row) return null;
  return { timestamp: row.timestamp, receivedAt: row.receivedAt, exact: changed !== null };
}

async function lastTrackedAt(
  workspaceId: string,
  profileId: string,
  at: Date,
  name: string | undefined,
): Promise<Date | null> {
  const row = await prisma.event.findFirst({
    where: { workspaceId, profileId, type: "track", timestamp: { lte: at }, ...(name && { name }) },
    orderBy: { timestamp: "desc" },
    select: { timestamp: true },
  });
  return row?.timestamp ?? null;
}

export async function resolveEntry(input: {
  workspaceId: string;
  journeyId: string;
  facts: ProfileFacts;
  definition: JourneyDefinition;
  at: Date;
}): Promise<EntryPoint> {
  const { workspaceId, journeyId, facts, definition, at } = input;
  const trigger = indexJourney(definition).trigger?.trigger;
  if (!trigger) {
    const gate = { gate: "trigger", passed: false, detail: "The journey has no trigger" } as const;
    return { gate, at, event: null, hypothetical: true, seenAt: at };
  }
  switch (trigger.kind) {
    case "event":
      return eventEntry(workspaceId, facts.id, definition, trigger, at);
    case "segment": {
      // The segment's recorded transition is the trigger event (match-trigger.ts).
      const name = segmentTransitionEvent(trigger.on);
      const where = [
        {
          kind: "property" as const,
          path: "segmentId",
          operator: "eq" as const,
          value: trigger.segmentId,
        },
      ];
      const entry = await eventEntry(
        workspaceId,
        facts.id,
        definition,
        { kind: "event", event: name, where },
        at,
      );
      if (entry.gate.passed || entry.event) return entry;
      const verb = trigger.on === "entry" ? "entered" : "left";
      const detail = `Never ${verb} segment "${trigger.segmentId}" on or before ${at.toISOString()}`;
      return { ...entry, gate: { ...entry.gate, detail } };
    }
    case "trait_change": {
      if (!traitsMatch(trigger, facts.traits)) {
        const gate = triggerGate(matchTraitChange(trigger, false, facts.traits));
        return { gate, at, event: null, hypothetical: true, seenAt: at };
      }
      const change = await lastTraitChange(workspaceId, facts.id, trigger, at);
      const when = change?.timestamp ?? at;
      const detail = change?.exact
        ? `Their traits started to match the trigger at ${when.toISOString()}`
        : `Their traits match the trigger (entry assumed at their last identify, ${when.toISOString()})`;
      return {
        gate: { gate: "trigger", passed: true, detail },
        at: when,
        event: null,
        hypothetical: false,
        seenAt: change?.receivedAt ?? at,
      };
    }
    case "inactivity": {
      const lastActivity =
        (await lastTrackedAt(workspaceId, facts.id, at, trigger.event)) ?? facts.firstSeenAt;
      const fire = await prisma.inactivityFire.findUnique({
        where: { journeyId_profileId: { journeyId, profileId: facts.id } },
        select: { lastFiredAt: true },
      });
      const lastFired = fire && fire.lastFiredAt <= at ? fire.lastFiredAt : null;
      if (lastFired && lastFired >= lastActivity) {
        const detail = `Fired at ${lastFired.toISOString()} (no activity since ${lastActivity.toISOString()})`;
        return {
          gate: { gate: "trigger", passed: true, detail },
          at: lastFired,
          event: null,
          hypothetical: false,
          seenAt: lastFired,
        };
      }
      const match = matchInactivity(trigger, lastActivity, lastFired, at);
      if (!match.match)
        return { gate: triggerGate(match), at, event: null, hypothetical: true, seenAt: at };
      const due = inactivityDueAt(trigger, lastActivity);
      // A newly published inactivity journey takes everyone already lapsed: seen now.
      return { gate: triggerGate(match), at: due, event: null, hypothetical: false, seenAt: at };
    }
    default:
      return assertNever(trigger);
  }
}
