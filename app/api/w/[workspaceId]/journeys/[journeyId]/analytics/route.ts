// GET /api/w/:workspaceId/journeys/:journeyId/analytics?from=&to=&version= – a journey's numbers (viewer)
import { getJourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { withWorkspace } from "@/lib/auth/with-workspace";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const analytics = await getJourneyAnalytics({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    query,
  });
  return Response.json({ analytics });
});
