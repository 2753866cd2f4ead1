import type { IncomingMessage } from "node:http";

/**
 * Next gzips every streamed response the client accepts gzip for, and route
 * handler responses are streamed. For the API's small JSON answers that
 * costs more CPU than it saves bytes (measured: zlib was the largest single
 * item in a /track profile), and an event stream must never be buffered by a
 * compressor. Pages keep their compression.
 */
export function skipApiCompression(req: IncomingMessage): void {
  if (req.url?.startsWith("/api/")) delete req.headers["accept-encoding"];
}
