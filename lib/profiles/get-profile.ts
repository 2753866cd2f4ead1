import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

/** The public shape of a profile in the secret-key API. */
export async function getProfile(input: { workspaceId: string; profileId: string }) {
  const profile = await prisma.profile.findFirst({
    where: { id: input.profileId, workspaceId: input.workspaceId },
    include: {
      identities: { orderBy: [{ kind: "asc" }, { createdAt: "asc" }] },
      groups: { include: { group: true }, orderBy: { joinedAt: "asc" } },
    },
  });
  if (!profile) throw notFound("Profile");
  return {
    id: profile.id,
    userId: profile.userId,
    email: profile.email,
    timezone: profile.timezone,
    traits: profile.traits,
    identities: profile.identities.map(({ kind, value }) => ({ kind, value })),
    groups: profile.groups.map((membership) => ({
      groupId: membership.groupId,
      traits: membership.group.traits,
      joinedAt: membership.joinedAt,
    })),
    firstSeenAt: profile.firstSeenAt,
    lastSeenAt: profile.lastSeenAt,
    subscribed: profile.unsubscribedAt === null,
    unsubscribedAt: profile.unsubscribedAt,
  };
}
