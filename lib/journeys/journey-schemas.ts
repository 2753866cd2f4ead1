import { z } from "zod";
import { JOURNEY_STATUSES } from "@/lib/journey-core/journey-status";
import { RUN_STATUSES } from "@/lib/journey-core/run-state";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { decodeRunCursor } from "./run-cursor";

// The journeys API's inputs (and, for the OpenAPI document, its outputs).
// One schema per input, shared by the secret-key API (/api/v1/journeys) and
// the session API the builder uses (/api/w/:workspaceId/journeys).
//
// A draft `definition` is any JSON object: the builder saves work in
// progress, and every answer carries the draft's `issues`. Only publishing
// requires a definition that passes validateJourney.

const MAX_DEFINITION_BYTES = 512 * 1024;

export const journeyNameSchema = z.string().trim().min(1, "Give the journey a name.").max(120);

export const draftDefinitionSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= MAX_DEFINITION_BYTES, {
    message: `A journey definition is at most ${MAX_DEFINITION_BYTES / 1024} KB of JSON.`,
  })
  .meta({
    description:
      "The journey definition (see the JourneyDefinition schema). Drafts may be incomplete; problems are listed in `issues`.",
  });

const templateSlugs = JOURNEY_TEMPLATES.map((t) => t.slug) as [string, ...string[]];

export const createJourneySchema = z.union([
  z.strictObject({ name: journeyNameSchema, definition: draftDefinitionSchema }),
  z.strictObject({
    template: z.enum(templateSlugs).meta({ description: "Start from a shipped template" }),
    name: journeyNameSchema.optional(),
  }),
]);
export type CreateJourneyInput = z.infer<typeof createJourneySchema>;

export const updateJourneySchema = z
  .strictObject({
    /** The revision the caller edited; a newer saved draft makes this a 409 conflict. */
    draftRevision: z.int().min(1),
    name: journeyNameSchema.optional(),
    definition: draftDefinitionSchema.optional(),
  })
  .refine((input) => input.name !== undefined || input.definition !== undefined, {
    message: "Send a name, a definition, or both.",
    path: ["definition"],
  });
export type UpdateJourneyInput = z.infer<typeof updateJourneySchema>;

export const publishJourneySchema = z.strictObject({
  /** When given, publish only if the draft is still at this revision. */
  draftRevision: z.int().min(1).optional(),
  note: z.string().trim().max(500).optional(),
  /**
   * A trait-change journey enters only on changes after it goes live; true
   * also enters the people who match when it is published (see the
   * validate action's `matchingNow`).
   */
  enterMatching: z.boolean().optional(),
});
export type PublishJourneyInput = z.infer<typeof publishJourneySchema>;

export const validateDefinitionSchema = z.strictObject({ definition: z.unknown() });

export const journeyActionSchema = z.enum([
  "validate",
  "publish",
  "pause",
  "resume",
  "archive",
  "duplicate",
]);
export type JourneyAction = z.infer<typeof journeyActionSchema>;

export const listJourneysQuerySchema = z.strictObject({
  status: z.enum(JOURNEY_STATUSES).optional(),
});

/** A run list's cursor: a bad one is a 422 naming `cursor`, like any other field. */
const runCursorSchema = z
  .string()
  .max(200)
  .refine((value) => decodeRunCursor(value) !== null, {
    message: "Not a cursor this API returned; start from the first page.",
  })
  .optional()
  .meta({ description: "The previous page's `nextCursor`." });

export const listRunsQuerySchema = z.strictObject({
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: runCursorSchema,
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

/** A profile's runs (GET /api/v1/profiles/{userId}/runs and the profile page). */
export const profileRunsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: runCursorSchema,
});

// --- Responses (documentation and types) ---------------------------------

export const journeyIssueSchema = z.object({
  nodeId: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string().meta({
    description: "For developers: names the node by id and the field by path.",
  }),
  humanMessage: z.string().meta({
    description:
      "For people: names the step by its label (or what it does) and says what to do, as the builder shows it.",
  }),
});

export const journeyVersionSchema = z.object({
  id: z.string(),
  version: z.int(),
  note: z.string().nullable(),
  publishedAt: z.iso.datetime(),
});

export const journeySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(JOURNEY_STATUSES),
  draft: z.record(z.string(), z.unknown()),
  draftRevision: z.int(),
  /** Problems in the draft; publishing needs none. */
  issues: z.array(journeyIssueSchema),
  currentVersion: journeyVersionSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type JourneyJson = z.infer<typeof journeySchema>;

/** A journey as the list shows it: its 7-day numbers and who edited it last. */
export const journeyListItemSchema = journeySchema.extend({
  stats: z.object({
    /** Runs that entered in the last 7 days (holdout runs included). */
    entered7d: z.int(),
    /** Runs that reached the goal in the last 7 days, whenever they entered. */
    converted7d: z.int(),
  }),
  /** The member who last saved the draft or changed the journey; null for the secret key. */
  updatedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
});
export type JourneyListItemJson = z.infer<typeof journeyListItemSchema>;

export const traceSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  nodeId: z.string().nullable(),
  step: z
    .string()
    .nullable()
    .describe(
      "The step's name as the builder shows it (its label, or what it does); null for a decision of the journey as a whole.",
    ),
  decision: z.string(),
  reason: z.string(),
  data: z.unknown().nullable(),
});
export type TraceJson = z.infer<typeof traceSchema>;

export const runMessageSchema = z.object({
  id: z.string(),
  nodeId: z.string().nullable(),
  channel: z.enum(["email", "in_app"]),
  status: z.string(),
  subject: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const runSchema = z.object({
  id: z.string(),
  journey: z.object({ id: z.string(), name: z.string() }),
  versionId: z.string(),
  version: z.int().nullable(),
  profileId: z.string(),
  status: z.enum(RUN_STATUSES),
  nodeId: z.string().nullable(),
  holdout: z.boolean(),
  enteredAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  convertedAt: z.iso.datetime().nullable(),
  /** When the run's timer fires next (null while its journey is paused). */
  wakeAt: z.iso.datetime().nullable(),
  trace: z.array(traceSchema).optional(),
  messages: z.array(runMessageSchema).optional(),
});
export type RunJson = z.infer<typeof runSchema>;

export const templateSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** POST this object to /api/v1/journeys to create the journey. */
  journey: z.object({ name: z.string(), definition: z.record(z.string(), z.unknown()) }),
});
