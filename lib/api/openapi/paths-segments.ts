import {
  explainMembershipQuerySchema,
  importMembersSchema,
  membersQuerySchema,
  SEGMENT_EXAMPLE,
  segmentInputSchema,
  segmentPatchSchema,
  sizeHistoryQuerySchema,
} from "@/lib/segments/segment-schemas";
import {
  type JsonSchema,
  json,
  jsonBody,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Segments (secret key): saved audiences, their members and size over time.

export const SEGMENT_REQUEST_SCHEMAS = {
  SegmentInput: segmentInputSchema,
  SegmentPatch: segmentPatchSchema,
  ImportSegmentMembers: importMembersSchema,
};

const segmentSchema: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    description: { type: "string" },
    kind: { type: "string", enum: ["condition", "manual"] },
    condition: { description: "The condition (the journey filters' language); null when manual" },
    status: { type: "string", enum: ["computing", "ready"] },
    size: { type: "integer", description: "Members now" },
    computedAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
  required: ["id", "name", "kind", "status", "size"],
};

const id = pathParam("id", "The segment id");
const TAGS = ["Segments"];
const one = (description: string) =>
  json(
    { type: "object", properties: { segment: segmentSchema }, required: ["segment"] },
    description,
  );

export const segmentPaths: Record<string, PathItem> = {
  "/api/v1/segments": {
    get: {
      operationId: "listSegments",
      tags: TAGS,
      summary: "List segments with their size now",
      security: SECRET_KEY,
      responses: {
        "200": json(
          { type: "object", properties: { segments: { type: "array", items: segmentSchema } } },
          "The workspace's segments",
        ),
        ...pick("401"),
      },
    },
    post: {
      operationId: "createSegment",
      tags: TAGS,
      summary: "Create a segment (computed in the background, then kept live)",
      security: SECRET_KEY,
      requestBody: jsonBody(ref("SegmentInput"), SEGMENT_EXAMPLE),
      responses: {
        "201": one("The new segment (status computing)"),
        ...pick("400", "401", "409", "422"),
      },
    },
  },
  "/api/v1/segments/{id}": {
    get: {
      operationId: "getSegment",
      tags: TAGS,
      summary: "Get a segment",
      security: SECRET_KEY,
      parameters: [id],
      responses: { "200": one("The segment"), ...pick("401", "404") },
    },
    patch: {
      operationId: "updateSegment",
      tags: TAGS,
      summary: "Rename, describe, or change the condition (recomputed)",
      security: SECRET_KEY,
      parameters: [id],
      requestBody: jsonBody(ref("SegmentPatch"), { name: "Trial users (ads)" }),
      responses: {
        "200": one("The segment after the change"),
        ...pick("400", "401", "404", "409", "422"),
      },
    },
    delete: {
      operationId: "deleteSegment",
      tags: TAGS,
      summary: "Delete a segment, its members and history",
      security: SECRET_KEY,
      parameters: [id],
      responses: { "204": { description: "Deleted" }, ...pick("401", "404") },
    },
  },
  "/api/v1/segments/{id}/members": {
    get: {
      operationId: "listSegmentMembers",
      tags: TAGS,
      summary: "Members now, searchable by userId or email, paged",
      security: SECRET_KEY,
      parameters: [id, ...queryParams(membersQuerySchema)],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              members: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    profileId: { type: "string" },
                    userId: { type: ["string", "null"] },
                    email: { type: ["string", "null"] },
                    enteredAt: { type: "string", format: "date-time" },
                  },
                },
              },
              nextAfter: {
                type: ["string", "null"],
                description: "Pass as `after` for the next page",
              },
            },
          },
          "A page of members",
        ),
        ...pick("401", "404", "422"),
      },
    },
  },
  "/api/v1/segments/{id}/members/export": {
    get: {
      operationId: "exportSegmentMembers",
      tags: TAGS,
      summary: "Every member as CSV (profileId, userId, email, enteredAt)",
      security: SECRET_KEY,
      parameters: [id],
      responses: {
        "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
        ...pick("401", "404"),
      },
    },
  },
  "/api/v1/segments/{id}/history": {
    get: {
      operationId: "getSegmentSizeHistory",
      tags: TAGS,
      summary: "Size at the end of each day, with the day's entries and exits",
      security: SECRET_KEY,
      parameters: [id, ...queryParams(sizeHistoryQuerySchema)],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              points: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    day: { type: "string", format: "date" },
                    size: { type: "integer" },
                    entries: { type: "integer" },
                    exits: { type: "integer" },
                  },
                },
              },
            },
          },
          "One point per day (UTC)",
        ),
        ...pick("401", "404", "422"),
      },
    },
  },
  "/api/v1/segments/{id}/explain": {
    get: {
      operationId: "explainSegmentMembership",
      tags: TAGS,
      summary: "Why a profile is or isn't in the segment, condition by condition",
      security: SECRET_KEY,
      parameters: [
        id,
        ...queryParams(explainMembershipQuerySchema, {
          profile: "A profile id, userId, anonymousId or email",
        }),
      ],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              explanation: {
                type: "object",
                properties: {
                  profileId: { type: "string" },
                  member: { type: "boolean" },
                  matchesNow: { type: ["boolean", "null"] },
                  detail: { type: "string" },
                  conditions: { type: "array", items: { type: "object" } },
                  changes: { type: "array", items: { type: "object" } },
                },
              },
            },
          },
          "The explanation",
        ),
        ...pick("401", "404", "422"),
      },
    },
  },
  "/api/v1/segments/{id}/import": {
    post: {
      operationId: "importSegmentMembers",
      tags: TAGS,
      summary: "A manual segment's members from a CSV of userIds or emails",
      security: SECRET_KEY,
      parameters: [id],
      requestBody: jsonBody(ref("ImportSegmentMembers"), {
        csv: "userId\nu_1\nada@example.com",
        mode: "add",
      }),
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              rows: { type: "integer" },
              matched: { type: "integer" },
              unknown: { type: "array", items: { type: "string" } },
              entered: { type: "integer" },
              exited: { type: "integer" },
            },
          },
          "What the import changed",
        ),
        ...pick("400", "401", "404", "422"),
      },
    },
  },
};
