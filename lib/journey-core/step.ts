// THE functional core of the journey engine:
//   step(definition, state, input, ctx) → { state, effects }
// Pure: no I/O, no clock but ctx.now, no randomness (assignment is hashed),
// inputs are never mutated. Live traffic, backtests, preview and the
// "why didn't this user get it" explainer all run this same function.
//
// Rules it implements:
// - An event is checked against the goal first, from any blocked position
//   (delay, wait, deferred send): reaching it converts the run at once. A run
//   whose path already completed keeps counting a conversion until the goal
//   window closes (a journey of instant sends converts days later).
// - A wait ends on a matching event timestamped within [wait start, timeout];
//   a wake at or after the timeout takes the "timeout" exit.
// - A wake before `wakeAt` (or with nothing scheduled) does nothing, so the
//   shell may deliver wakes at least once.
// - Holdout runs traverse the same graph but record "holdout" instead of
//   sending; they still count for the goal.
// - A send effect is assumed delivered; the shell records failures. Its
//   idempotency key is run:node:arrival, stable across deferral retries and
//   replays of the same step, distinct for a later pass through a loop.

import {
  advanceFrom,
  attemptSend,
  attemptWebhook,
  finish,
  startWorking,
  trace,
  type Working,
} from "./advance-run";
import { assertNever } from "./assert-never";
import type { JourneyDefinition } from "./definition";
import { durationToMs } from "./definition";
import { matchesWhere } from "./evaluate-condition";
import type { JourneyEvent } from "./facts";
import { indexJourney } from "./journey-graph";
import {
  createRun,
  isTerminal,
  type NewRun,
  type RunState,
  type StepContext,
  type StepInput,
  type StepResult,
  type WebhookResult,
} from "./run-state";

function done(w: Working): StepResult {
  return { state: w.state, effects: w.effects };
}

function unchanged(state: RunState): StepResult {
  return { state, effects: [] };
}

function enter(w: Working): StepResult {
  const trigger = indexJourney(w.definition).trigger;
  if (!trigger) {
    trace(w, w.state.nodeId, "exited", "The journey has no trigger node");
    finish(w, "exited");
    return done(w);
  }
  const event = w.state.triggerEvent;
  const reason = event ? `Entered on "${event.name}"` : `Entered on ${trigger.trigger.kind}`;
  trace(w, trigger.id, "entered", reason, { holdout: w.state.holdout });
  if (w.state.holdout) {
    const reason = "In the holdout group: tracked for the goal, sent nothing";
    trace(w, trigger.id, "holdout", reason);
  }
  w.state.visits[trigger.id] = 1;
  advanceFrom(w, trigger.id, "next");
  return done(w);
}

/** The end of the goal window, or null when the goal has no window (or there is no goal). */
export function goalDeadline(definition: JourneyDefinition, state: RunState): Date | null {
  const within = definition.settings.goal?.within;
  return within ? new Date(state.enteredAt.getTime() + durationToMs(within)) : null;
}

/** Whether the event reaches the journey goal for this run, within its window. */
export function reachesGoal(
  definition: JourneyDefinition,
  state: RunState,
  event: JourneyEvent,
): boolean {
  const goal = definition.settings.goal;
  if (!goal || event.name !== goal.event) return false;
  if (event.timestamp < state.enteredAt) return false;
  const deadline = goalDeadline(definition, state);
  if (deadline && event.timestamp > deadline) return false;
  return matchesWhere(goal.where, event.properties).pass;
}

/**
 * Whether the shell should deliver the profile's events to this run: while
 * it is in progress, and after it completed until its goal window closes.
 */
export function listensForEvents(
  definition: JourneyDefinition,
  state: RunState,
  now: Date,
): boolean {
  if (state.status === "active" || state.status === "waiting") return true;
  const until = listensUntil(definition, state);
  return until !== null && now <= until;
}

/** How long after a wait timed out its late events are still traced as "late". */
export const LATE_EVENT_HORIZON_MS = 24 * 60 * 60 * 1000;

/**
 * Until when a finished run still listens for events (null: it doesn't): a
 * completed run inside its goal window can still convert, and one whose wait
 * timed out records events of that wait that arrive late, for a day.
 */
export function listensUntil(definition: JourneyDefinition, state: RunState): Date | null {
  if (state.status !== "completed" || state.convertedAt !== null) return null;
  const goal = goalDeadline(definition, state)?.getTime() ?? null;
  const late = state.timedOutWait
    ? state.timedOutWait.until.getTime() + LATE_EVENT_HORIZON_MS
    : null;
  if (goal === null && late === null) return null;
  return new Date(Math.max(goal ?? 0, late ?? 0));
}

/**
 * An event that belonged to a wait which has already timed out: it happened
 * inside the wait's window but reached the engine after the timeout fired
 * (a client that sent it late). Nothing is taken back; the trace says what it
 * would have changed. Events evaluated in time order never get here.
 */
function lateForWait(w: Working, event: JourneyEvent): StepResult | null {
  const past = w.state.timedOutWait;
  if (!past || event.name !== past.event) return null;
  if (event.timestamp < past.since || event.timestamp > past.until) return null;
  if (!matchesWhere(past.where, event.properties).pass) return null;
  const reason =
    `"${event.name}" happened at ${event.timestamp.toISOString()}, inside the wait, but arrived ` +
    `after it timed out at ${past.until.toISOString()}; in time it would have taken the "did" exit. ` +
    "Nothing already sent is taken back.";
  trace(w, past.nodeId, "late", reason, {
    event: event.name,
    timestamp: event.timestamp.toISOString(),
    timedOutAt: past.until.toISOString(),
    wouldHaveTaken: "did",
  });
  // Traced once: a second late copy of the same wait says nothing new.
  w.state.timedOutWait = null;
  return done(w);
}

function endsWait(state: RunState, event: JourneyEvent): boolean {
  const waiting = state.waitingFor;
  if (!waiting || event.name !== waiting.event) return false;
  if (event.timestamp < waiting.since) return false;
  if (state.wakeAt && event.timestamp > state.wakeAt) return false;
  return matchesWhere(waiting.where, event.properties).pass;
}

function receiveEvent(w: Working, event: JourneyEvent): StepResult {
  const { state } = w;
  const data = { event: event.name, timestamp: event.timestamp.toISOString() };
  if (reachesGoal(w.definition, state, event)) {
    trace(w, state.nodeId, "goal_reached", `Goal "${event.name}" reached`, data);
    state.convertedAt = event.timestamp;
    finish(w, "converted");
    return done(w);
  }
  if (state.waitingFor && endsWait(state, event)) {
    const waitNodeId = state.waitingFor.nodeId;
    trace(w, waitNodeId, "event_received", `"${event.name}" received`, data);
    Object.assign(state, { waitingFor: null, wakeAt: null });
    advanceFrom(w, waitNodeId, "did");
    return done(w);
  }
  return lateForWait(w, event) ?? unchanged(w.state);
}

/** A completed run still in its goal window records the conversion; its status stays. */
function receiveLateEvent(w: Working, event: JourneyEvent): StepResult {
  const { state } = w;
  const late = () => lateForWait(w, event) ?? unchanged(state);
  if (state.convertedAt !== null || !goalDeadline(w.definition, state)) return late();
  if (!reachesGoal(w.definition, state, event)) return late();
  const reason = `Goal "${event.name}" reached after the journey's path ended`;
  trace(w, state.nodeId, "goal_reached", reason, {
    event: event.name,
    timestamp: event.timestamp.toISOString(),
  });
  state.convertedAt = event.timestamp;
  return done(w);
}

function wake(w: Working): StepResult {
  const { state } = w;
  const node = indexJourney(w.definition).nodes.get(state.nodeId);
  if (!node) {
    trace(w, state.nodeId, "exited", `Node "${state.nodeId}" is not in this journey version`);
    finish(w, "exited");
    return done(w);
  }
  Object.assign(state, { wakeAt: null });
  switch (node.type) {
    case "delay":
      trace(w, node.id, "passed", "Delay over");
      advanceFrom(w, node.id, "next");
      return done(w);
    case "wait": {
      trace(w, node.id, "timed_out", `No "${node.event}" before the timeout`, {
        event: node.event,
      });
      const waited = state.waitingFor;
      state.timedOutWait = waited?.nodeId === node.id ? { ...waited, until: w.ctx.now } : null;
      state.waitingFor = null;
      advanceFrom(w, node.id, "timeout");
      return done(w);
    }
    case "send_email":
    case "send_inapp": {
      const outcome = attemptSend(w, node);
      if (outcome.kind === "continue") advanceFrom(w, node.id, outcome.exit);
      return done(w);
    }
    case "send_webhook": {
      // A wake here is a webhook deferred by the budget; a request in flight has no timer.
      if (state.webhookPending) return unchanged(state);
      const outcome = attemptWebhook(w, node);
      if (outcome.kind === "continue") advanceFrom(w, node.id, outcome.exit);
      return done(w);
    }
    case "update_profile":
    case "trigger":
    case "filter":
    case "branch":
    case "split":
    case "exit":
      trace(w, node.id, "exited", `Run was waiting at a ${node.type} node, which cannot wait`);
      finish(w, "exited");
      return done(w);
    default:
      return assertNever(node);
  }
}

/** The delivery of the run's pending webhook ended: take its exit, as of when the step started. */
function webhookDone(w: Working, result: WebhookResult): StepResult {
  const pending = w.state.webhookPending;
  if (!pending || pending.key !== result.key) return unchanged(w.state);
  const decision = result.outcome === "succeeded" ? "webhook_succeeded" : "webhook_failed";
  const status =
    result.statusCode === null ? (result.error ?? "no answer") : `HTTP ${result.statusCode}`;
  const tries = result.attempts === 1 ? "1 attempt" : `${result.attempts} attempts`;
  const reason = result.assumed
    ? "Webhook not called in a backtest or preview: assumed to succeed"
    : `Webhook ${result.outcome} (${status}, ${tries})`;
  trace(w, pending.nodeId, decision, reason, {
    statusCode: result.statusCode,
    body: result.body,
    error: result.error,
    attempts: result.attempts,
    ...(result.assumed && { assumed: true }),
  });
  w.state.webhookPending = null;
  advanceFrom(w, pending.nodeId, result.outcome);
  return done(w);
}

export function step(
  definition: JourneyDefinition,
  state: RunState,
  input: StepInput,
  ctx: StepContext,
): StepResult {
  if (state.status === "completed" && input.kind === "event") {
    return receiveLateEvent(startWorking(definition, state, ctx), input.event);
  }
  if (isTerminal(state.status)) return unchanged(state);
  switch (input.kind) {
    case "enter":
      return state.status === "active"
        ? enter(startWorking(definition, state, ctx))
        : unchanged(state);
    case "event":
      return state.status === "waiting"
        ? receiveEvent(startWorking(definition, state, ctx), input.event)
        : unchanged(state);
    case "wake":
      return state.status === "waiting" && state.wakeAt !== null && ctx.now >= state.wakeAt
        ? wake(startWorking(definition, state, ctx))
        : unchanged(state);
    case "webhook_result":
      return state.status === "waiting" && state.webhookPending
        ? webhookDone(startWorking(definition, state, ctx), input)
        : unchanged(state);
    case "cancel": {
      const w = startWorking(definition, state, ctx);
      trace(w, state.nodeId, "exited", `Cancelled: ${input.reason}`);
      finish(w, "exited");
      return done(w);
    }
    default:
      return assertNever(input);
  }
}

/** Creates the run and enters it in one call (status "active" → first block or end). */
export function enterJourney(
  definition: JourneyDefinition,
  run: NewRun,
  ctx: StepContext,
): StepResult {
  return step(definition, createRun(definition, run), { kind: "enter" }, ctx);
}
