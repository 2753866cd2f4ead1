// GET /api/w/:workspaceId/journeys/:journeyId/backtests/:backtestId – status, progress and results (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getBacktest } from "@/lib/backtests/manage-backtests";

type Params = { workspaceId: string; journeyId: string; backtestId: string };

export const GET = withWorkspace<Params>(async ({ params, workspace }) => {
  const backtest = await getBacktest({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    id: params.backtestId,
  });
  return Response.json({ backtest });
});
