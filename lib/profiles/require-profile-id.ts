import "server-only";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

const uuid = z.uuid();

/**
 * The profile id from a URL, if that profile exists in the workspace; else a
 * 404 — a malformed id, a missing profile and another workspace's profile
 * look the same.
 */
export async function requireProfileId(input: {
  workspaceId: string;
  profileId: string;
}): Promise<string> {
  if (!uuid.safeParse(input.profileId).success) throw notFound("Profile");
  const profile = await prisma.profile.findFirst({
    where: { id: input.profileId, workspaceId: input.workspaceId },
    select: { id: true },
  });
  if (!profile) throw notFound("Profile");
  return profile.id;
}
