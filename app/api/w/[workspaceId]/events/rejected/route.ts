// GET /api/w/:workspaceId/events/rejected – calls ingestion refused, with the reasons (cursor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listRejected, listRejectedQuerySchema } from "@/lib/events/list-rejected";
import { readQuery } from "@/lib/events/read-query";

export const GET = withWorkspace(async ({ request, workspace }) => {
  const query = readQuery(request, listRejectedQuerySchema);
  return Response.json(await listRejected({ workspaceId: workspace.id, query }));
});
