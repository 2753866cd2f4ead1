// GET  /api/w/:workspaceId/journeys/:journeyId/backtests – the journey's backtests, newest first (viewer)
// POST /api/w/:workspaceId/journeys/:journeyId/backtests – queue a backtest {source, version?, from, to} → 202 (editor)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createBacktestSchema, listBacktestsQuerySchema } from "@/lib/backtests/backtest-schemas";
import { createBacktest } from "@/lib/backtests/create-backtest";
import { listBacktests } from "@/lib/backtests/manage-backtests";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const { limit } = parseOrThrow(
    listBacktestsQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const backtests = await listBacktests({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    limit,
  });
  return Response.json({ backtests });
});

export const POST = withWorkspace<Params>(async ({ request, params, workspace, member }) => {
  const input = parseOrThrow(createBacktestSchema, await readJson(request));
  const backtest = await createBacktest({
    workspaceId: workspace.id,
    journeyId: params.journeyId,
    memberId: member.id,
    request: input,
  });
  return Response.json({ backtest }, { status: 202 });
});
