// GET /api/w/:workspaceId/journeys/:journeyId/node-stats – per node: entered, waiting, passed and sent (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { nodeStatsQuerySchema, readExplainQuery } from "@/lib/explain/explain-query";
import { journeyNodeStats } from "@/lib/journeys/node-stats";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const { version } = readExplainQuery(request, nodeStatsQuerySchema);
  return Response.json(
    await journeyNodeStats({ workspaceId: workspace.id, journeyId: params.journeyId, version }),
  );
});
