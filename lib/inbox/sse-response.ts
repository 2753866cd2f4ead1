import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { InboxUser } from "./authenticate-inbox-user";
import { DEFAULT_HEARTBEAT_MS, openInboxStream } from "./open-inbox-stream";

/**
 * The SSE answer. Last-Event-ID comes as the header (EventSource's own
 * reconnects, which know the newest id) or as `last_event_id` (the first
 * connect, from the seq the client last listed); the header wins.
 */
export async function sseResponse(input: {
  request: Request;
  user: InboxUser;
  lastEventId?: string;
}): Promise<Response> {
  const header = input.request.headers.get("last-event-id")?.trim();
  const raw = header && /^\d{1,19}$/.test(header) ? header : input.lastEventId;
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await openInboxStream({
      user: input.user,
      lastEventId: raw ? BigInt(raw) : null,
      signal: input.request.signal,
      heartbeatMs: heartbeatMs(),
    });
  } catch (error) {
    console.error("[cue] inbox stream could not start", error);
    throw new ApiError("unavailable", "The live inbox is unavailable; retry shortly.", {
      headers: { "Retry-After": "3" },
    });
  }
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (which would buffer events) off.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

/** CUE_SSE_HEARTBEAT_MS shortens the heartbeat (tests, aggressive proxies). */
function heartbeatMs(): number {
  const value = Number(process.env.CUE_SSE_HEARTBEAT_MS);
  return Number.isFinite(value) && value >= 100 ? value : DEFAULT_HEARTBEAT_MS;
}
