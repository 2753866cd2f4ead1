// The stored journey: one JSON document, validated here. Every object is
// strict (an unknown field is an error, not silently dropped) so a typo in a
// hand-written or imported journey is caught at save time, not at send time.
//
// Choices worth knowing:
// - Event matchers (trigger, wait, goal, has_done, done_count) share one
//   shape, `{ event, where? }`, where `where` is an AND list of property
//   conditions. Counting conditions carry the same `where`, so "the first time
//   they used alerts" counts only `Feature Used` events with feature = alerts.
// - A condition group is `{ all: [...] }` or `{ any: [...] }` and nests.
// - Graph rules (one trigger, connected exits, reachability, cycles) are not
//   here: they need the whole document and live in check-journey-graph.ts.

import { z } from "zod";
import { emailContentSchema, inAppContentSchema } from "@/lib/channels/message-content";
import { WEEKDAYS } from "./local-time";
import { describeOperandProblem, OPERATOR_NAMES } from "./operators";
import { updateProfileStepFields } from "./update-profile-step";
import { webhookStepFields } from "./webhook-step";

export const DURATION_UNITS = ["minutes", "hours", "days", "weeks"] as const;
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

export const durationSchema = z.strictObject({
  amount: z.int().positive().max(10_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

export function durationToMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

export function describeDuration(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}

const eventNameSchema = z.string().trim().min(1).max(200);
const pathSchema = z.string().trim().min(1).max(200);
const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected a time as HH:MM");
const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const conditionValueSchema = z.union([scalarSchema, z.array(scalarSchema).max(500)]);

function operatorCondition<K extends "property" | "trait">(kind: K) {
  return z
    .strictObject({
      kind: z.literal(kind),
      path: pathSchema,
      operator: z.enum(OPERATOR_NAMES),
      value: conditionValueSchema.optional(),
    })
    .superRefine((condition, ctx) => {
      const problem = describeOperandProblem(condition.operator, condition.value);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: problem,
          params: { code: "bad_operand" },
        });
      }
    });
}

export const propertyConditionSchema = operatorCondition("property");
export const traitConditionSchema = operatorCondition("trait");
const whereSchema = z.array(propertyConditionSchema).max(20).optional();
const segmentIdSchema = z.string().trim().min(1).max(100);

export const conditionSchema = z.discriminatedUnion("kind", [
  propertyConditionSchema,
  traitConditionSchema,
  z.strictObject({
    kind: z.literal("first_seen_within"),
    within: durationSchema,
    negate: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("has_done"),
    event: eventNameSchema,
    where: whereSchema,
    within: durationSchema.optional(),
    negate: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("done_count"),
    event: eventNameSchema,
    where: whereSchema,
    atLeast: z.int().min(1).max(100_000),
    within: durationSchema,
  }),
  z.strictObject({
    kind: z.literal("in_segment"),
    /** A saved segment (lib/segments/); membership is read as of the decision. */
    segmentId: segmentIdSchema,
    negate: z.boolean().optional(),
  }),
]);

export type PropertyCondition = z.infer<typeof propertyConditionSchema>;
export type TraitCondition = z.infer<typeof traitConditionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionItem = Condition | ConditionGroup;
export type ConditionGroup = { all: ConditionItem[] } | { any: ConditionItem[] };

// Recursive, so typed by hand; z.lazy defers the self-reference.
const conditionItemSchema: z.ZodType<ConditionItem> = z.lazy(() =>
  z.union([conditionSchema, conditionGroupSchema]),
);
export const conditionGroupSchema: z.ZodType<ConditionGroup> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionItemSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(conditionItemSchema).min(1).max(50) }),
  ]),
);

export const eventMatcherSchema = z.strictObject({ event: eventNameSchema, where: whereSchema });
export type EventMatcher = z.infer<typeof eventMatcherSchema>;

export const triggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("event"),
    event: eventNameSchema,
    where: whereSchema,
    /** Enter only on the first matching event this profile ever sent. */
    firstTimeOnly: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("inactivity"),
    /** Only this event counts as activity; any tracked event when omitted. */
    event: eventNameSchema.optional(),
    inactiveFor: durationSchema,
  }),
  z.strictObject({
    kind: z.literal("trait_change"),
    /** All must hold; fires when they go from not holding to holding. */
    conditions: z.array(traitConditionSchema).min(1).max(10),
  }),
  z.strictObject({
    kind: z.literal("segment"),
    segmentId: segmentIdSchema,
    /** Fires once per transition: each entry (or exit) the segment records. */
    on: z.enum(["entry", "exit"]),
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type EventTrigger = Extract<Trigger, { kind: "event" }>;
export type InactivityTrigger = Extract<Trigger, { kind: "inactivity" }>;
export type TraitChangeTrigger = Extract<Trigger, { kind: "trait_change" }>;
export type SegmentTrigger = Extract<Trigger, { kind: "segment" }>;

const nodeBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Node ids use letters, digits, _ and -"),
  label: z.string().max(120).optional(),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
};

const splitVariantSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "Variant keys use letters, digits, _ and -"),
  weight: z.int().min(0).max(100),
  label: z.string().max(120).optional(),
});

export const nodeSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...nodeBase, type: z.literal("trigger"), trigger: triggerSchema }),
  z.strictObject({ ...nodeBase, type: z.literal("filter"), condition: conditionGroupSchema }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("delay"),
    delay: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("duration"), duration: durationSchema }),
      z.strictObject({
        kind: z.literal("until_time"),
        /** Local time in the profile's timezone (UTC when unknown). */
        time: clockTimeSchema,
        weekdays: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
      }),
    ]),
  }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("wait"),
    event: eventNameSchema,
    where: whereSchema,
    timeout: durationSchema,
  }),
  z.strictObject({ ...nodeBase, type: z.literal("branch"), condition: conditionGroupSchema }),
  z
    .strictObject({
      ...nodeBase,
      type: z.literal("split"),
      variants: z.array(splitVariantSchema).min(2).max(10),
    })
    .superRefine((node, ctx) => {
      const total = node.variants.reduce((sum, v) => sum + v.weight, 0);
      if (total !== 100) {
        const message = `Split weights must total 100, got ${total}`;
        ctx.addIssue({
          code: "custom",
          path: ["variants"],
          message,
          params: { code: "split_weights" },
        });
      }
      const keys = node.variants.map((v) => v.key);
      keys.forEach((key, i) => {
        if (keys.indexOf(key) !== i) {
          const message = `Duplicate variant key "${key}"`;
          const path = ["variants", i, "key"];
          ctx.addIssue({ code: "custom", path, message, params: { code: "duplicate_variant" } });
        }
      });
    }),
  z.strictObject({ ...nodeBase, type: z.literal("send_email"), content: emailContentSchema }),
  z.strictObject({ ...nodeBase, type: z.literal("send_inapp"), content: inAppContentSchema }),
  z.strictObject({ ...nodeBase, type: z.literal("exit") }),
  z.strictObject({ ...nodeBase, type: z.literal("send_webhook"), ...webhookStepFields }),
  z.strictObject({ ...nodeBase, type: z.literal("update_profile"), ...updateProfileStepFields }),
]);
export type JourneyNode = z.infer<typeof nodeSchema>;
export type NodeType = JourneyNode["type"];
export type NodeOfType<T extends NodeType> = Extract<JourneyNode, { type: T }>;

export const edgeSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  /** Which output of `from`: "next" (default), "yes"/"no", "did"/"timeout", or a split key. */
  exit: z.string().min(1).optional(),
});
export type JourneyEdge = z.infer<typeof edgeSchema>;

export const reentrySchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("once") }),
  z.strictObject({ mode: z.literal("always") }),
  /** Measured from the previous run's entry (Braze's re-eligibility window). */
  z.strictObject({ mode: z.literal("cooldown"), cooldown: durationSchema }),
]);
export type ReentryPolicy = z.infer<typeof reentrySchema>;

export const goalSchema = z.strictObject({
  event: eventNameSchema,
  where: whereSchema,
  /** Counted only when reached within this long after entry; any time in the run when omitted. */
  within: durationSchema.optional(),
});
export type JourneyGoal = z.infer<typeof goalSchema>;

export const settingsSchema = z.strictObject({
  goal: goalSchema.optional(),
  reentry: reentrySchema,
  holdoutPercent: z.number().min(0).max(50),
  /** Most messages one run sends (a profile has one run per journey at a time). */
  messageLimit: z.int().min(1).max(1000).optional(),
  /** Profiles in this segment when they would enter are refused. */
  exclusionSegmentId: segmentIdSchema.optional(),
});
export type JourneySettings = z.infer<typeof settingsSchema>;

export const journeyDefinitionSchema = z.strictObject({
  version: z.literal(1),
  nodes: z.array(nodeSchema).min(1).max(500),
  edges: z.array(edgeSchema).max(1000),
  settings: settingsSchema,
});
export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;
/** What may be written or posted: content fields with defaults may be left out. */
export type JourneyDefinitionInput = z.input<typeof journeyDefinitionSchema>;
