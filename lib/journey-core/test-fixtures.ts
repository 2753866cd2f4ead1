// Builders shared by the journey engine's tests (not used by product code).

import type { JourneyDefinition, JourneyNode, JourneySettings } from "./definition";
import type { WorkspaceDeliveryRules } from "./delivery-rules";
import type { JourneyEvent, ProfileFacts } from "./facts";
import type { Effect, RunState, StepContext, TraceEffect } from "./run-state";
import { createRun } from "./run-state";
import type { SimEvent } from "./simulate";

export const at = (iso: string): Date => new Date(iso);

export function makeProfile(overrides: Partial<ProfileFacts> = {}): ProfileFacts {
  return {
    id: "profile-1",
    traits: { name: "Ada", email: "ada@example.com", plan: "free", timezone: "Europe/Berlin" },
    firstSeenAt: at("2025-06-01T08:00:00Z"),
    lastSeenAt: at("2025-06-01T08:00:00Z"),
    timezone: "Europe/Berlin",
    email: "ada@example.com",
    unsubscribed: false,
    suppressed: false,
    ...overrides,
  };
}

export function makeEvent(
  name: string,
  iso: string,
  properties: Record<string, unknown> = {},
): JourneyEvent {
  return { name, properties, timestamp: at(iso) };
}

export function makeContext(now: string | Date, overrides: Partial<StepContext> = {}): StepContext {
  return {
    now: typeof now === "string" ? at(now) : now,
    profile: makeProfile(),
    counts: {},
    deliveryRules: {},
    sentInWindow: [],
    ...overrides,
  };
}

export const track = (
  name: string,
  iso: string,
  properties: Record<string, unknown> = {},
): SimEvent => ({ type: "track", name, properties, at: at(iso) });

export const identify = (traits: Record<string, unknown>, iso: string): SimEvent => ({
  type: "identify",
  traits,
  at: at(iso),
});

const DEFAULT_SETTINGS: JourneySettings = { reentry: { mode: "once" }, holdoutPercent: 0 };

/** A trigger on `event` followed by `steps` in a line, ending in an exit node. */
export function lineJourney(
  event: string,
  steps: JourneyNode[],
  settings: Partial<JourneySettings> = {},
): JourneyDefinition {
  const nodes: JourneyNode[] = [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event } },
    ...steps,
    { id: "end", type: "exit" },
  ];
  const edges = nodes.slice(1).map((node, i) => ({ from: nodes[i].id, to: node.id }));
  return { version: 1, nodes, edges, settings: { ...DEFAULT_SETTINGS, ...settings } };
}

export const emailNode = (id: string, subject = `Subject ${id}`): JourneyNode => ({
  id,
  type: "send_email",
  content: {
    subject,
    preheader: "",
    body: "Hello {{ profile.traits.name }}",
    bodyFormat: "markdown",
    transactional: false,
  },
});

export const inAppNode = (id: string, title = `Title ${id}`): JourneyNode => ({
  id,
  type: "send_inapp",
  content: { kind: "card", title, body: "Body" },
});

export const delayNode = (id: string, hours: number): JourneyNode => ({
  id,
  type: "delay",
  delay: { kind: "duration", duration: { amount: hours, unit: "hours" } },
});

export const NO_RULES: WorkspaceDeliveryRules = {};

/** The instant step tests start at: a Monday, 12:00 in Berlin. */
export const T0 = "2025-06-02T10:00:00Z";

/** A run of `definition` created at T0 by a "Signed Up" event, ready to enter. */
export function newRun(definition: JourneyDefinition, overrides: Partial<RunState> = {}): RunState {
  const run = createRun(definition, {
    runId: "run-1",
    journeyId: "journey-1",
    versionId: "v1",
    profileId: "profile-1",
    triggerEvent: makeEvent("Signed Up", T0, { plan: "free" }),
    now: at(T0),
  });
  return { ...run, ...overrides };
}

/** [nodeId, decision] of each trace, in order. */
export const traceSteps = (effects: Effect[]) =>
  effects.filter((e): e is TraceEffect => e.type === "trace").map((e) => [e.nodeId, e.decision]);

export const sendEffects = (effects: Effect[]) => effects.filter((e) => e.type === "send");
