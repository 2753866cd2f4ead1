// GET /api/w/:workspaceId/journeys/:journeyId/export/messages.csv?from=&to=&version= – the journey's messages as CSV, streamed (viewer)
import { exportJourneyCsv } from "@/lib/analytics/export-journey-csv";
import { withWorkspace } from "@/lib/auth/with-workspace";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace }) =>
  exportJourneyCsv({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    kind: "messages",
    query: Object.fromEntries(new URL(request.url).searchParams),
  }),
);
