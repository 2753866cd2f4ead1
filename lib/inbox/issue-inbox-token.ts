import "server-only";
import { currentInboxSigningSecret } from "./inbox-signing-secret";
import { issueInboxToken } from "./inbox-token";

/**
 * Signs with the workspace's current inbox signing secret; verification also
 * accepts the previous one during a rotation's grace period.
 */
export async function issueInboxTokenForWorkspace(input: {
  workspaceId: string;
  userId: string;
  ttlSeconds: number;
}): Promise<{ token: string; user_id: string; expires_at: string }> {
  const signingSecret = await currentInboxSigningSecret(input.workspaceId);
  const { token, expiresAt } = issueInboxToken({ ...input, signingSecret });
  return { token, user_id: input.userId, expires_at: expiresAt.toISOString() };
}
