import "server-only";
import { gunzipSync } from "node:zlib";
import { ApiError } from "@/lib/api/errors";
import type { ApiRequest } from "@/lib/http/api-handler";

// The one reader of every tracking request's body (lib/ingest/handle-ingest-request.ts).
//
// The body is read as JSON whatever Content-Type says, because the libraries
// teams run label it every way: Segment's and RudderStack's browser SDKs send
// application/json or, from sendBeacon, text/plain; RudderStack's Node SDK
// gzips its batches and axios then labels them
// application/x-www-form-urlencoded. What is not JSON is refused (400).
// gzip is recognised by Content-Encoding or by its magic bytes (1f 8b, which
// no JSON text starts with).
//
// Only a request that cannot be read as a whole is refused, with 400 (which
// Segment's and RudderStack's clients drop rather than retry). Size errors are
// 400 rather than the envelope's usual 413 because the Segment API answers
// 400 for them and its clients only know that; `details.reason` says which
// limit it was. The limit holds for the decompressed JSON too (no zip bombs).

function tooLarge(limit: number): ApiError {
  return new ApiError("bad_request", `The request body is larger than ${limit} bytes.`, {
    details: { reason: "payload_too_large", limit },
  });
}

/**
 * Reads a JSON body of at most `limit` bytes (before and after gzip), without
 * buffering or inflating more than that.
 */
export async function readIngestBody(
  request: Pick<ApiRequest, "header" | "readBody">,
  limit: number,
): Promise<unknown> {
  const type = (request.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() || null;
  const declared = Number(request.header("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const encoding = (request.header("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "" && encoding !== "gzip") {
    throw new ApiError(
      "bad_request",
      `Content-Encoding ${encoding} is not supported; use gzip or none.`,
      { details: { reason: "unsupported_content_encoding" } },
    );
  }

  // Compressed bodies are capped too: the JSON inside is at least as large.
  let bytes: Buffer;
  try {
    bytes = await request.readBody(limit);
  } catch (error) {
    throw error instanceof ApiError && error.code === "payload_too_large" ? tooLarge(limit) : error;
  }
  if (encoding === "gzip" || isGzip(bytes)) {
    if (bytes.length > 0) bytes = gunzipCapped(bytes, limit);
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") {
    throw new ApiError("invalid_json", "The request body is empty.", {
      details: { reason: "empty_body", contentType: type },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(
      "invalid_json",
      `The request body is not valid JSON (sent as ${type ?? "no Content-Type"}); every tracking request is read as JSON, gzipped or not.`,
      { details: { reason: "invalid_json", contentType: type } },
    );
  }
}

/** gzip's magic bytes; a JSON text never starts with them. */
function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipCapped(bytes: Buffer, limit: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(limit);
    throw new ApiError("bad_request", "The request body is not valid gzip.", {
      details: { reason: "unreadable_body" },
    });
  }
}
