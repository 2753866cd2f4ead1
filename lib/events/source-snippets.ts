// Copy-paste snippets for sending events to Cue (pure): the Sources page and
// the empty Events page show them with the workspace's real write key.

export interface SourceSnippets {
  curl: string;
  node: string;
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

const analytics = new Analytics({
  writeKey: "${writeKey}",
  host: "${origin}",
  path: "/api/v1/batch",
});

analytics.identify({ userId: "user_123", traits: { email: "ann@example.com", plan: "pro" } });
analytics.track({ userId: "user_123", event: "Signed Up", properties: { plan: "pro" } });

// Before the process exits:
await analytics.closeAndFlush();`,
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
