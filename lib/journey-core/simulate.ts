// A pure driver for the core: feed one profile's time-ordered events through
// one or more journeys on a fake clock and collect runs, sends and traces.
// Tests use it for end-to-end scenarios; preview and backtests will too.
//
// Semantics it shares with the shell:
// - Timers fire in time order between events; an event and a timer at the
//   same instant process the event first (a wait's deadline is inclusive).
// - An event goes to the profile's runs that listen for events (in progress,
//   or completed inside the goal window) before it is considered as an entry
//   trigger, so the entering event never counts toward its own run's goal.
// - Counting facts come from the events seen so far; all journeys share one
//   list of sends, so the workspace frequency budget spans them.
// - Inactivity fires at lastActivity + period, once per period (the last
//   fire is remembered whether or not re-entry let the profile in).
// - A webhook step is never called: its outcome is assumed "succeeded" at
//   the step's time, and the trace says so. An update-profile step's patch
//   is applied to the simulated profile as an identify at the step's time
//   (trait-change triggers of the other journeys see it; its own journey's
//   trigger does not, as live: see lib/engine/journey-profile-updates.ts).
// - History from before the simulation (`priorEvents`, `previousRuns`) is
//   only read: prior events count and mark activity, prior runs refuse
//   re-entry; neither is stepped. Preview and "why not" replay a window of a
//   real profile's history this way.

import { countAll } from "./count-events";
import { requiredCounts } from "./count-queries";
import { decideEntry, type EntryDecision, type EntrySignal } from "./decide-entry";
import type { JourneyDefinition } from "./definition";
import type { WorkspaceDeliveryRules } from "./delivery-rules";
import type { JourneyEvent, ProfileFacts, SentMessage } from "./facts";
import { indexJourney } from "./journey-graph";
import { acceptsEntries, type StatusChange, statusAt } from "./journey-status";
import { inactivityDueAt, type PreviousRun, traitsMatch } from "./match-trigger";
import {
  applyProfileCall,
  type ProfileCall,
  type ProfileValue,
  profileValueOf,
} from "./profile-merge";
import type {
  Effect,
  RunState,
  SendEffect,
  StepContext,
  StepInput,
  TraceEffect,
} from "./run-state";
import { isTerminal } from "./run-state";
import { enterJourney, listensForEvents, step } from "./step";

/** A stored call replayed; `contextTimezone` is its context.timezone as sent. */
export type SimEvent =
  | {
      type: "track";
      name: string;
      properties?: Record<string, unknown>;
      at: Date;
      contextTimezone?: unknown;
    }
  | { type: "identify"; traits: Record<string, unknown>; at: Date; contextTimezone?: unknown };

export interface SimJourney {
  journeyId: string;
  definition: JourneyDefinition;
  /**
   * The journey's status history (oldest first). Given, a trigger enters only
   * if the journey was live at the trigger's time, as live entry decides it;
   * omitted, the journey is live throughout (a backtest's "what if").
   */
  statusChanges?: readonly StatusChange[];
}

export interface SimulationInput {
  journeys: readonly SimJourney[];
  profile: ProfileFacts;
  events: readonly SimEvent[];
  deliveryRules?: WorkspaceDeliveryRules;
  /** Sends that happened before the simulation (for the budget). */
  sentBefore?: readonly SentMessage[];
  /** Process timers up to this instant; defaults to 60 days after the last event. */
  until?: Date;
  /** Tracked events before the simulation: counted (has done, first time) and activity, never evaluated. */
  priorEvents?: readonly JourneyEvent[];
  /**
   * Runs from before the simulation, for re-entry only. At each decision a
   * run counts if it entered by then, and as still going if it ended later.
   */
  previousRuns?: readonly (PreviousRun & { journeyId: string })[];
  /**
   * Tracked events from before `events` (a backtest's look-back): counted by
   * conditions and first-time triggers as if already seen, never replayed.
   */
  history?: readonly SimEvent[];
}

type Tagged<T> = T & { journeyId: string; runId: string };

export interface SimulationResult {
  runs: RunState[];
  effects: Tagged<{ at: Date; effect: Effect }>[];
  sends: Tagged<SendEffect & { at: Date }>[];
  traces: Tagged<TraceEffect>[];
  /** Entry decisions for signals of each journey's trigger kind (refusals included). */
  entries: { journeyId: string; at: Date; decision: EntryDecision }[];
  profile: ProfileFacts;
}

const DAY = 86_400_000;
const MAX_ITERATIONS = 100_000;

export function simulate(input: SimulationInput): SimulationResult {
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastAt = events.at(-1)?.at ?? input.profile.firstSeenAt;
  const until = input.until ?? new Date(lastAt.getTime() + 60 * DAY);
  const rules = input.deliveryRules ?? {};
  const profile: ProfileFacts = { ...input.profile, traits: { ...input.profile.traits } };
  let value = startValue(input.profile);
  const history = historyLog(input.history ?? []);
  if (history.length > 0) profile.lastSeenAt = (history.at(-1) as JourneyEvent).timestamp;
  const log: JourneyEvent[] = [...history, ...(input.priorEvents ?? [])].sort(
    (a, b) => a.timestamp.getTime() - b.timestamp.getTime(),
  );
  const sent: SentMessage[] = [...(input.sentBefore ?? [])];
  const runs: RunState[] = [];
  const active = new Map<string, number>(); // journeyId → index in runs
  const lastFired = new Map<string, Date>();
  const result: SimulationResult = {
    runs,
    effects: [],
    sends: [],
    traces: [],
    entries: [],
    profile,
  };
  let runCounter = 0;

  const context = (definition: JourneyDefinition, now: Date, triggerIndex = -1): StepContext => ({
    now,
    profile: { ...profile, traits: { ...profile.traits } },
    counts: countAll(requiredCounts(definition), log, now, triggerIndex),
    deliveryRules: rules,
    sentInWindow: sent,
  });

  const record = (
    journeyId: string,
    index: number,
    state: RunState,
    effects: Effect[],
    now: Date,
  ) => {
    const runId = state.runId;
    for (const effect of effects) {
      result.effects.push({ journeyId, runId, at: now, effect });
      if (effect.type === "trace") result.traces.push({ ...effect, journeyId, runId });
      if (effect.type === "send") {
        result.sends.push({ ...effect, at: now, journeyId, runId });
        const transactional = effect.channel === "email" && effect.content.transactional === true;
        sent.push({ at: now, channel: effect.channel, transactional });
      }
      if (effect.type === "webhook" && effect.countsAsMessage) {
        sent.push({ at: now, channel: "webhook" });
      }
    }
    runs[index] = state;
    if (isTerminal(state.status) && active.get(journeyId) === index) active.delete(journeyId);
  };

  // What a step's effects ask of the outside world, done at once in a replay.
  const followUp = (journey: SimJourney, index: number, effects: Effect[], now: Date) => {
    for (const effect of effects) {
      if (effect.type === "update_profile") applyUpdate(journey.journeyId, effect.traits, now);
    }
    const webhook = effects.find((e) => e.type === "webhook");
    if (webhook && webhook.type === "webhook") {
      const input: StepInput = {
        kind: "webhook_result",
        key: webhook.idempotencyKey,
        outcome: "succeeded",
        statusCode: null,
        body: "",
        error: null,
        attempts: 0,
        assumed: true,
      };
      stepRun(journey, index, input, now);
    }
  };

  const stepRun = (journey: SimJourney, index: number, input: StepInput, now: Date) => {
    const ctx = context(journey.definition, now);
    const { state, effects } = step(journey.definition, runs[index], input, ctx);
    record(journey.journeyId, index, state, effects, now);
    followUp(journey, index, effects, now);
  };

  const tryEnter = (journey: SimJourney, signal: EntrySignal, now: Date, triggerIndex = -1) => {
    const { journeyId, definition } = journey;
    const previousRuns: PreviousRun[] = [
      ...(input.previousRuns ?? [])
        .filter((r) => r.journeyId === journeyId && r.enteredAt <= now)
        .map((r) => ({
          enteredAt: r.enteredAt,
          endedAt: r.endedAt && r.endedAt <= now ? r.endedAt : null,
        })),
      ...runs.filter((r) => r.journeyId === journeyId),
    ];
    const ctx = context(definition, now, triggerIndex);
    let decision = decideEntry(definition, signal, {
      counts: ctx.counts,
      previousRuns,
      now,
      segmentIds: ctx.profile.segmentIds,
    });
    if (decision.enter && journey.statusChanges) {
      const { status } = statusAt(journey.statusChanges, now);
      if (!acceptsEntries(status)) {
        decision = { enter: false, reason: `The journey was ${status} at ${now.toISOString()}` };
      }
    }
    result.entries.push({ journeyId, at: now, decision });
    if (!decision.enter) return;
    runCounter += 1;
    const run = {
      runId: `${journeyId}:run-${runCounter}`,
      journeyId,
      versionId: `${journeyId}:v1`,
      profileId: profile.id,
      triggerEvent: decision.triggerEvent,
      now,
    };
    const { state, effects } = enterJourney(definition, run, ctx);
    runs.push(state);
    active.set(journeyId, runs.length - 1);
    record(journeyId, runs.length - 1, state, effects, now);
    followUp(journey, runs.length - 1, effects, now);
  };

  const triggerOf = (journey: SimJourney) => indexJourney(journey.definition).trigger?.trigger;

  // A named event: its last occurrence (firstSeenAt if never). Any activity:
  // the profile's last call of any kind (an identify counts), as the sweep reads it.
  const lastActivity = (eventName: string | undefined): Date => {
    let last: Date | null = eventName ? null : value.lastSeenAt;
    for (let i = log.length - 1; i >= 0; i--) {
      if (eventName && log[i].name !== eventName) continue;
      if (!last || log[i].timestamp > last) last = log[i].timestamp;
      break;
    }
    return last ?? profile.firstSeenAt;
  };

  /** The next instant an inactivity trigger would fire, if it has not fired for this period. */
  const inactivityDue = (journey: SimJourney): Date | null => {
    const trigger = triggerOf(journey);
    if (trigger?.kind !== "inactivity") return null;
    const since = lastActivity(trigger.event);
    const fired = lastFired.get(journey.journeyId);
    if (fired && fired >= since) return null;
    return inactivityDueAt(trigger, since);
  };

  /** An identify's traits: the merge, then trait-change triggers (not the source journey's). */
  const identify = (traits: Record<string, unknown>, now: Date, sourceJourneyId?: string) => {
    const previousTraits = profile.traits;
    value = applyProfileCall(value, { type: "identify", at: now, traits });
    Object.assign(profile, factsOfValue(profile, value));
    for (const journey of input.journeys) {
      if (journey.journeyId === sourceJourneyId) continue;
      const trigger = triggerOf(journey);
      if (trigger?.kind !== "trait_change") continue;
      const signal: EntrySignal = {
        kind: "trait_change",
        wasMatching: traitsMatch(trigger, previousTraits),
        currentTraits: { ...profile.traits },
      };
      tryEnter(journey, signal, now);
    }
  };

  function applyUpdate(journeyId: string, traits: Record<string, unknown>, now: Date) {
    identify(traits, now, journeyId);
  }

  const processEvent = (event: SimEvent) => {
    const now = event.at;
    // The profile as ingestion makes it (lib/journey-core/profile-merge.ts).
    const previousTraits = profile.traits;
    value = applyProfileCall(value, simEventCall(event));
    Object.assign(profile, factsOfValue(profile, value));
    if (event.type === "identify") {
      for (const journey of input.journeys) {
        const trigger = triggerOf(journey);
        if (trigger?.kind !== "trait_change") continue;
        const signal: EntrySignal = {
          kind: "trait_change",
          wasMatching: traitsMatch(trigger, previousTraits),
          currentTraits: { ...profile.traits },
        };
        tryEnter(journey, signal, now);
      }
      return;
    }
    const tracked: JourneyEvent = {
      name: event.name,
      properties: event.properties ?? {},
      timestamp: now,
    };
    log.push(tracked);
    // Runs in progress, and completed runs still inside their goal window.
    for (const journey of input.journeys) {
      runs.forEach((run, index) => {
        if (run.journeyId !== journey.journeyId) return;
        if (!listensForEvents(journey.definition, run, now)) return;
        stepRun(journey, index, { kind: "event", event: tracked }, now);
      });
    }
    for (const journey of input.journeys) {
      const trigger = triggerOf(journey);
      if (trigger?.kind !== "event" || trigger.event !== tracked.name) continue;
      tryEnter(journey, { kind: "event", event: tracked }, now, log.length - 1);
    }
  };

  let nextEvent = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const eventAt = events[nextEvent]?.at.getTime() ?? Number.POSITIVE_INFINITY;
    let wakeAt = Number.POSITIVE_INFINITY;
    let waking: SimJourney | null = null;
    for (const journey of input.journeys) {
      const index = active.get(journey.journeyId);
      const at = index === undefined ? null : runs[index].wakeAt;
      if (at && at.getTime() < wakeAt) [wakeAt, waking] = [at.getTime(), journey];
    }
    let dueAt = Number.POSITIVE_INFINITY;
    let lapsed: SimJourney | null = null;
    for (const journey of input.journeys) {
      const due = inactivityDue(journey);
      if (due && due.getTime() < dueAt) [dueAt, lapsed] = [due.getTime(), journey];
    }
    const t = Math.min(eventAt, wakeAt, dueAt);
    if (!Number.isFinite(t) || t > until.getTime()) break;
    if (eventAt === t) {
      processEvent(events[nextEvent]);
      nextEvent += 1;
    } else if (waking && wakeAt === t) {
      stepRun(waking, active.get(waking.journeyId)!, { kind: "wake" }, new Date(t));
    } else if (lapsed) {
      const trigger = triggerOf(lapsed);
      const since = lastActivity(trigger?.kind === "inactivity" ? trigger.event : undefined);
      const signal: EntrySignal = {
        kind: "inactivity",
        lastActivityAt: since,
        lastFiredAt: lastFired.get(lapsed.journeyId) ?? null,
      };
      lastFired.set(lapsed.journeyId, new Date(t));
      tryEnter(lapsed, signal, new Date(t));
    }
  }
  return result;
}

/** A replayed event as the profile merge sees it. */
export function simEventCall(event: SimEvent): ProfileCall {
  return event.type === "identify"
    ? {
        type: "identify",
        at: event.at,
        traits: event.traits,
        contextTimezone: event.contextTimezone,
      }
    : { type: "track", at: event.at, contextTimezone: event.contextTimezone };
}

/**
 * The merge's starting value for a profile given as facts. Its lastSeenAt
 * starts empty: a replay's profile was last seen at its latest replayed call
 * (facts loaded today would say today).
 */
function startValue(profile: ProfileFacts): ProfileValue {
  return { ...profileValueOf(profile), lastSeenAt: null };
}

function factsOfValue(profile: ProfileFacts, value: ProfileValue): Partial<ProfileFacts> {
  return {
    traits: value.traits,
    email: value.email,
    timezone: value.timezone,
    contextTimezone: value.contextTimezone,
    firstSeenAt: value.firstSeenAt ?? profile.firstSeenAt,
    lastSeenAt: value.lastSeenAt ?? profile.lastSeenAt,
  };
}

/**
 * The profile as the simulation saw it at `at`: `profile` after every event
 * up to and including `at`, applied in time order as simulate applies them.
 */
export function profileAt(
  profile: ProfileFacts,
  events: readonly SimEvent[],
  at: Date,
): ProfileFacts {
  let value = startValue(profile);
  const upTo = events.filter((e) => e.at <= at).sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of upTo) value = applyProfileCall(value, simEventCall(event));
  return { ...profile, traits: { ...profile.traits }, ...factsOfValue(profile, value) };
}

function historyLog(history: readonly SimEvent[]): JourneyEvent[] {
  return history
    .filter((e): e is Extract<SimEvent, { type: "track" }> => e.type === "track")
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({ name: e.name, properties: e.properties ?? {}, timestamp: e.at }));
}

/** One journey, one profile: the common test and preview case. */
export function simulateJourney(
  definition: JourneyDefinition,
  profile: ProfileFacts,
  events: readonly SimEvent[],
  options: Omit<SimulationInput, "journeys" | "profile" | "events"> = {},
): SimulationResult {
  return simulate({
    journeys: [{ journeyId: "journey", definition }],
    profile,
    events,
    ...options,
  });
}
