import "server-only";
import { ApiError } from "@/lib/api/errors";
import { getActiveKey } from "@/lib/workspaces/api-keys";
import { issueInboxToken } from "./inbox-token";

/**
 * Signs with the active secret key, which may differ from the one the caller
 * authenticated with only during a rotation race; verification uses the
 * active key too, so the token is always checkable.
 */
export async function issueInboxTokenForWorkspace(input: {
  workspaceId: string;
  userId: string;
  ttlSeconds: number;
}): Promise<{ token: string; user_id: string; expires_at: string }> {
  const secretKey = await getActiveKey(input.workspaceId, "secret");
  if (!secretKey) throw new ApiError("unauthorized", "The workspace has no active secret key.");
  const { token, expiresAt } = issueInboxToken({ ...input, secretKey });
  return { token, user_id: input.userId, expires_at: expiresAt.toISOString() };
}
