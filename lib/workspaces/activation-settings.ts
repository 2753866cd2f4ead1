import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type ActivationSettings, activationSettingsSchema } from "./activation-input";

// Workspace.activation: NULL until the workspace says which events mean
// "activated" (Settings → Activation, or PUT /api/v1/settings/activation).

/** Stored JSON → the setting; a row that no longer parses reads as not set. */
export function parseStoredActivation(stored: Prisma.JsonValue | null): ActivationSettings | null {
  if (stored === null) return null;
  const parsed = activationSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function getActivationSettings(
  workspaceId: string,
): Promise<{ activation: ActivationSettings | null }> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { activation: true },
  });
  return { activation: parseStoredActivation(workspace.activation) };
}

/** Saves a validated setting; `null` clears it. */
export async function saveActivationSettings(
  workspaceId: string,
  activation: ActivationSettings | null,
): Promise<{ activation: ActivationSettings | null }> {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { activation: activation === null ? Prisma.DbNull : activation },
  });
  return { activation };
}
