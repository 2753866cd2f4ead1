// GET /api/w/:workspaceId/events – recent events (filters, cursor for older, after for live polling)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { readQuery } from "@/lib/events/read-query";

export const GET = withWorkspace(async ({ request, workspace }) => {
  const query = readQuery(request, listEventsQuerySchema);
  return Response.json(await listEvents({ workspaceId: workspace.id, query }));
});
