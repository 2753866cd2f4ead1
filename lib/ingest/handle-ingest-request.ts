import "server-only";
import { ApiError, errorReply } from "@/lib/api/errors";
import {
  authenticateWriteKey,
  writeKeyFromBody,
  writeKeyFromHeader,
} from "./authenticate-write-key";
import { type IngestResult, ingestBatch } from "./ingest-batch";
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS, MAX_EVENT_BYTES } from "./limits";
import { type IngestRequest, readIngestBody, readWebBody } from "./read-ingest-body";
import { batchBodySchema, type MessageType } from "./schemas";

export type IngestEndpoint = MessageType | "batch";

/** The tracking API's answer, ready for either server to write. */
export interface IngestReply {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null for no body. */
  body: string | null;
}

/**
 * The one handler behind POST /api/v1/{track,identify,page,screen,group,alias,batch},
 * for Next's route handlers (this function) and the custom server's
 * node:http dispatch (lib/runtime/direct-routes.ts), which both call
 * answerIngest.
 */
export async function handleIngestRequest(
  request: Request,
  endpoint: IngestEndpoint,
): Promise<Response> {
  const reply = await answerIngest(
    {
      header: (name) => request.headers.get(name),
      readBody: (limit) => readWebBody(request.body, limit),
    },
    endpoint,
  );
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/**
 * 200 whenever the request could be read, listing per-item rejections:
 * Segment's clients drop a whole batch on a 400, so one bad call must not
 * cost the good ones. 400 only for a body that cannot be read at all, 401
 * for a missing/unknown/revoked key, 429 (with Retry-After, which the
 * clients honour) over the key's rate limit. Every answer is readable from
 * any origin (ingest-cors.ts).
 */
export async function answerIngest(
  request: IngestRequest,
  endpoint: IngestEndpoint,
): Promise<IngestReply> {
  const receivedAt = new Date();
  try {
    // With the key in the header, strangers are turned away before their body is read.
    const headerKey = writeKeyFromHeader(request.header("authorization"));
    let auth = headerKey === null ? null : await authenticateWriteKey(headerKey);
    const body = await readIngestBody(
      request,
      endpoint === "batch" ? MAX_BATCH_BYTES : MAX_EVENT_BYTES,
    );
    auth ??= await authenticateWriteKey(writeKeyFromBody(body));

    const { items, sentAt } = endpoint === "batch" ? readBatch(body) : readSingle(body, endpoint);
    const result = await ingestBatch({
      workspaceId: auth.workspaceId,
      items,
      sentAt,
      receivedAt,
    });
    return jsonReply(200, responseBody(result));
  } catch (error) {
    const reply = errorReply(error, { route: `/api/v1/${endpoint}` });
    if (reply.body === null) return { status: reply.status, headers: CORS, body: null };
    return jsonReply(reply.status, reply.body, reply.headers);
  }
}

const CORS = { "access-control-allow-origin": "*" } as const;

function jsonReply(status: number, body: unknown, headers?: Record<string, string>): IngestReply {
  return {
    status,
    headers: { ...headers, "content-type": "application/json", ...CORS },
    body: JSON.stringify(body),
  };
}

function readBatch(body: unknown): { items: unknown[]; sentAt: unknown } {
  const parsed = batchBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError("bad_request", "The body must be an object with a `batch` array.", {
      details: { reason: "invalid_batch" },
    });
  }
  if (parsed.data.batch.length > MAX_BATCH_ITEMS) {
    throw new ApiError(
      "bad_request",
      `A batch holds at most ${MAX_BATCH_ITEMS} calls; this one has ${parsed.data.batch.length}.`,
      { details: { reason: "too_many_items", limit: MAX_BATCH_ITEMS } },
    );
  }
  return { items: parsed.data.batch, sentAt: parsed.data.sentAt };
}

function readSingle(body: unknown, type: MessageType): { items: unknown[]; sentAt: unknown } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError("bad_request", "The body must be a JSON object.", {
      details: { reason: "invalid_body" },
    });
  }
  // The path names the call type, whatever the body says.
  return { items: [{ ...(body as Record<string, unknown>), type }], sentAt: undefined };
}

/** `{ success: true }` alone means every call was stored as new. */
function responseBody(result: IngestResult) {
  if (result.rejected.length === 0 && result.duplicates === 0) return { success: true };
  return {
    success: true,
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected,
  };
}
