import "server-only";
import { prisma } from "@/lib/db/client";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export interface UnsubscribeState {
  workspaceName: string;
  /** Masked, so a forwarded link shows whose subscription it is without revealing it. */
  maskedEmail: string | null;
  unsubscribed: boolean;
}

/** What the public page shows for a token; null when it is invalid or the profile is gone. */
export async function describeUnsubscribe(token: string): Promise<UnsubscribeState | null> {
  const subject = await verifyUnsubscribeToken(token);
  if (!subject) return null;
  const profile = await prisma.profile.findFirst({
    where: { id: subject.profileId, workspaceId: subject.workspaceId },
    select: { email: true, unsubscribedAt: true },
  });
  if (!profile) return null;
  const workspace = await prisma.workspace.findUnique({
    where: { id: subject.workspaceId },
    select: { name: true },
  });
  return {
    workspaceName: workspace?.name ?? "this sender",
    maskedEmail: profile.email ? maskEmail(profile.email) : null,
    unsubscribed: profile.unsubscribedAt !== null,
  };
}

/**
 * Unsubscribes the token's profile from marketing email (transactional mail
 * still goes out). Idempotent; the first time is kept. False for a bad token.
 */
export async function unsubscribeWithToken(token: string, now = new Date()): Promise<boolean> {
  const subject = await verifyUnsubscribeToken(token);
  if (!subject) return false;
  await prisma.profile.updateMany({
    where: { id: subject.profileId, workspaceId: subject.workspaceId, unsubscribedAt: null },
    data: { unsubscribedAt: now },
  });
  return true;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = email.slice(0, at);
  return `${local[0]}${"*".repeat(Math.max(2, Math.min(local.length - 1, 6)))}${email.slice(at)}`;
}
