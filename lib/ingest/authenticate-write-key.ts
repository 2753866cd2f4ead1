import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { findWorkspaceByKey } from "@/lib/workspaces/api-keys";
import { ingestRateLimitPerSecond } from "./limits";

export interface WriteKeyAuth {
  workspaceId: string;
  /** Rate-limit bucket of this key (a hash, so rate_limits never holds keys). */
  bucket: string;
}

/** The write key sent as the HTTP Basic username (Segment's scheme), if any. */
export function writeKeyFromHeader(request: Request): string | null {
  const header = request.headers.get("authorization");
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

export async function authenticateWriteKey(key: string | null): Promise<WriteKeyAuth> {
  if (!key) {
    throw new ApiError(
      "unauthorized",
      "Missing write key: send it as the HTTP Basic username or as `writeKey` in the body.",
    );
  }
  const workspace = await findWorkspaceByKey(key, "write");
  if (!workspace) throw new ApiError("unauthorized", "Unknown or revoked write key.");
  const bucket = `ingest:${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
  return { workspaceId: workspace.id, bucket };
}

/** Fixed one-second window per write key, shared by every Cue process. */
export async function enforceIngestRateLimit(auth: WriteKeyAuth): Promise<void> {
  const limit = ingestRateLimitPerSecond();
  const result = await hitRateLimit(auth.bucket, limit, 1);
  if (!result.allowed) {
    throw new ApiError("rate_limited", `This write key is limited to ${limit} requests per second.`, {
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
}
