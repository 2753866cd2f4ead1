import "server-only";
import { z } from "zod";
import { RETRY_AFTER_SECONDS, reportDatabaseError } from "@/lib/db/availability";
import { logger } from "@/lib/log/logger";
import { ApiError, ERROR_STATUS, errorBody, fromZodError } from "./errors";

// The one place a thrown value becomes an answer (both doors of the handler
// table through lib/http/api-handler.ts, and the route wrappers with-workspace,
// with-secret-key, with-inbox-user): ApiError and zod errors as they say, a
// client that went away as nothing, an unavailable database (refused, reset,
// shutting down, starting up, SQLSTATE 08xxx, pool timeout; lib/db/
// postgres-errors.ts) as 503 `unavailable` with Retry-After, and anything
// else as a logged 500.

/** An error's answer, before it becomes a Response (the node:http tracking API writes it directly). */
export interface ErrorReply {
  status: number;
  headers?: Record<string, string>;
  /** The envelope, or null for a body-less answer (a client that went away). */
  body: ReturnType<typeof errorBody> | null;
}

export function errorReply(error: unknown, context: Record<string, unknown> = {}): ErrorReply {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      headers: error.headers,
      body: errorBody(error.code, error.message, error.details),
    };
  }
  if (error instanceof z.ZodError) {
    return errorReply(fromZodError(error), context);
  }
  if (isClientAbort(error)) {
    // The client went away mid-request (a cancelled preview, a closed tab):
    // nobody reads this response, and it is not a server fault worth logging.
    return { status: 499, body: null };
  }
  if (reportDatabaseError(error)) {
    // The database is down, restarting or unreachable: not this request's
    // fault, and not a bug. Clients retry (Segment's libraries honour
    // Retry-After); the outage is logged once by lib/db/availability.ts.
    return {
      status: ERROR_STATUS.unavailable,
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
      body: errorBody("unavailable", "The database is unavailable; retry shortly."),
    };
  }
  logger().error({ ...context, err: error }, "unhandled error");
  return { status: 500, body: errorBody("internal_error", "Something went wrong on our side.") };
}

export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  const reply = errorReply(error, context);
  if (reply.body === null) return new Response(null, { status: reply.status });
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

function isClientAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === "AbortError" || (error.message === "aborted" && code === "ECONNRESET");
}
