// Cue.track: one event for the current user, sent to POST /api/v1/track.

export const VERSION = "1.0.0";

export interface TrackTarget {
  host: string;
  writeKey: string;
  userId: string | null;
}

/**
 * Sent as text/plain with the write key in the body, a "simple" request, so
 * it works from any origin without a CORS preflight (as Segment's browser
 * library does). The answer is opaque across origins, so it resolves once sent.
 */
export function sendTrack(
  target: TrackTarget,
  event: string,
  properties: Record<string, unknown> | undefined,
  page: { path: string; url: string; title: string },
): Promise<void> {
  const body = {
    writeKey: target.writeKey,
    userId: target.userId,
    event: String(event),
    properties: properties || {},
    messageId: uuid(),
    timestamp: new Date().toISOString(),
    context: { library: { name: "cue.js", version: VERSION }, page },
  };
  const sameOrigin = !target.host || target.host === location.origin;
  return fetch(`${target.host}/api/v1/track`, {
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body: JSON.stringify(body),
    credentials: "omit",
    keepalive: true,
    mode: sameOrigin ? "same-origin" : "no-cors",
  }).then(() => undefined);
}

function uuid(): string {
  const c: Partial<Crypto> = typeof crypto === "undefined" ? {} : crypto;
  if (c.randomUUID) return c.randomUUID();
  return `cue-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
