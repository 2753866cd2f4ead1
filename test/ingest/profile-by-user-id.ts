import { prisma } from "@/lib/db/client";

/** A profile with its identities and groups, by userId. */
export async function profileByUserId(workspaceId: string, userId: string) {
  return prisma.profile.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { identities: true, groups: { include: { group: true } } },
  });
}
