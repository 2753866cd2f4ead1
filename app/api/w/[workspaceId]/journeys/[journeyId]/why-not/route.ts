// GET /api/w/:workspaceId/journeys/:journeyId/why-not – every gate between a profile and the journey's messages, in order, at a time (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { readExplainQuery, whyNotQuerySchema } from "@/lib/explain/explain-query";
import { whyNot } from "@/lib/explain/why-not";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const query = readExplainQuery(request, whyNotQuerySchema);
  const result = await whyNot({
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    journeyId: params.journeyId,
    query,
  });
  return Response.json({ whyNot: result });
});
