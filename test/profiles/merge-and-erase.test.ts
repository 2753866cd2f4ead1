import { describe, expect, it } from "vitest";
import { enqueueMessage } from "@/lib/channels/send-message";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { createTestWorkspace } from "../fixtures/workspace";

const card = {
  channel: "in_app" as const,
  inApp: { kind: "card" as const, title: "Hello", body: "Welcome" },
};

async function profileOf(workspaceId: string, kind: "userId" | "anonymousId", value: string) {
  const identity = await prisma.profileIdentity.findUniqueOrThrow({
    where: { workspaceId_kind_value: { workspaceId, kind, value } },
  });
  return identity.profileId;
}

describe("profile merge and erasure reach messages and the inbox", () => {
  it("an anonymous visitor's inbox follows them when they identify", async () => {
    const { workspaceId } = await createTestWorkspace();
    await ingestBatch({
      workspaceId,
      items: [
        { type: "identify", userId: "u-1", traits: { plan: "free" } },
        { type: "track", anonymousId: "anon-1", event: "Viewed Pricing" },
      ],
    });
    const anonymous = await profileOf(workspaceId, "anonymousId", "anon-1");
    await prisma.$transaction((tx) =>
      enqueueMessage(tx, {
        workspaceId,
        profileId: anonymous,
        content: card,
        idempotencyKey: "merge-test",
        source: "test",
      }),
    );

    await ingestBatch({
      workspaceId,
      items: [{ type: "identify", anonymousId: "anon-1", userId: "u-1", traits: { plan: "pro" } }],
    });
    const known = await profileOf(workspaceId, "userId", "u-1");
    expect(known).not.toBe(anonymous);
    expect(await prisma.inboxItem.count({ where: { workspaceId, profileId: known } })).toBe(1);
    expect(await prisma.message.count({ where: { workspaceId, profileId: known } })).toBe(1);
    expect(await prisma.inboxItem.count({ where: { workspaceId, profileId: anonymous } })).toBe(0);
  });

  it("erasure deletes the profile's messages and inbox items, and nobody else's", async () => {
    const { workspaceId } = await createTestWorkspace();
    await ingestBatch({
      workspaceId,
      items: [
        { type: "identify", userId: "gone", traits: { email: "gone@example.com" } },
        { type: "identify", userId: "stays", traits: { email: "stays@example.com" } },
      ],
    });
    for (const userId of ["gone", "stays"]) {
      const profileId = await profileOf(workspaceId, "userId", userId);
      await prisma.$transaction((tx) =>
        enqueueMessage(tx, {
          workspaceId,
          profileId,
          content: card,
          idempotencyKey: userId,
          source: "test",
        }),
      );
    }
    const gone = await profileOf(workspaceId, "userId", "gone");
    await eraseProfile({ workspaceId, profileId: gone });
    expect(await prisma.message.count({ where: { workspaceId } })).toBe(1);
    expect(await prisma.inboxItem.count({ where: { workspaceId } })).toBe(1);
    expect(await prisma.profile.count({ where: { workspaceId, id: gone } })).toBe(0);
  });
});
