import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { type BacktestJson, toBacktestJson } from "./backtest-json";

// Read, list and cancel. Every lookup names the workspace and the journey.

export async function getBacktest(input: {
  workspaceId: string;
  journeyId: string;
  id: string;
}): Promise<BacktestJson> {
  const row = await prisma.backtest.findFirst({
    where: { id: input.id, workspaceId: input.workspaceId, journeyId: input.journeyId },
  });
  if (!row) throw notFound("Backtest");
  return toBacktestJson(row);
}

/** Newest first, without sample paths (open one backtest for those). */
export async function listBacktests(input: {
  workspaceId: string;
  journeyId: string;
  limit: number;
}): Promise<BacktestJson[]> {
  await getJourneyOrThrow({ workspaceId: input.workspaceId, id: input.journeyId });
  const rows = await prisma.backtest.findMany({
    where: { workspaceId: input.workspaceId, journeyId: input.journeyId },
    orderBy: { createdAt: "desc" },
    take: input.limit,
  });
  return rows.map((row) => toBacktestJson(row, { withSamples: false }));
}

/**
 * Cancels a queued or running backtest. The row stays, marked cancelled,
 * with no results: a worker still replaying it notices at its next chunk and
 * stops without writing (see backtest-status.ts). Cancelling a finished one
 * is a conflict.
 */
export async function cancelBacktest(input: {
  workspaceId: string;
  journeyId: string;
  id: string;
  now?: Date;
}): Promise<BacktestJson> {
  const where = { id: input.id, workspaceId: input.workspaceId, journeyId: input.journeyId };
  const { count } = await prisma.backtest.updateMany({
    where: { ...where, status: { in: ["queued", "running"] } },
    data: {
      status: "cancelled",
      finishedAt: input.now ?? new Date(),
    },
  });
  const row = await prisma.backtest.findFirst({ where });
  if (!row) throw notFound("Backtest");
  if (count === 0 && row.status !== "cancelled") {
    throw new ApiError(
      "conflict",
      `This backtest is already ${row.status}; only a queued or running one can be cancelled.`,
    );
  }
  return toBacktestJson(row);
}
