import { expect } from "vitest";
import { prisma } from "@/lib/db/client";
import { createProfile, emailContent, enqueue } from "@/test/fixtures/channels";

/**
 * Queues `count` emails in the workspace, each to its own profile; returns
 * their ids. `alone`: as if each had been tried once already (firstAttemptAt
 * set), so each goes as a single send, never in a batch.
 */
export async function queueEmails(
  workspaceId: string,
  count: number,
  options: { alone?: boolean } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const profile = await createProfile(workspaceId, { traits: { name: `P${i}` } });
    const result = await enqueue({ workspaceId, profileId: profile.id, content: emailContent() });
    expect(result.status).toBe("queued");
    ids.push(result.messageId);
  }
  if (options.alone) {
    await prisma.message.updateMany({
      where: { id: { in: ids } },
      data: { firstAttemptAt: new Date() },
    });
  }
  return ids;
}

export async function statusCounts(workspaceId: string): Promise<Record<string, number>> {
  const rows = await prisma.message.groupBy({
    by: ["status"],
    where: { workspaceId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

export async function waitUntilSent(workspaceId: string, count: number, timeout: number) {
  await expect
    .poll(async () => (await statusCounts(workspaceId)).sent ?? 0, { timeout, interval: 200 })
    .toBe(count);
}
