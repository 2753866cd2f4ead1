// GET /api/w/:workspaceId/analytics/overview?from=&to= – messages, budget hits, top journeys, health (viewer)
import { getWorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { withWorkspace } from "@/lib/auth/with-workspace";

export const GET = withWorkspace(async ({ request, workspace }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json({
    overview: await getWorkspaceOverview({ workspaceId: workspace.id, query }),
  });
});
