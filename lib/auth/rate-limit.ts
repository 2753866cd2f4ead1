import "server-only";
import { sql } from "@/lib/db/sql";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

// Fixed-window counter in PostgreSQL, so every web instance shares the limit.
// One upsert per check; old windows are pruned opportunistically.
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  const window = fixedWindow(windowSeconds, now);
  const rows = await sql.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, "windowStart", count) VALUES (${key}, ${window.start}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  if (Math.random() < 0.01) {
    await sql.$executeRaw`
      DELETE FROM rate_limits
      WHERE "windowStart" < ${new Date(now.getTime() - 24 * 3600 * 1000)}::timestamp(3)`;
  }
  return { allowed: count <= limit, count, retryAfterSeconds: window.retryAfterSeconds };
}

/** Peek without counting (used to refuse before checking a password). */
export async function peekRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  const window = fixedWindow(windowSeconds, now);
  const [row] = await sql.$queryRaw<{ count: number }[]>`
    SELECT count FROM rate_limits WHERE key = ${key} AND "windowStart" = ${window.start}::timestamp(3)`;
  const count = row?.count ?? 0;
  return { allowed: count < limit, count, retryAfterSeconds: window.retryAfterSeconds };
}

/** The window `now` falls in, and the whole seconds (at least 1) until it ends. */
function fixedWindow(windowSeconds: number, now: Date): { start: Date; retryAfterSeconds: number } {
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { start, retryAfterSeconds };
}
