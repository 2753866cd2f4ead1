// GET /api/w/:workspaceId/journeys/:journeyId/preview – the path one profile takes through the journey, with every message rendered (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { previewQuerySchema, readExplainQuery } from "@/lib/explain/explain-query";
import { previewAsUser } from "@/lib/explain/preview-as-user";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const query = readExplainQuery(request, previewQuerySchema);
  const preview = await previewAsUser({
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    journeyId: params.journeyId,
    query,
  });
  return Response.json({ preview });
});
