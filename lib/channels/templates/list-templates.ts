import "server-only";
import { prisma } from "@/lib/db/client";
import type { Channel } from "@/lib/generated/prisma/client";
import { type TemplateView, toTemplateView } from "./template-view";

const LIMIT = 500;

export async function listTemplates(input: {
  workspaceId: string;
  channel?: Channel;
}): Promise<TemplateView[]> {
  const rows = await prisma.messageTemplate.findMany({
    where: { workspaceId: input.workspaceId, ...(input.channel ? { channel: input.channel } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
  });
  return rows.map(toTemplateView);
}
