// One profile through the journey on a simulated clock: the same driver the
// engine's tests use (lib/journey-core/simulate.ts, which calls step and
// decideEntry), fed with the profile's stored events. Pure.

import type { JourneyDefinition } from "@/lib/journey-core/definition";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import type { JourneyEvent, ProfileFacts } from "@/lib/journey-core/facts";
import type { StatusChange } from "@/lib/journey-core/journey-status";
import {
  emptyProfileValue,
  foldProfileCalls,
  type ProfileCall,
  type ProfileValue,
} from "@/lib/journey-core/profile-merge";
import type { RunState, SendEffect, TraceEffect } from "@/lib/journey-core/run-state";
import { type SimEvent, simulate } from "@/lib/journey-core/simulate";
import { reachesGoal } from "@/lib/journey-core/step";

export interface StoredEvent {
  type: "track" | "identify";
  name: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown> | null;
  /** The call's context.timezone as sent. */
  contextTimezone?: unknown;
  timestamp: Date;
}

export interface ReplayInput {
  journeyId: string;
  definition: JourneyDefinition;
  rules: WorkspaceDeliveryRules;
  /** Facts at the start of the window (see profileAtWindowStart). */
  profile: ProfileFacts;
  /** The profile's events, in time order: history, window and after the window. */
  events: readonly StoredEvent[];
  from: Date;
  to: Date;
  /**
   * The journey's status history, to replay entries as live decided them
   * (only while live). Backtests omit it: they ask what the version would
   * have done had it been live for the whole window.
   */
  statusChanges?: readonly StatusChange[];
}

export interface ReplayedRun {
  state: RunState;
  traces: TraceEffect[];
  sends: (SendEffect & { at: Date })[];
  /** The goal was reached after the window, in the stored events. */
  convertedAfterWindow: boolean;
}

export interface ProfileReplay {
  profileId: string;
  runs: ReplayedRun[];
  /** Why matching trigger signals did not enter (re-entry, trigger conditions). */
  refusals: string[];
  /** Events replayed inside the window. */
  replayed: number;
}

/**
 * The profile at the window's start: every identify before the window (all
 * are loaded) and the loaded tracks folded by the profile merge, as
 * ingestion built it (profile-merge.ts). The device timezone starts from the
 * row's (tracks of other names are not loaded), and the rest comes from the
 * row as stored now.
 */
export function profileAtWindowStart(
  row: {
    id: string;
    contextTimezone: string | null;
    firstSeenAt: Date;
    unsubscribedAt: Date | null;
    suppressed: boolean;
    topicPreferences?: ProfileFacts["topicPreferences"];
    segmentIds?: string[];
  },
  events: readonly StoredEvent[],
  from: Date,
): ProfileFacts {
  const start: ProfileValue = {
    ...emptyProfileValue(),
    contextTimezone: row.contextTimezone,
    timezone: row.contextTimezone,
    firstSeenAt: row.firstSeenAt,
  };
  const before = events.filter((event) => event.timestamp < from).map(toProfileCall);
  const value = foldProfileCalls(start, before);
  return {
    id: row.id,
    traits: value.traits,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: value.lastSeenAt ?? row.firstSeenAt,
    timezone: value.timezone,
    contextTimezone: value.contextTimezone,
    email: value.email,
    unsubscribed: row.unsubscribedAt !== null && row.unsubscribedAt <= from,
    suppressed: row.suppressed,
    topicPreferences: row.topicPreferences ?? [],
    // Membership at the window's start, held through the replay (changes within it are not replayed).
    ...(row.segmentIds && { segmentIds: row.segmentIds }),
  };
}

function toProfileCall(event: StoredEvent): ProfileCall {
  return {
    type: event.type,
    at: event.timestamp,
    traits: event.traits,
    contextTimezone: event.contextTimezone,
  };
}

function toSimEvent(event: StoredEvent): SimEvent | null {
  const { contextTimezone, timestamp: at } = event;
  if (event.type === "identify") {
    return { type: "identify", traits: event.traits ?? {}, at, contextTimezone };
  }
  if (!event.name) return null;
  return { type: "track", name: event.name, properties: event.properties, at, contextTimezone };
}

export function replayProfile(input: ReplayInput): ProfileReplay {
  const { from, to } = input;
  const history: SimEvent[] = [];
  const window: SimEvent[] = [];
  const after: JourneyEvent[] = [];
  for (const event of input.events) {
    const at = event.timestamp;
    if (at < from) {
      if (event.type === "track" && event.name) history.push(toSimEvent(event) as SimEvent);
    } else if (at < to) {
      const sim = toSimEvent(event);
      if (sim) window.push(sim);
    } else if (event.type === "track" && event.name) {
      after.push({ name: event.name, properties: event.properties, timestamp: at });
    }
  }
  const result = simulate({
    journeys: [
      {
        journeyId: input.journeyId,
        definition: input.definition,
        ...(input.statusChanges && { statusChanges: input.statusChanges }),
      },
    ],
    profile: input.profile,
    events: window,
    history,
    deliveryRules: input.rules,
    // Timers due before the window ends fire; later ones are still pending at the end.
    until: new Date(to.getTime() - 1),
  });
  const runs = result.runs.map((state) => ({
    state,
    traces: result.traces.filter((t) => t.runId === state.runId),
    sends: result.sends.filter((s) => s.runId === state.runId),
    convertedAfterWindow:
      state.convertedAt === null && after.some((e) => reachesGoal(input.definition, state, e)),
  }));
  return {
    profileId: input.profile.id,
    runs,
    refusals: result.entries.filter((e) => !e.decision.enter).map((e) => e.decision.reason),
    replayed: window.length,
  };
}
