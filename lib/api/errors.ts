import type { z } from "zod";

// The one error envelope of every JSON API:
//   { "error": { "code", "message", "details"? } }
// Handlers throw ApiError (or a ZodError); error-reply.ts turns any thrown
// value into an answer. This file stays free of server code: the journey core
// reaches it through content checks.

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  validation_failed: 422,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = "Resource"): ApiError {
  return new ApiError("not_found", `${what} not found.`);
}

/** Dotted path of a zod issue: `properties.plan`, `batch.3.event`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issuePath(issue.path) || "(root)",
    message: issue.message,
  }));
}

export function fromZodError(error: z.ZodError): ApiError {
  const issues = zodIssues(error);
  const first = issues[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid input.";
  return new ApiError("validation_failed", message, { details: { issues } });
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Parse with a zod schema, throwing the envelope's validation error. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json.");
  }
  const text = await request.text();
  if (text.trim() === "") throw new ApiError("invalid_json", "The request body is empty.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}
