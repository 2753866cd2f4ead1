import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { reportDatabaseError } from "@/lib/db/availability";
import { genericPlanSql, sql } from "@/lib/db/sql";
import { ingestRateLimitPerSecond } from "./limits";

export interface WriteKeyAuth {
  workspaceId: string;
}

/** The write key sent as the HTTP Basic username (Segment's scheme), from the Authorization header. */
export function writeKeyFromHeader(header: string | null): string | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError("unauthorized", "Send the write key as the HTTP Basic username.");
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

/** The `writeKey` field of the body, the alternative to the header. */
export function writeKeyFromBody(body: unknown): string | null {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return null;
  const key = (body as { writeKey?: unknown }).writeKey;
  return typeof key === "string" ? key : null;
}

/**
 * Checks the write key (401 if missing, unknown, revoked or not a write key)
 * and counts the request against the key's per-second window (429 with
 * Retry-After), in one round trip.
 *
 * This is lib/auth/rate-limit.ts's fixed window (same table, same
 * upsert), but committed without waiting for the WAL flush
 * (synchronous_commit off for this statement only): every request of a key
 * updates the same row, and holding its lock through a ~5 ms fsync would cap
 * a key at ~200 requests/s. Losing the last few counts in a crash is harmless.
 * The key itself never reaches rate_limits, only a hash of it.
 */
export async function authenticateWriteKey(
  key: string | null,
  now = new Date(),
): Promise<WriteKeyAuth> {
  if (!key) {
    throw new ApiError(
      "unauthorized",
      "Missing write key: send it as the HTTP Basic username or as `writeKey` in the body.",
    );
  }
  const bucket = `ingest:${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
  const windowStart = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const rows = await genericPlanSql.$queryRaw<{ workspaceId: string; count: number }[]>`
    WITH async_commit AS MATERIALIZED (
      SELECT set_config('synchronous_commit', 'off', true)
    ), api_key AS (
      SELECT "workspaceId" FROM api_keys
      WHERE key = ${key} AND kind = 'write' AND "revokedAt" IS NULL
    ), hit AS (
      INSERT INTO rate_limits (key, "windowStart", count)
      SELECT ${bucket}, ${windowStart.toISOString()}::timestamp(3), 1 FROM api_key, async_commit
      ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limits.count + 1
      RETURNING count
    )
    SELECT api_key."workspaceId", (SELECT count FROM hit) AS count FROM api_key`;
  const row = rows[0];
  if (!row) throw new ApiError("unauthorized", "Unknown or revoked write key.");

  const limit = ingestRateLimitPerSecond();
  if (row.count > limit) {
    const retryAfter = Math.max(
      1,
      Math.ceil((windowStart.getTime() + 1000 - now.getTime()) / 1000),
    );
    throw new ApiError(
      "rate_limited",
      `This write key is limited to ${limit} requests per second.`,
      {
        headers: { "Retry-After": String(retryAfter) },
      },
    );
  }
  if (Math.random() < 0.001) void pruneWindows(now);
  return { workspaceId: row.workspaceId };
}

/** One row per key per second adds up; old windows are dropped now and then. */
async function pruneWindows(now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 3600_000);
  try {
    await sql.$executeRaw`
      DELETE FROM rate_limits WHERE key LIKE 'ingest:%' AND "windowStart" < ${cutoff}`;
  } catch (error) {
    if (reportDatabaseError(error)) return;
    console.error("[cue] pruning ingest rate limits failed", error);
  }
}
