import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

/**
 * The profile an API caller names: by userId first, then by anonymousId,
 * then by email (stored lower-cased), all within the workspace. Another
 * workspace's profile is indistinguishable from a missing one (404).
 */
export async function findProfileIdOrThrow(input: {
  workspaceId: string;
  identifier: string;
}): Promise<string> {
  const { workspaceId, identifier } = input;
  const identities = await prisma.profileIdentity.findMany({
    where: { workspaceId, value: identifier, kind: { in: ["userId", "anonymousId"] } },
    select: { kind: true, profileId: true },
  });
  const byKind = (kind: "userId" | "anonymousId") =>
    identities.find((identity) => identity.kind === kind)?.profileId;
  const found = byKind("userId") ?? byKind("anonymousId");
  if (found) return found;

  if (identifier.includes("@")) {
    const byEmail = await prisma.profile.findFirst({
      where: { workspaceId, email: identifier.trim().toLowerCase() },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true },
    });
    if (byEmail) return byEmail.id;
  }
  throw notFound("Profile");
}
