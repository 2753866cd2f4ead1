import "server-only";
import { prisma } from "@/lib/db/client";
import type { ClaimedEmail } from "./claim-due-emails";
import { normalizeAddress } from "./suppression";

// The send-time gates: a bounce, complaint or unsubscribe may have landed
// since the message was queued. A single send checks them before each
// attempt; a batch checks them once, when it forms (form-email-batches.ts),
// because every retry of a formed batch must be the identical request.

type Gated = Pick<ClaimedEmail, "id" | "workspaceId" | "profileId" | "toAddress" | "transactional">;

/** Why one message must not be sent now (null: it may). */
export async function deliveryGate(message: Gated): Promise<string | null> {
  return (await deliveryGates(message.workspaceId, [message])).get(message.id) ?? null;
}

/** The gates of many messages of one workspace, in two queries: id → reason, for the blocked. */
export async function deliveryGates(
  workspaceId: string,
  messages: readonly Gated[],
): Promise<Map<string, string>> {
  const blocked = new Map<string, string>();
  const addressed = messages.filter((m) => {
    if (m.toAddress) return true;
    blocked.set(m.id, "The message has no recipient address.");
    return false;
  });
  if (addressed.length === 0) return blocked;
  const [suppressed, unsubscribed] = await Promise.all([
    prisma.suppression.findMany({
      where: {
        workspaceId,
        email: { in: addressed.map((m) => normalizeAddress(m.toAddress as string)) },
      },
      select: { email: true },
    }),
    addressed.some((m) => !m.transactional)
      ? prisma.profile.findMany({
          where: {
            workspaceId,
            id: { in: addressed.filter((m) => !m.transactional).map((m) => m.profileId) },
            unsubscribedAt: { not: null },
          },
          select: { id: true },
        })
      : [],
  ]);
  const suppressedSet = new Set(suppressed.map((s) => s.email));
  const unsubscribedSet = new Set(unsubscribed.map((p) => p.id));
  for (const m of addressed) {
    if (suppressedSet.has(normalizeAddress(m.toAddress as string))) {
      blocked.set(m.id, `${m.toAddress} is on the suppression list.`);
    } else if (!m.transactional && unsubscribedSet.has(m.profileId)) {
      blocked.set(m.id, "The profile unsubscribed from marketing email.");
    }
  }
  return blocked;
}
