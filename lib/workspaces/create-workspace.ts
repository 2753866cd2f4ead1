import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateKey } from "./api-keys";
import { workspaceNameSchema } from "./setup-schema";

export interface CreatedWorkspace {
  workspaceId: string;
  writeKey: string;
  secretKey: string;
}

/**
 * Creates a workspace with its owner and a fresh write key and secret key.
 * Runs inside the caller's transaction when one is given.
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
      apiKeys: {
        create: [
          { kind: "write", key: writeKey },
          { kind: "secret", key: secretKey },
        ],
      },
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
