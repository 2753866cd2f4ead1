import "server-only";
import { prisma } from "@/lib/db/client";

export async function listMembers(workspaceId: string) {
  const rows = await prisma.membership.findMany({
    where: { workspaceId },
    include: { member: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r.member, role: r.role, joinedAt: r.createdAt }));
}

export async function listOpenInvites(workspaceId: string) {
  return prisma.invite.findMany({
    where: { workspaceId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, token: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
