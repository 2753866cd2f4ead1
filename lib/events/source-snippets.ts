// Copy-paste snippets for sending events to Cue (pure): the Sources page and
// the empty Events page show them with the workspace's real write key.

export interface SourceSnippets {
  curl: string;
  /** Segment's Node library, host only (the README's snippet, run by the tests). */
  node: string;
  /** RudderStack's Node SDK, dataPlaneUrl only, its defaults (gzip) kept. */
  rudderstackNode: string;
  /** Segment's analytics-next, cdnURL only. */
  segmentBrowser: string;
  /** No library: one fetch. */
  browser: string;
}

export function sourceSnippets(input: { origin: string; writeKey: string }): SourceSnippets {
  const origin = input.origin.replace(/\/+$/, "");
  const { writeKey } = input;
  return {
    curl: `curl ${origin}/api/v1/track \\
  -u '${writeKey}:' \\
  -H 'Content-Type: application/json' \\
  -d '{
    "userId": "user_123",
    "event": "Signed Up",
    "properties": { "plan": "pro" }
  }'`,
    node: `// npm install @segment/analytics-node
import { Analytics } from "@segment/analytics-node";

const analytics = new Analytics({ writeKey: "${writeKey}", host: "${origin}" });

analytics.identify({ userId: "user_123", traits: { email: "ann@example.com", plan: "pro" } });
analytics.track({ userId: "user_123", event: "Signed Up", properties: { plan: "pro" } });

// Before the process exits:
await analytics.closeAndFlush();`,
    rudderstackNode: `// npm install @rudderstack/rudder-sdk-node
import RudderAnalytics from "@rudderstack/rudder-sdk-node";

const client = new RudderAnalytics("${writeKey}", { dataPlaneUrl: "${origin}" });

client.identify({ userId: "user_123", traits: { email: "ann@example.com", plan: "pro" } });
client.track({ userId: "user_123", event: "Signed Up", properties: { plan: "pro" } });

// Before the process exits:
await client.flush();`,
    segmentBrowser: `// npm install @segment/analytics-next (or its bundle)
import { AnalyticsBrowser } from "@segment/analytics-next";

// Cue serves the settings document, so the library sends every call to Cue.
export const analytics = AnalyticsBrowser.load({
  writeKey: "${writeKey}",
  cdnURL: "${origin}",
});

analytics.identify("user_123", { plan: "pro" });
analytics.track("Viewed Pricing", { path: location.pathname });`,
    browser: `// The write key is public: it can only send events. text/plain with the key
// in the body is a "simple" request, so no CORS preflight is needed and this
// works from any site; like a beacon, the response is not readable.
fetch("${origin}/api/v1/track", {
  method: "POST",
  mode: "no-cors",
  keepalive: true,
  headers: { "Content-Type": "text/plain" },
  body: JSON.stringify({
    writeKey: "${writeKey}",
    anonymousId: localStorage.cueAnonymousId ??= crypto.randomUUID(),
    event: "Viewed Pricing",
    properties: { path: location.pathname },
  }),
});`,
  };
}
