import { z } from "zod";
import { conditionGroupSchema, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { PAUSE_MEANING, RESUME_MEANING } from "@/lib/journey-core/journey-status";
import {
  createJourneySchema,
  journeyIssueSchema,
  journeyListItemSchema,
  journeySchema,
  listJourneysQuerySchema,
  listRunsQuerySchema,
  publishJourneySchema,
  runSchema,
  templateSchema,
  traceSchema,
  updateJourneySchema,
  validateDefinitionSchema,
} from "@/lib/journeys/journey-schemas";
import {
  errors,
  json,
  type Operation,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Journeys as code: the journeys and journey-templates API (secret key).

export const JOURNEY_REQUEST_SCHEMAS = {
  JourneyDefinition: journeyDefinitionSchema,
  ConditionGroup: conditionGroupSchema,
  CreateJourney: createJourneySchema,
  UpdateJourney: updateJourneySchema,
  PublishJourney: publishJourneySchema,
  ValidateDefinition: validateDefinitionSchema,
};
export const JOURNEY_RESPONSE_SCHEMAS = {
  Journey: journeySchema,
  JourneyListItem: journeyListItemSchema,
  JourneyIssue: journeyIssueSchema,
  Run: runSchema,
  Trace: traceSchema,
  Template: templateSchema,
  ValidationResult: z.object({
    valid: z.boolean(),
    issues: z.array(journeyIssueSchema),
    warnings: z
      .array(journeyIssueSchema.extend({ event: z.string() }))
      .optional()
      .meta({
        description:
          "The saved draft's event names this workspace has never received (code `unseen_event`): often a typo. They never block publishing. Only `/journeys/{id}/validate` answers them.",
      }),
  }),
};

const ERRORS = pick("400", "401", "404", "422");
const tags = ["Journeys"];
const idParam = pathParam("id", "The journey id");
const journeyBody = (description: string) =>
  json(
    { type: "object", properties: { journey: ref("Journey") }, required: ["journey"] },
    description,
  );
const body = (name: string) => ({
  required: true,
  content: { "application/json": { schema: ref(name) } },
});

function op(operationId: string, summary: string, rest: Operation): Operation {
  return { operationId, tags, summary, security: SECRET_KEY, ...rest };
}

function action(
  operationId: string,
  summary: string,
  description: string,
  extra: Operation = {},
): PathItem {
  return {
    post: op(operationId, summary, {
      description,
      parameters: [idParam],
      ...extra,
      responses: {
        "200": journeyBody("The journey after the change"),
        "409": json(
          ref("Error"),
          "Not allowed from the journey's current status (or a stale draftRevision)",
        ),
        ...ERRORS,
      },
    }),
  };
}

const saveDraft = (operationId: string) =>
  op(operationId, "Save the draft", {
    description:
      "Send the `draftRevision` you edited. If someone saved since, the answer is 409 with `details.currentRevision`. Published versions and runs in flight are not affected. PUT does the same as PATCH.",
    parameters: [idParam],
    requestBody: body("UpdateJourney"),
    responses: {
      "200": journeyBody("The saved journey"),
      "409": json(
        ref("Error"),
        "The draft changed since `draftRevision`, or the journey is archived",
      ),
      ...ERRORS,
    },
  });

export const journeyPaths: Record<string, PathItem> = {
  "/api/v1/journeys": {
    get: op("listJourneys", "List journeys", {
      parameters: queryParams(listJourneysQuerySchema),
      responses: {
        "200": json(
          {
            type: "object",
            properties: { journeys: { type: "array", items: ref("JourneyListItem") } },
          },
          "Journeys, most recently changed first, each with its 7-day entries and conversions and who last changed it",
        ),
        ...ERRORS,
      },
    }),
    post: op("createJourney", "Create a draft journey", {
      description:
        "From a definition (`{ name, definition }`) or a template (`{ template, name? }`). Nothing goes live until it is published; `issues` lists what would block publishing.",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: ref("CreateJourney"),
            example: { template: "introduce-feature-on-first-use", name: "Feature intro" },
          },
        },
      },
      responses: { "201": journeyBody("The new draft"), ...ERRORS },
    }),
  },
  "/api/v1/journeys/validate": {
    post: op("validateDefinition", "Validate a definition without saving it", {
      requestBody: body("ValidateDefinition"),
      responses: {
        "200": json(ref("ValidationResult"), "Every issue, by node and field", {
          valid: true,
          issues: [],
        }),
        ...ERRORS,
      },
    }),
  },
  "/api/v1/journeys/{id}": {
    get: op("getJourney", "Get a journey", {
      parameters: [idParam],
      responses: { "200": journeyBody("The journey, its draft and current version"), ...ERRORS },
    }),
    patch: saveDraft("updateJourneyDraft"),
    put: saveDraft("replaceJourneyDraft"),
  },
  "/api/v1/journeys/{id}/validate": {
    post: op("validateJourney", "Validate the saved draft", {
      parameters: [idParam],
      responses: {
        "200": json(ref("ValidationResult"), "Every issue, by node and field"),
        ...ERRORS,
      },
    }),
  },
  "/api/v1/journeys/{id}/publish": action(
    "publishJourney",
    "Publish the draft",
    "Freezes the draft as the next immutable version. A draft goes live; a live journey switches new entries to the new version while runs in flight stay on theirs; a paused journey stays paused. Every validation issue blocks (422, `details.issues`).",
    { requestBody: { content: { "application/json": { schema: ref("PublishJourney") } } } },
  ),
  "/api/v1/journeys/{id}/pause": action(
    "pauseJourney",
    "Pause a live journey",
    `${PAUSE_MEANING} Decided by event time against the journey's status history: a trait change is the identify that made the traits match, and a trigger that happened while the journey was live still enters (held until the resume). A goal reached or a wait's event during the pause still counts on resume.`,
  ),
  "/api/v1/journeys/{id}/resume": action(
    "resumeJourney",
    "Resume a paused journey",
    `${RESUME_MEANING} Identifying the same traits again after the resume is no trait change.`,
  ),
  "/api/v1/journeys/{id}/archive": action(
    "archiveJourney",
    "Archive a journey (final)",
    "No more entries; every run in flight is cancelled and its trace says so. The answer's `journey.cancelledRuns` counts them.",
  ),
  "/api/v1/journeys/{id}/duplicate": {
    post: op("duplicateJourney", "Duplicate a journey", {
      description:
        "Creates a new draft named “<name> (copy)” holding the journey's draft. Versions and runs are not copied.",
      parameters: [idParam],
      responses: { "201": journeyBody("The new draft"), ...ERRORS },
    }),
  },
  "/api/v1/journeys/{id}/runs": {
    get: op("listJourneyRuns", "List a journey's runs", {
      parameters: [idParam, ...queryParams(listRunsQuerySchema)],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              runs: { type: "array", items: ref("Run") },
              nextCursor: { type: ["string", "null"] },
            },
          },
          "Runs, newest entry first; pass nextCursor for the next page",
        ),
        ...ERRORS,
      },
    }),
  },
  "/api/v1/journey-templates": {
    get: {
      operationId: "listJourneyTemplates",
      tags: ["Journey templates"],
      summary: "List the shipped journey templates",
      description: "Each template's `journey` can be posted to /api/v1/journeys as is.",
      security: SECRET_KEY,
      responses: {
        "200": json(
          { type: "object", properties: { templates: { type: "array", items: ref("Template") } } },
          "The templates",
        ),
        "401": errors["401"],
      },
    },
  },
};
