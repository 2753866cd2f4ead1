import "server-only";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

const uuid = z.uuid();

/**
 * The profile an API caller names: by userId first, then by anonymousId,
 * then by email (stored lower-cased), all within the workspace. Another
 * workspace's profile is indistinguishable from a missing one (404).
 */
export async function findProfileIdOrThrow(input: {
  workspaceId: string;
  identifier: string;
}): Promise<string> {
  const found = await findProfileId(input);
  if (!found) throw notFound("Profile");
  return found;
}

/**
 * The profile a member types into a filter: whatever they know it by — a
 * userId, an anonymousId, an email (any case) or, failing those, the
 * profile's own id (what links from other pages carry). Null when nothing in
 * the workspace matches.
 */
export async function findProfileIdByReference(input: {
  workspaceId: string;
  reference: string;
}): Promise<string | null> {
  const { workspaceId } = input;
  const reference = input.reference.trim();
  if (!reference) return null;
  const found = await findProfileId({ workspaceId, identifier: reference });
  if (found || !uuid.safeParse(reference).success) return found;
  const byId = await prisma.profile.findFirst({
    where: { workspaceId, id: reference.toLowerCase() },
    select: { id: true },
  });
  return byId?.id ?? null;
}

async function findProfileId(input: {
  workspaceId: string;
  identifier: string;
}): Promise<string | null> {
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
  return null;
}
