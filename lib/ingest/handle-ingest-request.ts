import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type ApiReply, type ApiRequest, errorJsonReply, jsonReply } from "@/lib/http/api-handler";
import { recordIngest } from "@/lib/metrics/record";
import {
  authenticateWriteKey,
  writeKeyFromBody,
  writeKeyFromHeader,
} from "./authenticate-write-key";
import { type IngestResult, ingestBatch } from "./ingest-batch";
import { INGEST_CORS } from "./ingest-cors";
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS, MAX_EVENT_BYTES } from "./limits";
import { readIngestBody } from "./read-ingest-body";
import { batchBodySchema, type MessageType } from "./schemas";

export type IngestEndpoint = MessageType | "batch";

/**
 * The handler of every tracking API path (POST /api/v1/{track,identify,page,
 * screen,group,alias,batch}, entries of lib/http/api-routes.ts); `endpoint`
 * is the call the body carries. 200 whenever the request could be read,
 * listing per-item rejections: Segment's clients drop a whole batch on a
 * 400, so one bad call must not cost the good ones. 400 only for a body that cannot be read at all, 401
 * for a missing/unknown/revoked key, 429 (with Retry-After, which the
 * clients honour) over the key's rate limit. Every answer is readable from
 * any origin (ingest-cors.ts).
 */
export async function answerIngest(
  request: ApiRequest,
  endpoint: IngestEndpoint,
): Promise<ApiReply> {
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
    recordIngest(200, result);
    return jsonReply(200, responseBody(result), INGEST_CORS);
  } catch (error) {
    const reply = errorJsonReply(error, { route: request.path }, INGEST_CORS);
    recordIngest(reply.status);
    return reply;
  }
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
