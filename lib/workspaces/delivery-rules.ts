import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  deliveryRulesSchema,
  type WorkspaceDeliveryRules,
} from "@/lib/journey-core/delivery-rules";

// Workspace.deliveryRules: NULL means "the default below"; `{}` means "no
// rules" (every journey send goes out at once). The schema lives in the pure
// core (lib/journeys/delivery-rules.ts) so the simulator applies the same rules.

/**
 * The default for a new workspace: at most 3 messages per profile in any
 * 24 hours across email and in-app (a send over budget waits for a free
 * slot), and no marketing email between 21:00 and 08:00 in the profile's
 * timezone (UTC when unknown; deferred to 08:00). In-app messages are not
 * held by quiet hours: they only show while the user is in the app anyway.
 */
export const DEFAULT_DELIVERY_RULES: WorkspaceDeliveryRules = {
  frequency: { windowHours: 24, max: 3, onLimit: "defer" },
  quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
};

/** Stored JSON → rules; a row that no longer parses falls back to the default (and says so). */
export function parseStoredRules(
  stored: Prisma.JsonValue | null,
  onInvalid?: (message: string) => void,
): WorkspaceDeliveryRules {
  if (stored === null) return DEFAULT_DELIVERY_RULES;
  const parsed = deliveryRulesSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  onInvalid?.(parsed.error.issues[0]?.message ?? "invalid");
  return DEFAULT_DELIVERY_RULES;
}

export interface DeliveryRulesView {
  rules: WorkspaceDeliveryRules;
  /** True when the workspace has not set its own rules. */
  isDefault: boolean;
}

export async function getDeliveryRules(workspaceId: string): Promise<DeliveryRulesView> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { deliveryRules: true },
  });
  return {
    rules: parseStoredRules(workspace.deliveryRules),
    isDefault: workspace.deliveryRules === null,
  };
}

/** Saves validated rules; `null` goes back to the default. */
export async function saveDeliveryRules(
  workspaceId: string,
  rules: WorkspaceDeliveryRules | null,
): Promise<DeliveryRulesView> {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { deliveryRules: rules === null ? Prisma.DbNull : rules },
  });
  return { rules: rules ?? DEFAULT_DELIVERY_RULES, isDefault: rules === null };
}
