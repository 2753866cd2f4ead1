import "server-only";
import { prisma } from "@/lib/db/client";

/** Replaces the workspace's allowed origins (already normalized by the schema). */
export async function setAllowedOrigins(input: {
  workspaceId: string;
  origins: string[];
}): Promise<string[]> {
  const workspace = await prisma.workspace.update({
    where: { id: input.workspaceId },
    data: { allowedOrigins: [...new Set(input.origins)] },
    select: { allowedOrigins: true },
  });
  return workspace.allowedOrigins;
}
