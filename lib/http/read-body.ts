import type { IncomingMessage } from "node:http";
import { ApiError } from "@/lib/api/errors";

// A request body, capped, from either door. Neither buffers more than the
// cap: past it, reading stops and the rest is left unread (the node door
// then closes the connection after answering, serve-node.ts).

export function bodyTooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than ${limit} bytes.`, {
    details: { limit },
  });
}

function unreadable(): ApiError {
  return new ApiError("bad_request", "The request body could not be read.", {
    details: { reason: "unreadable_body" },
  });
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
        throw bodyTooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable();
  }
  return Buffer.concat(chunks);
}

/** A node:http request's body, at most `limit` bytes. */
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
      if (size > limit) return finish(bodyTooLarge(limit));
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
