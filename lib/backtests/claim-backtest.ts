import "server-only";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Backtest } from "@/lib/generated/prisma/client";

// Claims the oldest queued backtest (FOR UPDATE SKIP LOCKED, so any number of
// workers share the queue), or one whose worker stopped sending heartbeats
// (a killed process): that one starts again from the beginning under a new
// claim number, and the old worker's writes no longer land.

export const STALE_AFTER_MS = 120_000;

export async function claimBacktest(now: Date): Promise<Backtest | null> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const rows = await sql.$queryRaw<{ id: string }[]>`
    UPDATE backtests SET status = 'running', attempts = attempts + 1, progress = 0,
      "startedAt" = ${now}::timestamp(3), "heartbeatAt" = ${now}::timestamp(3),
      "updatedAt" = ${now}::timestamp(3)
    WHERE id = (
      SELECT id FROM backtests
      WHERE status = 'queued' OR (status = 'running' AND "heartbeatAt" < ${stale}::timestamp(3))
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  const id = rows[0]?.id;
  return id ? prisma.backtest.findUnique({ where: { id } }) : null;
}
