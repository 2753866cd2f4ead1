// What "preview as user" and "why not?" answer, as JSON. Shared by the API
// and the pages (type-only imports, so the browser bundle pulls no server code).

import type { RenderedMessage } from "@/lib/channels/render-content";
import type { NodeType } from "@/lib/journey-core/definition";
import type { TraceDecision } from "@/lib/journey-core/run-state";

export type SourceKind = "draft" | "live" | "version";

export interface JourneySourceJson {
  id: string;
  name: string;
  status: string;
  source: SourceKind;
  /** The published version previewed; null for the draft. */
  version: number | null;
}

export interface ProfileRefJson {
  id: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  /** The zone journeys use for them (quiet hours, send at a local time): UTC when unknown. */
  timeZone: string;
}

/** One decision of the core on the walked path, in order. */
export interface PathStep {
  at: string;
  nodeId: string;
  nodeType: NodeType | null;
  label: string;
  decision: TraceDecision;
  reason: string;
  data?: Record<string, unknown>;
  /**
   * The profile's zone, when this step's timing depends on it (a quiet-hours
   * deferral, a delay until a local time, and the later steps at that node):
   * its times read in that zone.
   */
  timeZone?: string;
}

export interface PathMessage {
  at: string;
  nodeId: string;
  label: string;
  channel: "email" | "in_app";
  /** The content rendered with the profile's real data; null when rendering failed. */
  rendered: RenderedMessage | null;
  /** Why rendering failed (a Liquid error), with the field. */
  error: { message: string; issues: { field: string; message: string }[] } | null;
}

/** A webhook step's exact request as it would be sent (secret header values masked). */
export interface PathWebhook {
  at: string;
  nodeId: string;
  label: string;
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  /** The rendered body; null when it did not render (`error`). */
  body: string | null;
  error: string | null;
  /** Not called in a preview: its outcome is assumed "succeeded". */
  assumed: true;
}

export type PathOutcome =
  | { kind: "converted"; at: string; nodeId: string }
  | {
      kind: "waiting";
      nodeId: string;
      label: string;
      until: string | null;
      reason: string;
      /** Set when `until` depends on the profile's zone (see PathStep.timeZone). */
      timeZone?: string;
    }
  | { kind: "completed"; nodeId: string; at: string }
  | { kind: "filtered"; nodeId: string; at: string; reason: string }
  | { kind: "exited"; nodeId: string; at: string; reason: string }
  | { kind: "not_entered"; reason: string };

export interface PathRun {
  enteredAt: string;
  holdout: boolean;
  triggerEvent: { name: string; properties: Record<string, unknown>; timestamp: string } | null;
  steps: PathStep[];
  messages: PathMessage[];
  /** Webhook steps on the path, with the exact request (never sent in a preview). */
  webhooks?: PathWebhook[];
  outcome: PathOutcome;
}

export interface EntryDecisionJson {
  at: string;
  entered: boolean;
  reason: string;
  failures?: { condition: string; expected: unknown; actual: unknown }[];
}

export interface PreviewJson {
  journey: JourneySourceJson;
  profile: ProfileRefJson;
  mode: "history" | "now";
  /** History: the replayed window of stored events. Now: the synthetic trigger's instant. */
  window: { from: string; to: string; days: number; events: number; truncated: boolean };
  /** Now mode: what was pretended ("a synthetic "Signed Up" event at …"). */
  assumption: string | null;
  /** The clock the preview ran with when asked "what if now were T?" (null: the real now). */
  asOf: string | null;
  /** The runs the replay made, oldest first (the latest 20; `totalRuns` counts them all). */
  runs: PathRun[];
  totalRuns: number;
  /** Every entry decision of the trigger, refusals included (the latest 50). */
  entries: EntryDecisionJson[];
  /** The last run's outcome, or why the profile never entered. */
  outcome: PathOutcome;
  /** No run in the window: the page offers "what if they triggered now". */
  canTryNow: boolean;
}

export const GATES = [
  "journey",
  "trigger",
  "reentry",
  "filter",
  "route",
  "holdout",
  "message_limit",
  "email_address",
  "suppression",
  "unsubscribe",
  "topic",
  "frequency",
  "quiet_hours",
  "template",
  "exclusion",
] as const;
export type Gate = (typeof GATES)[number];

export interface ConditionCheck {
  condition: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
}

export interface GateResult {
  gate: Gate;
  passed: boolean;
  detail: string;
  expected?: unknown;
  actual?: unknown;
  /** The node the gate belongs to (filters, sends). */
  nodeId?: string;
  /** Trigger: when its event happened and when Cue received it (shown on hover when apart). */
  event?: { at: string; receivedAt: string };
  /** Quiet hours: the profile's zone they were judged in; the gate's times read in it. */
  timeZone?: string;
  /** Filters: each top-level condition with its actual and expected value. */
  conditions?: ConditionCheck[];
  /**
   * Evaluated on an assumption (a synthetic trigger at `at`, or ignoring
   * re-entry) because an earlier gate already blocked the real path.
   */
  hypothetical?: boolean;
}

export interface WhyNotJson {
  journey: JourneySourceJson;
  profile: ProfileRefJson;
  at: string;
  nodeId: string | null;
  /** The first gate that blocks, in the engine's order; null when nothing blocks. */
  blockedBy: Gate | null;
  gates: GateResult[];
  /** The path the user took (or would take) up to `at`. */
  path: PathRun | null;
}
