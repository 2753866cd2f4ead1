// POST /api/w/:workspaceId/journeys/:journeyId/backtests/:backtestId/cancel – stop it; no results are kept (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { cancelBacktest } from "@/lib/backtests/manage-backtests";

type Params = { workspaceId: string; journeyId: string; backtestId: string };

export const POST = withWorkspace<Params>(async ({ params, workspace }) => {
  const backtest = await cancelBacktest({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    id: params.backtestId,
  });
  return Response.json({ backtest });
});
