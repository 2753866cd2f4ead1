import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// Route handlers read the signed-in member from next-auth; here the session
// is replaced by a chosen member (the database stays real).
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET: listMembers } = await import("@/app/api/w/[workspaceId]/members/route");
const { POST: rotate } = await import("@/app/api/w/[workspaceId]/keys/[kind]/rotate/route");
const { POST: invite } = await import("@/app/api/w/[workspaceId]/invites/route");

let alice: Member;
let bob: Member;
let workspaceA: string;
let workspaceB: string;

beforeAll(async () => {
  alice = await prisma.member.create({ data: { email: "alice@a.test", passwordHash: "x" } });
  bob = await prisma.member.create({ data: { email: "bob@b.test", passwordHash: "x" } });
  workspaceA = (await createWorkspace({ name: "A", ownerId: alice.id })).workspaceId;
  workspaceB = (await createWorkspace({ name: "B", ownerId: bob.id })).workspaceId;
});

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

describe("tenant isolation", () => {
  it("a member of A reads A", async () => {
    session.member = alice;
    const response = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceA }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { members: { email: string }[] };
    expect(body.members.map((m) => m.email)).toEqual(["alice@a.test"]);
  });

  it("a member of A gets 404 for B's objects, and B is unchanged", async () => {
    session.member = alice;
    const keysBefore = await prisma.apiKey.findMany({ where: { workspaceId: workspaceB } });
    const read = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceB }));
    expect(read.status).toBe(404);
    expect(await read.json()).toEqual({
      error: { code: "not_found", message: "Workspace not found." },
    });
    const write = await rotate(
      new Request("http://x/", { method: "POST" }),
      ctx({ workspaceId: workspaceB, kind: "write" }),
    );
    expect(write.status).toBe(404);
    const keysAfter = await prisma.apiKey.findMany({ where: { workspaceId: workspaceB } });
    expect(keysAfter).toEqual(keysBefore);
  });

  it("signed out is 401; a viewer's change is 403 and changes nothing", async () => {
    session.member = null;
    const anonymous = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceA }));
    expect(anonymous.status).toBe(401);

    await prisma.membership.create({
      data: { workspaceId: workspaceA, memberId: bob.id, role: "viewer" },
    });
    session.member = bob;
    const response = await invite(
      new Request("http://x/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "admin" }),
      }),
      ctx({ workspaceId: workspaceA }),
    );
    expect(response.status).toBe(403);
    expect(await prisma.invite.count({ where: { workspaceId: workspaceA } })).toBe(0);
  });

  it("bad input gets a field-level 422, not a 500", async () => {
    session.member = alice;
    const response = await invite(
      new Request("http://x/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "owner" }),
      }),
      ctx({ workspaceId: workspaceA }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { issues: { field: string }[] } } };
    expect(body.error.details.issues[0]?.field).toBe("role");
  });
});
