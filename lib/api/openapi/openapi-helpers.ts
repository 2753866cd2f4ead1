import { z } from "zod";

// Building blocks of the OpenAPI document: component schemas generated from
// zod (z.toJSONSchema), $refs, JSON bodies, the error envelope's answers and
// the three ways a caller authenticates.

export type JsonSchema = Record<string, unknown>;
export type Operation = JsonSchema;
export type PathItem = Partial<Record<"get" | "post" | "put" | "patch" | "delete", Operation>>;
const REF = "#/components/schemas/";

/** One registry per direction: requests show defaults as optional, responses as present. */
export function componentSchemas(
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

export const ref = (name: string) => ({ $ref: `${REF}${name}` });

/** A JSON response (or request body) with an optional example. */
export const json = (schema: JsonSchema, description: string, example?: unknown) => ({
  description,
  content: {
    "application/json": example === undefined ? { schema } : { schema, example },
  },
});

export const jsonBody = (schema: JsonSchema, example?: unknown, required = true) => ({
  required,
  content: { "application/json": example === undefined ? { schema } : { schema, example } },
});

const error = (description: string, code: string, message: string) =>
  json(ref("Error"), description, { error: { code, message } });

/** The envelope's common answers; spread the ones an operation can give. */
export const errors = {
  "400": error("Malformed request (not JSON, wrong shape)", "invalid_json", "Body is not JSON."),
  "401": error(
    "Missing, unknown or revoked key (or user proof)",
    "unauthorized",
    "Unknown or revoked secret key.",
  ),
  "403": error("Origin not allowed", "forbidden", "Origin not allowed for this workspace."),
  "404": error("Not found in this workspace", "not_found", "Resource not found."),
  "409": error("Conflicts with the current state", "conflict", "Not allowed now."),
  "413": error("Body too large", "payload_too_large", "Body too large."),
  "422": json(ref("Error"), "Invalid input; `details.issues` names each field", {
    error: {
      code: "validation_failed",
      message: "userId: Name the recipient by userId.",
      details: { issues: [{ field: "userId", message: "Name the recipient by userId." }] },
    },
  }),
  "429": error("Too many requests; honour Retry-After", "rate_limited", "Slow down."),
} as const;

export function pick<K extends keyof typeof errors>(...codes: K[]) {
  return Object.fromEntries(codes.map((code) => [code, errors[code]])) as Pick<typeof errors, K>;
}

export const SECURITY_SCHEMES = {
  secretKey: {
    type: "http",
    scheme: "bearer",
    description:
      "The workspace secret key (Settings → API keys), server side only: `Authorization: Bearer <secret key>`.",
  },
  writeKey: {
    type: "http",
    scheme: "basic",
    description:
      "The workspace write key as the Basic username with an empty password (`Authorization: Basic base64(writeKey + ':')`), as Segment and RudderStack libraries send it. The body's `writeKey` field works too.",
  },
  inboxWriteKey: {
    type: "apiKey",
    in: "header",
    name: "X-Cue-Write-Key",
    description: "The write key (or the `write_key` query parameter, for EventSource).",
  },
  inboxUserId: {
    type: "apiKey",
    in: "header",
    name: "X-Cue-User-Id",
    description: "The end user's userId (or `user_id`).",
  },
  inboxUserHash: {
    type: "apiKey",
    in: "header",
    name: "X-Cue-User-Hash",
    description:
      "Lowercase hex HMAC-SHA256 of the userId with the workspace's inbox signing secret (Settings → Inbox signing secret), computed by your server (or `user_hash`).",
  },
  inboxToken: {
    type: "http",
    scheme: "bearer",
    description:
      "A short-lived inbox token from POST /api/v1/inbox/token (or the `token` query parameter).",
  },
} as const;

export const SECRET_KEY = [{ secretKey: [] }];
export const WRITE_KEY = [{ writeKey: [] }];
export const INBOX_USER = [
  { inboxWriteKey: [], inboxUserId: [], inboxUserHash: [] },
  { inboxToken: [] },
];

export const pathParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});

/** Query parameters from a zod object schema, so they are what the route parses. */
export function queryParams(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
  const generated = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(generated.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: generated.required?.includes(name) ?? false,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema,
  }));
}
