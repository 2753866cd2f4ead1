// The state of one profile's run through one journey version, the inputs
// that move it, and the effects a step asks the shell to apply. The shell
// persists RunState as it is (one row per run; `runStateSchema` parses it
// back from JSON) and indexes `wakeAt` to find runs whose timer is due.

import { z } from "zod";
import type { EmailContent, InAppContent } from "@/lib/channels/message-content";
import { isInHoldout } from "./assign-bucket";
import type { JourneyDefinition, PropertyCondition } from "./definition";
import { propertyConditionSchema } from "./definition";
import type { WorkspaceDeliveryRules } from "./delivery-rules";
import type { EventCounts, JourneyEvent, ProfileFacts, SentMessage } from "./facts";
import { indexJourney } from "./journey-graph";
import type { WebhookOutcome, WebhookRequestSpec } from "./webhook-step";

export const RUN_STATUSES = [
  "active", // created, not yet entered
  "waiting", // blocked on a delay, a wait for event, or a deferred send
  "completed", // reached an exit (or the end of a path)
  "converted", // reached the journey goal
  "filtered", // stopped by a filter
  "exited", // stopped by the system: cancelled, broken definition, loop guard
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type TerminalStatus = Exclude<RunStatus, "active" | "waiting">;

export function isTerminal(status: RunStatus): status is TerminalStatus {
  return status !== "active" && status !== "waiting";
}

export interface WaitingFor {
  nodeId: string;
  event: string;
  where: PropertyCondition[];
  /** Only events at or after this count (the wait started then). */
  since: Date;
}

/** A wait that took its timeout exit: an event in its window that arrives later is "late". */
export interface TimedOutWait extends WaitingFor {
  /** The timeout: events up to and including it would have ended the wait. */
  until: Date;
}

export interface RunState {
  runId: string;
  journeyId: string;
  versionId: string;
  profileId: string;
  status: RunStatus;
  /** Where the run is blocked, or the node where it ended. */
  nodeId: string;
  enteredAt: Date;
  endedAt: Date | null;
  wakeAt: Date | null;
  waitingFor: WaitingFor | null;
  holdout: boolean;
  /**
   * When the goal was reached (event time). Set with status "converted", or
   * on a "completed" run whose goal window was still open (late conversion).
   */
  convertedAt: Date | null;
  messagesSent: number;
  triggerEvent: JourneyEvent | null;
  /**
   * The stored call the run entered on, kept on a run created while its
   * journey was paused: the resume enters it as of exactly that call (a call
   * at the same instant stored after it is not seen yet).
   */
  triggerEventId?: string;
  /** Arrivals per node. The arrival number is a send's attempt group in its idempotency key. */
  visits: Record<string, number>;
  /** How many times the send at `nodeId` has been deferred by a delivery rule. */
  attempt: number;
  /**
   * The last wait that timed out, kept so that an event of its window that
   * arrives after the timeout fired is traced as "late" (what it would have
   * changed) rather than ignored. Absent on runs stored before it existed.
   */
  timedOutWait?: TimedOutWait | null;
  /**
   * A webhook step's request in flight: the run waits at `nodeId` until the
   * shell reports its outcome (`webhook_result` with this key). Absent on
   * runs stored before webhook steps existed.
   */
  webhookPending?: WebhookPending | null;
}

export interface WebhookPending {
  nodeId: string;
  /** The request's idempotency key (run:node:arrival). */
  key: string;
  /** When the step started: the outcome is decided as of then. */
  since: Date;
}

/** What the shell reports once a webhook step's delivery is over. */
export interface WebhookResult {
  key: string;
  outcome: WebhookOutcome;
  statusCode: number | null;
  /** The first KB of the answer. */
  body: string;
  error: string | null;
  attempts: number;
  /** A backtest or preview: nothing was called, success assumed. */
  assumed?: boolean;
}

export type StepInput =
  | { kind: "enter" }
  /** A profile event arrived: it may reach the goal or end a wait (see listensForEvents). */
  | { kind: "event"; event: JourneyEvent }
  /** The run's timer is due (early or repeated wakes do nothing). */
  | { kind: "wake" }
  /** Stop the run (journey archived, profile deleted). */
  | { kind: "cancel"; reason: string }
  /** A webhook step's delivery ended (see RunState.webhookPending). */
  | ({ kind: "webhook_result" } & WebhookResult);

export interface StepContext {
  now: Date;
  profile: ProfileFacts;
  /** Counts listed by `requiredCounts(definition)`, loaded at `now`. */
  counts: EventCounts;
  deliveryRules: WorkspaceDeliveryRules;
  /** The profile's sends from all journeys within the frequency window. */
  sentInWindow: readonly SentMessage[];
}

export type TraceDecision =
  | "entered"
  | "filtered"
  | "passed"
  | "waiting"
  | "timed_out"
  | "event_received"
  | "goal_reached"
  | "holdout"
  | "skipped"
  | "deferred"
  | "sent"
  | "failed" // recorded by the shell when the provider rejects a send
  | "split"
  | "branch"
  | "exited"
  | "limit_reached"
  // an event that arrived after the step it belonged to had moved on (nothing is taken back)
  | "late"
  // a webhook step's request was queued / ended
  | "webhook_queued"
  | "webhook_succeeded"
  | "webhook_failed"
  // an update-profile step changed traits
  | "profile_updated";

export type SendEffect =
  | {
      type: "send";
      channel: "email";
      nodeId: string;
      /** When the core decided it (the event time of the step): the frequency budget counts it then. */
      at: Date;
      idempotencyKey: string;
      content: EmailContent;
    }
  | {
      type: "send";
      channel: "in_app";
      nodeId: string;
      at: Date;
      idempotencyKey: string;
      content: InAppContent;
    };

export type TraceEffect = {
  type: "trace";
  nodeId: string;
  at: Date;
  decision: TraceDecision;
  reason: string;
  data?: Record<string, unknown>;
};

/** A webhook step's request, for the shell to render, sign, queue and deliver. */
export type WebhookEffect = {
  type: "webhook";
  nodeId: string;
  /** When the step started (event time); the run resumes as of it. */
  at: Date;
  idempotencyKey: string;
  request: WebhookRequestSpec;
  /** Counted in the frequency budget (SentMessage channel "webhook"). */
  countsAsMessage: boolean;
  /** The profile as the step saw it: the body's Liquid reads it. */
  profile: { id: string; email: string | null; traits: Record<string, unknown> };
};

/** An update-profile step's trait patch, stored by the shell as an identify at `at`. */
export type ProfileUpdateEffect = {
  type: "update_profile";
  nodeId: string;
  at: Date;
  /** Stable per run, node and arrival: the identify's messageId (a replay writes nothing). */
  idempotencyKey: string;
  /** identify traits: null removes the key. */
  traits: Record<string, unknown>;
};

export type Effect =
  | SendEffect
  | WebhookEffect
  | ProfileUpdateEffect
  | { type: "schedule"; wakeAt: Date }
  | TraceEffect
  | { type: "complete"; status: TerminalStatus };

export interface StepResult {
  state: RunState;
  effects: Effect[];
}

export interface NewRun {
  runId: string;
  journeyId: string;
  versionId: string;
  profileId: string;
  /** The event that triggered entry; null for inactivity and trait-change entries. */
  triggerEvent: JourneyEvent | null;
  /** The stored call of the trigger, for a run entered later (see RunState.triggerEventId). */
  triggerEventId?: string;
  now: Date;
}

/** A run about to enter (status "active"); step it with `{ kind: "enter" }`. */
export function createRun(definition: JourneyDefinition, run: NewRun): RunState {
  const trigger = indexJourney(definition).trigger;
  return {
    runId: run.runId,
    journeyId: run.journeyId,
    versionId: run.versionId,
    profileId: run.profileId,
    status: "active",
    nodeId: trigger?.id ?? "",
    enteredAt: run.now,
    endedAt: null,
    wakeAt: null,
    waitingFor: null,
    holdout: isInHoldout(run.profileId, run.journeyId, definition.settings.holdoutPercent),
    convertedAt: null,
    messagesSent: 0,
    triggerEvent: run.triggerEvent,
    ...(run.triggerEventId !== undefined && { triggerEventId: run.triggerEventId }),
    visits: {},
    attempt: 0,
  };
}

const dateSchema = z.coerce.date();

/** Parses a RunState back from its JSON form (dates as ISO strings). */
export const runStateSchema = z.object({
  runId: z.string(),
  journeyId: z.string(),
  versionId: z.string(),
  profileId: z.string(),
  status: z.enum(RUN_STATUSES),
  nodeId: z.string(),
  enteredAt: dateSchema,
  endedAt: dateSchema.nullable(),
  wakeAt: dateSchema.nullable(),
  waitingFor: z
    .object({
      nodeId: z.string(),
      event: z.string(),
      where: z.array(propertyConditionSchema),
      since: dateSchema,
    })
    .nullable(),
  holdout: z.boolean(),
  convertedAt: dateSchema.nullable(),
  messagesSent: z.int().min(0),
  triggerEvent: z
    .object({
      name: z.string(),
      properties: z.record(z.string(), z.unknown()),
      timestamp: dateSchema,
    })
    .nullable(),
  triggerEventId: z.string().optional(),
  visits: z.record(z.string(), z.int().min(0)),
  attempt: z.int().min(0),
  timedOutWait: z
    .object({
      nodeId: z.string(),
      event: z.string(),
      where: z.array(propertyConditionSchema),
      since: dateSchema,
      until: dateSchema,
    })
    .nullable()
    .optional(),
  webhookPending: z
    .object({ nodeId: z.string(), key: z.string(), since: dateSchema })
    .nullable()
    .optional(),
}) satisfies z.ZodType<RunState, unknown>;
