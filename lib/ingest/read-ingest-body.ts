import "server-only";
import { gunzipSync } from "node:zlib";
import { ApiError } from "@/lib/api/errors";
import type { ApiRequest } from "@/lib/http/api-handler";

// Only a request that cannot be read as a whole is refused (400, which
// Segment's clients drop rather than retry). These are 400 rather than the
// envelope's usual 413/415 because the Segment API answers 400 for them and
// its clients only know that; `details.reason` says which limit it was.

function tooLarge(limit: number): ApiError {
  return new ApiError("bad_request", `The request body is larger than ${limit} bytes.`, {
    details: { reason: "payload_too_large", limit },
  });
}

/**
 * Reads a JSON body of at most `limit` bytes (gzip allowed, as Segment's API
 * allows it), without buffering more than that.
 */
export async function readIngestBody(
  request: Pick<ApiRequest, "header" | "readBody">,
  limit: number,
): Promise<unknown> {
  const type = (request.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  // text/plain is what browsers' sendBeacon sends when a page unloads.
  if (type !== "application/json" && type !== "text/plain") {
    throw new ApiError("bad_request", "Content-Type must be application/json.", {
      details: { reason: "unsupported_media_type", contentType: type || null },
    });
  }
  const declared = Number(request.header("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const encoding = (request.header("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "" && encoding !== "gzip") {
    throw new ApiError(
      "bad_request",
      `Content-Encoding ${encoding} is not supported; use gzip or none.`,
      {
        details: { reason: "unsupported_content_encoding" },
      },
    );
  }

  // Compressed bodies are capped too: the JSON inside is at least as large.
  let bytes: Buffer;
  try {
    bytes = await request.readBody(limit);
  } catch (error) {
    throw error instanceof ApiError && error.code === "payload_too_large" ? tooLarge(limit) : error;
  }
  if (encoding === "gzip" && bytes.length > 0) bytes = gunzipCapped(bytes, limit);
  const text = bytes.toString("utf8");
  if (text.trim() === "") {
    throw new ApiError("invalid_json", "The request body is empty.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
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
