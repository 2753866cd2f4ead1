import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { generateKey, newWorkspaceKeys } from "./api-keys";
import { workspaceNameSchema } from "./setup-schema";

export { createWorkspaceSchema } from "./setup-schema";

export interface CreatedWorkspace {
  workspaceId: string;
  writeKey: string;
  secretKey: string;
}

/**
 * Creates a workspace with its owner, a fresh write key and secret key, and
 * an inbox signing secret. The secret key is stored hashed: the answer is the
 * only place its text appears. Runs inside the caller's transaction when one
 * is given.
 */
export async function createWorkspace(
  input: { name: string; ownerId: string; writeKey?: string; secretKey?: string },
  tx: Prisma.TransactionClient = prisma,
): Promise<CreatedWorkspace> {
  const writeKey = input.writeKey ?? generateKey("write");
  const secretKey = input.secretKey ?? generateKey("secret");
  const workspace = await tx.workspace.create({
    data: {
      name: workspaceNameSchema.parse(input.name),
      memberships: { create: { memberId: input.ownerId, role: "owner" } },
      apiKeys: { create: newWorkspaceKeys({ writeKey, secretKey }) },
      inboxSigningSecret: { create: newInboxSigningSecret() },
    },
  });
  return { workspaceId: workspace.id, writeKey, secretKey };
}

export async function listMemberWorkspaces(memberId: string) {
  return prisma.membership.findMany({
    where: { memberId },
    include: { workspace: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * "New workspace": a member who owns a workspace creates another one, becomes
 * its owner, and gets its own write key and secret key.
 */
export async function createAnotherWorkspace(input: {
  name: string;
  memberId: string;
}): Promise<CreatedWorkspace & { name: string }> {
  const owns = await prisma.membership.count({
    where: { memberId: input.memberId, role: "owner" },
  });
  if (owns === 0) {
    throw new ApiError("forbidden", "Only a workspace owner can create another workspace.");
  }
  const name = workspaceNameSchema.parse(input.name);
  const created = await createWorkspace({ name, ownerId: input.memberId });
  return { ...created, name };
}
