import "server-only";
import { getEmailSettings } from "@/lib/channels/email/workspace-email-settings";
import { prisma } from "@/lib/db/client";
import { getDeliveryRules } from "./delivery-rules";
import type { WorkspaceView } from "./workspace-view-schema";

/** The workspace as its secret key sees it; built from the settings pages' own readers. */
export async function getWorkspaceView(workspaceId: string): Promise<WorkspaceView> {
  const [workspace, deliveryRules, email] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { id: true, name: true, createdAt: true, allowedOrigins: true },
    }),
    getDeliveryRules(workspaceId),
    getEmailSettings(workspaceId),
  ]);
  return {
    id: workspace.id,
    name: workspace.name,
    createdAt: workspace.createdAt.toISOString(),
    allowedOrigins: workspace.allowedOrigins,
    deliveryRules,
    email,
  };
}
