import "server-only";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";

/**
 * For pages under /w/[workspaceId]: the signed-in member's membership, or a
 * redirect to sign-in, or a 404 when the workspace is not theirs.
 */
export async function requireMembership(workspaceId: string) {
  const member = await requireMember();
  const membership = await prisma.membership.findUnique({
    where: { workspaceId_memberId: { workspaceId, memberId: member.id } },
    include: { workspace: true },
  });
  if (!membership) notFound();
  return { member, workspace: membership.workspace, role: membership.role };
}
