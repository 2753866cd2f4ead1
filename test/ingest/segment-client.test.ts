import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { startRouteServer } from "@/test/fixtures/route-server";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The reference client, unmodified, against Cue's /batch handler over real HTTP.
let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const bodies: string[] = [];

async function recordAndIngest(request: Request): Promise<Response> {
  bodies.push(await request.clone().text());
  return batch(request);
}

beforeAll(async () => {
  ws = await createTestWorkspace("Segment client");
  server = await startRouteServer({ "/api/v1/batch": { POST: recordAndIngest } });
});

afterAll(async () => {
  await server?.close();
});

describe("@segment/analytics-node", () => {
  it("delivers every call, and every profile lands", async () => {
    const analytics = new Analytics({
      writeKey: ws.writeKey,
      host: server.url,
      path: "/api/v1/batch",
      flushAt: 20,
      flushInterval: 100,
    });
    const errors: unknown[] = [];
    analytics.on("error", (error) => errors.push(error));

    const users = Array.from({ length: 12 }, (_, i) => `seg-user-${i}`);
    for (const [i, userId] of users.entries()) {
      const anonymousId = `seg-anon-${i}`;
      analytics.page({ anonymousId, name: "Pricing", properties: { path: "/pricing" } });
      analytics.identify({
        userId,
        anonymousId,
        traits: { email: `${userId}@example.com`, plan: i % 2 ? "pro" : "free" },
      });
      analytics.track({
        userId,
        event: "Order Completed",
        properties: { total: 10 + i, items: ["a", "b"] },
      });
      analytics.group({ userId, groupId: `org-${i % 3}`, traits: { name: `Org ${i % 3}` } });
      analytics.screen({ userId, name: "Home" });
    }
    analytics.alias({ userId: "seg-user-0", previousId: "seg-legacy-0" });
    await analytics.closeAndFlush({ timeout: 20_000 });

    expect(errors).toEqual([]);
    expect(bodies.length).toBeGreaterThan(1); // several batches were sent
    const sent = bodies.flatMap(
      (body) => (JSON.parse(body) as { batch: { messageId: string }[] }).batch,
    );
    expect(sent).toHaveLength(users.length * 5 + 1);
    const stored = await prisma.event.findMany({
      where: { workspaceId: ws.workspaceId, messageId: { in: sent.map((m) => m.messageId) } },
    });
    expect(stored).toHaveLength(sent.length);

    for (const [i, userId] of users.entries()) {
      const profile = await prisma.profile.findUniqueOrThrow({
        where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId } },
        include: { identities: true, groups: true },
      });
      expect(profile.email).toBe(`${userId}@example.com`);
      expect(profile.identities.map((id) => id.value)).toContain(`seg-anon-${i}`);
      expect(profile.groups.map((g) => g.groupId)).toEqual([`org-${i % 3}`]);
      // the anonymous page view was merged into the known profile
      expect(
        await prisma.event.count({ where: { workspaceId: ws.workspaceId, profileId: profile.id } }),
      ).toBe(5 + (i === 0 ? 1 : 0));
    }
    expect(await prisma.profile.count({ where: { workspaceId: ws.workspaceId } })).toBe(
      users.length,
    );
    // The library's own context and metadata are kept as sent.
    const tracked = stored.find((e) => e.type === "track");
    expect(tracked?.context).toMatchObject({ library: { name: "@segment/analytics-node" } });
  });

  it("a resent batch stores nothing twice", async () => {
    const before = await prisma.event.count({ where: { workspaceId: ws.workspaceId } });
    const last = bodies.at(-1);
    expect(last).toBeDefined();
    const response = await fetch(`${server.url}/api/v1/batch`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
      },
      body: last,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accepted: number; duplicates: number };
    expect(body.accepted).toBe(0);
    expect(body.duplicates).toBe((JSON.parse(last!) as { batch: unknown[] }).batch.length);
    expect(await prisma.event.count({ where: { workspaceId: ws.workspaceId } })).toBe(before);
  });
});
