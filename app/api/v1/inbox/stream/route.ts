// GET /api/v1/inbox/stream – Server-Sent Events: new items and count changes, resumable
import { parseOrThrow } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { streamQuerySchema } from "@/lib/inbox/inbox-schemas";
import { sseResponse } from "@/lib/inbox/sse-response";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";

export const dynamic = "force-dynamic";

export const GET = withInboxUser(async ({ request, user }) => {
  const query = parseOrThrow(
    streamQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return sseResponse({ request, user, lastEventId: query.last_event_id });
});

export const OPTIONS = inboxPreflight;
