import "server-only";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

const uuid = z.uuid();

/** The public shape of a profile (secret-key API and admin pages). */
export async function getProfile(input: { workspaceId: string; profileId: string }) {
  // profiles.id is a uuid column: a malformed id is a 404, not a query error.
  if (!uuid.safeParse(input.profileId).success) throw notFound("Profile");
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
