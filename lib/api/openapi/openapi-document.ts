import { z } from "zod";
import { conditionGroupSchema, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { JOURNEY_STATUSES } from "@/lib/journey-core/journey-status";
import { RUN_STATUSES } from "@/lib/journey-core/run-state";
import {
  createJourneySchema,
  journeyIssueSchema,
  journeyListItemSchema,
  journeySchema,
  publishJourneySchema,
  runSchema,
  templateSchema,
  traceSchema,
  updateJourneySchema,
  validateDefinitionSchema,
} from "@/lib/journeys/journey-schemas";

// The OpenAPI 3.1 document of the journeys-as-code API. Component schemas
// are generated from the same zod schemas the routes parse with
// (z.toJSONSchema), so the document cannot drift from the validation; only
// the paths below are written by hand.

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
const validationResultSchema = z.object({
  valid: z.boolean(),
  issues: z.array(journeyIssueSchema),
});

const REQUEST_SCHEMAS = {
  JourneyDefinition: journeyDefinitionSchema,
  ConditionGroup: conditionGroupSchema,
  CreateJourney: createJourneySchema,
  UpdateJourney: updateJourneySchema,
  PublishJourney: publishJourneySchema,
  ValidateDefinition: validateDefinitionSchema,
};
const RESPONSE_SCHEMAS = {
  Journey: journeySchema,
  JourneyListItem: journeyListItemSchema,
  JourneyIssue: journeyIssueSchema,
  Run: runSchema,
  Trace: traceSchema,
  Template: templateSchema,
  ValidationResult: validationResultSchema,
  Error: errorSchema,
};

type JsonSchema = Record<string, unknown>;
const REF = "#/components/schemas/";

/** One registry per direction: requests show defaults as optional, responses as present. */
function componentSchemas(
  schemas: Record<string, z.ZodType>,
  io: "input" | "output",
  prefix: string,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    uri: (id) => `${REF}${id}`,
    io,
    unrepresentable: "any",
  });
  // Schemas used in several places without a name land in "__shared.$defs";
  // hoist them to named components so every $ref is a plain pointer.
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const {
      $schema: _s,
      $id: _i,
      $defs,
      ...rest
    } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
    if (id === "__shared") {
      for (const [name, def] of Object.entries($defs ?? {})) out[`${prefix}${name}`] = def;
    } else {
      out[id] = rest;
    }
  }
  const text = JSON.stringify(out).replaceAll(`${REF}__shared#/$defs/`, `${REF}${prefix}`);
  return JSON.parse(text) as Record<string, JsonSchema>;
}

const ref = (name: string) => ({ $ref: `${REF}${name}` });
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  "400": json(ref("Error"), "Malformed request"),
  "401": json(ref("Error"), "Missing or unknown secret key"),
  "404": json(ref("Error"), "No such journey in this workspace"),
  "422": json(ref("Error"), "Invalid input; `details.issues` names each field"),
};
const journeyBody = (description: string) =>
  json(
    { type: "object", properties: { journey: ref("Journey") }, required: ["journey"] },
    description,
  );
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

function action(summary: string, description: string, extra: JsonSchema = {}) {
  return {
    post: {
      summary,
      description,
      parameters: [idParam],
      ...extra,
      responses: {
        "200": journeyBody("The journey after the change"),
        "409": json(
          ref("Error"),
          "Not allowed from the journey's current status (or a stale draftRevision)",
        ),
        ...errors,
      },
    },
  };
}

let cached: JsonSchema | null = null;

export function journeysOpenApi(serverUrl: string): JsonSchema {
  cached ??= buildDocument();
  return { ...cached, servers: [{ url: serverUrl }] };
}

function buildDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Cue journeys API",
      version: "1",
      description:
        'Journeys as code: create, edit, validate, publish, pause, resume, archive and duplicate journeys as JSON, and read their runs. Authenticate with the workspace secret key: `Authorization: Bearer <secret key>`. Errors use one envelope: `{ "error": { "code", "message", "details"? } }`.',
    },
    security: [{ secretKey: [] }],
    components: {
      securitySchemes: { secretKey: { type: "http", scheme: "bearer" } },
      schemas: {
        ...componentSchemas(REQUEST_SCHEMAS, "input", "In_"),
        ...componentSchemas(RESPONSE_SCHEMAS, "output", "Out_"),
      },
    },
    paths: {
      "/api/v1/journeys": {
        get: {
          summary: "List journeys",
          parameters: [
            {
              name: "status",
              in: "query",
              schema: { type: "string", enum: [...JOURNEY_STATUSES] },
            },
          ],
          responses: {
            "200": json(
              {
                type: "object",
                properties: { journeys: { type: "array", items: ref("JourneyListItem") } },
              },
              "Journeys, most recently changed first, each with its 7-day entries and conversions and who last changed it",
            ),
            ...errors,
          },
        },
        post: {
          summary: "Create a draft journey",
          description:
            "From a definition (`{ name, definition }`) or a template (`{ template, name? }`). Nothing goes live until it is published; `issues` lists what would block publishing.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("CreateJourney") } },
          },
          responses: { "201": journeyBody("The new draft"), ...errors },
        },
      },
      "/api/v1/journeys/validate": {
        post: {
          summary: "Validate a definition without saving it",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("ValidateDefinition") } },
          },
          responses: {
            "200": json(ref("ValidationResult"), "Every issue, by node and field"),
            ...errors,
          },
        },
      },
      "/api/v1/journeys/{id}": {
        get: {
          summary: "Get a journey",
          parameters: [idParam],
          responses: {
            "200": journeyBody("The journey, its draft and current version"),
            ...errors,
          },
        },
        patch: {
          summary: "Save the draft",
          description:
            "Send the `draftRevision` you edited. If someone saved since, the answer is 409 with `details.currentRevision`. Published versions and runs in flight are not affected.",
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("UpdateJourney") } },
          },
          responses: {
            "200": journeyBody("The saved journey"),
            "409": json(
              ref("Error"),
              "The draft changed since `draftRevision`, or the journey is archived",
            ),
            ...errors,
          },
        },
      },
      "/api/v1/journeys/{id}/validate": {
        post: {
          summary: "Validate the saved draft",
          parameters: [idParam],
          responses: {
            "200": json(ref("ValidationResult"), "Every issue, by node and field"),
            ...errors,
          },
        },
      },
      "/api/v1/journeys/{id}/publish": action(
        "Publish the draft",
        "Freezes the draft as the next immutable version. A draft goes live; a live journey switches new entries to the new version while runs in flight stay on theirs; a paused journey stays paused. Every validation issue blocks (422, `details.issues`).",
        { requestBody: { content: { "application/json": { schema: ref("PublishJourney") } } } },
      ),
      "/api/v1/journeys/{id}/pause": action(
        "Pause a live journey",
        "No new entries. Runs in flight hold where they are: their timers stop and their events are not delivered (a wait cannot end, a goal is not counted) until the journey is resumed.",
      ),
      "/api/v1/journeys/{id}/resume": action(
        "Resume a paused journey",
        "Entries start again on the current version; timers that came due during the pause fire at once.",
      ),
      "/api/v1/journeys/{id}/archive": action(
        "Archive a journey (final)",
        "No more entries; every run in flight is cancelled and its trace says so. The answer's `journey.cancelledRuns` counts them.",
      ),
      "/api/v1/journeys/{id}/duplicate": {
        post: {
          summary: "Duplicate a journey",
          description:
            "Creates a new draft named “<name> (copy)” holding the journey's draft. Versions and runs are not copied.",
          parameters: [idParam],
          responses: { "201": journeyBody("The new draft"), ...errors },
        },
      },
      "/api/v1/journeys/{id}/runs": {
        get: {
          summary: "List a journey's runs",
          parameters: [
            idParam,
            { name: "status", in: "query", schema: { type: "string", enum: [...RUN_STATUSES] } },
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
            },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
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
            ...errors,
          },
        },
      },
      "/api/v1/journey-templates": {
        get: {
          summary: "List the shipped journey templates",
          description: "Each template's `journey` can be posted to /api/v1/journeys as is.",
          responses: {
            "200": json(
              {
                type: "object",
                properties: { templates: { type: "array", items: ref("Template") } },
              },
              "The templates",
            ),
            "401": errors["401"],
          },
        },
      },
    },
  };
}
