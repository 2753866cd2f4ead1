import "server-only";
import type { IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";
import { ApiError } from "@/lib/api/errors";

// Only a request that cannot be read as a whole is refused (400, which
// Segment's clients drop rather than retry). These are 400 rather than the
// envelope's usual 413/415 because the Segment API answers 400 for them and
// its clients only know that; `details.reason` says which limit it was.

/**
 * What the tracking API needs of a request, whichever server received it:
 * a Web Request (Next's route handlers) or node:http's IncomingMessage (the
 * custom server, lib/runtime/direct-routes.ts).
 */
export interface IngestRequest {
  /** A header's value by lower-case name, or null. */
  header(name: string): string | null;
  /** The raw body, at most `limit` bytes (readBodyCapped's errors past that). */
  readBody(limit: number): Promise<Buffer>;
}

function tooLarge(limit: number): ApiError {
  return new ApiError("bad_request", `The request body is larger than ${limit} bytes.`, {
    details: { reason: "payload_too_large", limit },
  });
}

function unreadable(): ApiError {
  return new ApiError("bad_request", "The request body could not be read.", {
    details: { reason: "unreadable_body" },
  });
}

/**
 * Reads a JSON body of at most `limit` bytes (gzip allowed, as Segment's API
 * allows it), without buffering more than that.
 */
export async function readIngestBody(request: IngestRequest, limit: number): Promise<unknown> {
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
  let bytes = await request.readBody(limit);
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

/** A Web Request's body, at most `limit` bytes. */
export async function readWebBody(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable();
  }
  return Buffer.concat(chunks);
}

/**
 * A node:http request's body, at most `limit` bytes. Past the limit it stops
 * reading (the rest is left unread; the caller closes the connection after
 * answering).
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: ApiError | null) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
      if (error) {
        req.pause();
        reject(error);
      } else {
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(unreadable());
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
    if (req.readableEnded) finish(null);
  });
}
