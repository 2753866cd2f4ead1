// GET /api/v1/inbox – a page of the end user's in-app feed, with unread/unseen counts
import { parseOrThrow } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { listInboxQuerySchema } from "@/lib/inbox/inbox-schemas";
import { listInbox } from "@/lib/inbox/list-inbox";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";

export const dynamic = "force-dynamic";

export const GET = withInboxUser(async ({ request, user }) => {
  const query = parseOrThrow(
    listInboxQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const page = await listInbox({
    workspaceId: user.workspace.id,
    profileId: user.profileId,
    query,
  });
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});

export const OPTIONS = inboxPreflight;
