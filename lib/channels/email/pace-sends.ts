import "server-only";
import { sql } from "@/lib/db/sql";

// Pacing to the provider, shared by every worker on every machine through
// one row per workspace in email_pacers: `nextSlotAt` is the next free send
// slot. A sender reserves a slot with one atomic upsert (the row lock
// serialises concurrent reservers) and waits until it; consecutive slots are
// 1/rate apart, so all workers together never exceed the workspace's rate.
// The database clock is the only clock used, so machines with skewed clocks
// still agree. A 429 pushes the next free slot past its retry-after.

/** Resend's documented default: 2 requests per second per team. */
export const DEFAULT_EMAIL_RATE_PER_SECOND = 2;
/** A claim skips a workspace whose reserved slots already reach this far ahead. */
export const PACER_HORIZON_MS = 2_000;

/** Reserves the workspace's next send slot; resolves with how long to wait for it (ms). */
export async function reserveSendSlot(workspaceId: string, ratePerSecond: number): Promise<number> {
  const seconds = 1 / Math.max(0.01, ratePerSecond);
  const [row] = await sql.$queryRaw<{ waitMs: number }[]>`
    WITH clock AS (SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3) AS t)
    INSERT INTO email_pacers AS p ("workspaceId", "nextSlotAt")
    SELECT ${workspaceId}, clock.t + make_interval(secs => ${seconds}::float8) FROM clock
    ON CONFLICT ("workspaceId") DO UPDATE
      SET "nextSlotAt" = GREATEST(p."nextSlotAt", (SELECT t FROM clock))
                         + make_interval(secs => ${seconds}::float8)
    RETURNING GREATEST(0, EXTRACT(EPOCH FROM (p."nextSlotAt" - (SELECT t FROM clock))) * 1000
                          - ${seconds * 1000}::float8)::float8 AS "waitMs"`;
  return row?.waitMs ?? 0;
}

/** After a 429: nobody in the workspace sends again before retry-after has passed. */
export async function holdSendSlots(workspaceId: string, retryAfterMs: number): Promise<void> {
  await sql.$executeRaw`
    UPDATE email_pacers
    SET "nextSlotAt" = GREATEST("nextSlotAt",
      (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3) + make_interval(secs => ${retryAfterMs / 1000}::float8))
    WHERE "workspaceId" = ${workspaceId}`;
}

/**
 * Reserves the workspace's next slot and sleeps until it: one slot per
 * request, whether it carries one email or a batch. A sleeper that wakes
 * well after its slot (a busy event loop) takes a new one instead of sending
 * late, so late sends never bunch up with on-time ones.
 */
export async function waitForSendSlot(workspaceId: string, ratePerSecond: number): Promise<void> {
  const toleranceMs = Math.max(10, 500 / ratePerSecond);
  for (let tries = 0; tries < 5; tries++) {
    const waitMs = await reserveSendSlot(workspaceId, ratePerSecond);
    const slotAt = Date.now() + waitMs;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (Date.now() - slotAt <= toleranceMs) return;
  }
}
