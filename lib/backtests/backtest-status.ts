import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Every write a backtest worker makes names the claim it holds (`attempts`)
// and requires status = running. So a cancel (status → cancelled) or a newer
// claim of a stale row wins over a worker still going, and a cancelled
// backtest is never given results after the fact.

export interface Claim {
  id: string;
  attempt: number;
}

/** Progress and heartbeat; false when the claim is gone (cancelled or taken over). */
export async function reportProgress(claim: Claim, progress: number, now: Date): Promise<boolean> {
  const { count } = await prisma.backtest.updateMany({
    where: { id: claim.id, status: "running", attempts: claim.attempt },
    data: { progress: Math.min(1, Math.max(0, progress)), heartbeatAt: now },
  });
  return count === 1;
}

export async function finishBacktest(
  claim: Claim,
  result: { counts: Prisma.InputJsonValue; samplePaths: Prisma.InputJsonValue },
  now: Date,
): Promise<boolean> {
  const { count } = await prisma.backtest.updateMany({
    where: { id: claim.id, status: "running", attempts: claim.attempt },
    data: { status: "done", progress: 1, ...result, finishedAt: now, heartbeatAt: now },
  });
  return count === 1;
}

export async function failBacktest(claim: Claim, error: string, now: Date): Promise<void> {
  await prisma.backtest.updateMany({
    where: { id: claim.id, status: "running", attempts: claim.attempt },
    data: { status: "failed", error: error.slice(0, 2000), finishedAt: now },
  });
}
