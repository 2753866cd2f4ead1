import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// Several requests at once, all naming the same new people: the unique
// constraints decide who creates each profile, the others retry and attach.
let workspaceId: string;

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace("Concurrency"));
});

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("concurrent ingestion", () => {
  it("creates each profile once and stores each event once", async () => {
    const users = Array.from({ length: 40 }, (_, i) => `cc-user-${i}`);
    const batches = Array.from({ length: 8 }, (_, b) =>
      shuffled(users, b + 1).flatMap((userId, i) => [
        { type: "track", userId, event: "Hit", messageId: `cc-${b}-${i}`, properties: { b } },
        {
          type: "identify",
          userId,
          anonymousId: `${userId}-anon-${b % 2}`,
          traits: { [`t${b}`]: b },
          messageId: `cc-id-${b}-${i}`,
        },
      ]),
    );
    // and one batch sent twice at the same time
    const results = await Promise.all([
      ...batches.map((items) => ingestBatch({ workspaceId, items })),
      ingestBatch({ workspaceId, items: batches[0] as unknown[] }),
    ]);
    const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
    const duplicates = results.reduce((sum, r) => sum + r.duplicates, 0);
    expect(accepted).toBe(8 * 80);
    expect(duplicates).toBe(80);
    expect(await prisma.event.count({ where: { workspaceId } })).toBe(8 * 80);
    expect(await prisma.profile.count({ where: { workspaceId } })).toBe(40);
    const profile = await prisma.profile.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId, userId: "cc-user-7" } },
      include: { identities: true },
    });
    expect(profile.traits).toEqual({ t0: 0, t1: 1, t2: 2, t3: 3, t4: 4, t5: 5, t6: 6, t7: 7 });
    expect(profile.identities.map((i) => i.value).sort()).toEqual([
      "cc-user-7",
      "cc-user-7-anon-0",
      "cc-user-7-anon-1",
    ]);
    const counts = await prisma.event.groupBy({
      by: ["profileId"],
      where: { workspaceId },
      _count: true,
    });
    expect(counts.every((c) => c._count === 16)).toBe(true);
  });

  it("merges while other requests write to the merged profiles", async () => {
    const anon = Array.from({ length: 20 }, (_, i) => `mm-anon-${i}`);
    await ingestBatch({
      workspaceId,
      items: anon.flatMap((anonymousId, i) => [
        { type: "track", anonymousId, event: "Browse", messageId: `mm-pre-${i}` },
        { type: "identify", userId: `mm-user-${i}`, messageId: `mm-known-${i}` },
      ]),
    });
    const merges = anon.map((anonymousId, i) =>
      ingestBatch({
        workspaceId,
        items: [
          { type: "identify", userId: `mm-user-${i}`, anonymousId, messageId: `mm-link-${i}` },
        ],
      }),
    );
    const tracks = anon.map((anonymousId, i) =>
      ingestBatch({
        workspaceId,
        items: [{ type: "track", anonymousId, event: "Browse more", messageId: `mm-during-${i}` }],
      }),
    );
    await Promise.all([...merges, ...tracks]);
    for (let i = 0; i < anon.length; i++) {
      const identity = await prisma.profileIdentity.findUniqueOrThrow({
        where: {
          workspaceId_kind_value: { workspaceId, kind: "anonymousId", value: `mm-anon-${i}` },
        },
        include: { profile: true },
      });
      expect(identity.profile.userId).toBe(`mm-user-${i}`);
      const events = await prisma.event.findMany({
        where: { workspaceId, anonymousId: `mm-anon-${i}` },
      });
      expect(events).toHaveLength(3); // before, the linking identify, during
      expect(events.every((e) => e.profileId === identity.profileId)).toBe(true);
    }
    // no event points at a profile that no longer exists
    const orphans = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM events e
      WHERE e."workspaceId" = ${workspaceId}
        AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.id = e."profileId")`;
    expect(orphans[0]?.n).toBe(0);
  });

  it("takes the workspace-wide creation lock for large batches of strangers", async () => {
    const items = Array.from({ length: 600 }, (_, i) => ({
      type: "identify",
      userId: `big-${i}`,
      anonymousId: `big-anon-${i}`,
      traits: { i },
    }));
    const small = items.slice(0, 50).map((item, i) => ({ ...item, messageId: `small-${i}` }));
    const results = await Promise.all([
      ingestBatch({ workspaceId, items }),
      ingestBatch({ workspaceId, items: [...items].reverse() }),
      ingestBatch({ workspaceId, items: small }),
    ]);
    expect(results.every((r) => r.rejected.length === 0)).toBe(true);
    expect(
      await prisma.profile.count({ where: { workspaceId, userId: { startsWith: "big-" } } }),
    ).toBe(600);
    expect(
      await prisma.profileIdentity.count({ where: { workspaceId, value: { startsWith: "big-" } } }),
    ).toBe(1200);
  });
});
