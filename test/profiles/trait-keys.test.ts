import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import type { TraitKey } from "@/lib/profiles/list-trait-keys";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// The builder's trait-key list: keys with their usual type, scoped to the workspace.
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET } = await import("@/app/api/w/[workspaceId]/profiles/trait-keys/route");

let workspaceA: string;
let workspaceB: string;
const ctx = (workspaceId: string) => ({ params: Promise.resolve({ workspaceId }) });

async function traitKeys(workspaceId: string): Promise<{ status: number; traits?: TraitKey[] }> {
  const response = await GET(new Request("http://cue.test/"), ctx(workspaceId));
  const body = (await response.json()) as { traits?: TraitKey[] };
  return { status: response.status, traits: body.traits };
}

beforeAll(async () => {
  const alice = await prisma.member.create({ data: { email: "alice@a.test", passwordHash: "x" } });
  const bob = await prisma.member.create({ data: { email: "bob@b.test", passwordHash: "x" } });
  workspaceA = (await createWorkspace({ name: "A", ownerId: alice.id })).workspaceId;
  workspaceB = (await createWorkspace({ name: "B", ownerId: bob.id })).workspaceId;
  session.member = alice;
  const now = new Date();
  const profile = (workspaceId: string, traits: unknown) =>
    prisma.profile.create({
      data: { workspaceId, traits: traits as object, firstSeenAt: now, lastSeenAt: now },
    });
  await profile(workspaceA, { plan: "pro", seats: 3, trial: true });
  await profile(workspaceA, { plan: "free", seats: "many", name: null });
  await profile(workspaceA, { plan: "free", company: { name: "Acme" } });
  await profile(workspaceB, { secret_b: "x" });
});

describe("GET /api/w/:ws/profiles/trait-keys", () => {
  it("lists the keys with their most common type, most used first", async () => {
    const { status, traits } = await traitKeys(workspaceA);
    expect(status).toBe(200);
    expect(traits?.[0]).toEqual({ key: "plan", type: "string" });
    expect(traits).toContainEqual({ key: "company", type: "object" });
    expect(traits).toContainEqual({ key: "trial", type: "boolean" });
    expect(traits?.filter((t) => t.key === "seats")).toHaveLength(1);
    // A null value says nothing about the type.
    expect(traits?.map((t) => t.key)).not.toContain("name");
  });

  it("never shows another workspace's keys", async () => {
    const { traits } = await traitKeys(workspaceA);
    expect(traits?.map((t) => t.key)).not.toContain("secret_b");
    expect((await traitKeys(workspaceB)).status).toBe(404);
  });
});
