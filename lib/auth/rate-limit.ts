import "server-only";
import { prisma } from "@/lib/db/client";

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
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  if (Math.random() < 0.01) {
    await prisma.rateLimit.deleteMany({
      where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } },
    });
  }
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/** Peek without counting (used to refuse before checking a password). */
export async function peekRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await prisma.rateLimit.findUnique({
    where: { key_windowStart: { key, windowStart } },
  });
  const count = row?.count ?? 0;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: count < limit, count, retryAfterSeconds };
}
