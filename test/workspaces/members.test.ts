import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member, Role } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createInvite, findOpenInvite } from "@/lib/workspaces/invites";

// The session is replaced by a chosen member; the database stays real.
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const memberRoute = await import("@/app/api/w/[workspaceId]/members/[memberId]/route");
const inviteRoute = await import("@/app/api/w/[workspaceId]/invites/[inviteId]/route");

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
let n = 0;

async function member(): Promise<Member> {
  n += 1;
  return prisma.member.create({ data: { email: `m${n}@members.test`, passwordHash: "x" } });
}

/** A workspace owned by a fresh member, plus one member per extra role. */
async function team(...roles: Role[]) {
  const owner = await member();
  const { workspaceId } = await createWorkspace({ name: "Team", ownerId: owner.id });
  const others: Member[] = [];
  for (const role of roles) {
    const m = await member();
    await prisma.membership.create({ data: { workspaceId, memberId: m.id, role } });
    others.push(m);
  }
  return { workspaceId, owner, others };
}

async function setRole(as: Member, workspaceId: string, memberId: string, body: unknown) {
  session.member = as;
  const response = await memberRoute.PATCH(
    new Request("http://x/", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    ctx({ workspaceId, memberId }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function remove(as: Member, workspaceId: string, memberId: string) {
  session.member = as;
  const response = await memberRoute.DELETE(
    new Request("http://x/", { method: "DELETE" }),
    ctx({ workspaceId, memberId }),
  );
  return { status: response.status, text: await response.text() };
}

async function roleOf(workspaceId: string, memberId: string) {
  const row = await prisma.membership.findUnique({
    where: { workspaceId_memberId: { workspaceId, memberId } },
  });
  return row?.role ?? null;
}

describe("changing a member's role", () => {
  it("an admin changes an editor to viewer", async () => {
    const { workspaceId, others } = await team("admin", "editor");
    const [admin, editor] = others as [Member, Member];
    const answer = await setRole(admin, workspaceId, editor.id, { role: "viewer" });
    expect(answer).toEqual({ status: 200, body: { memberId: editor.id, role: "viewer" } });
    expect(await roleOf(workspaceId, editor.id)).toBe("viewer");
  });

  it("editors and viewers cannot change roles (403, nothing changes)", async () => {
    const { workspaceId, others } = await team("editor", "viewer");
    const [editor, viewer] = others as [Member, Member];
    expect((await setRole(editor, workspaceId, viewer.id, { role: "admin" })).status).toBe(403);
    expect((await setRole(viewer, workspaceId, viewer.id, { role: "admin" })).status).toBe(403);
    expect(await roleOf(workspaceId, viewer.id)).toBe("viewer");
  });

  it("only an owner grants or takes away the owner role", async () => {
    const { workspaceId, owner, others } = await team("admin", "editor");
    const [admin, editor] = others as [Member, Member];
    const grant = await setRole(admin, workspaceId, editor.id, { role: "owner" });
    expect(grant.status).toBe(403);
    const demote = await setRole(admin, workspaceId, owner.id, { role: "viewer" });
    expect(demote.status).toBe(403);
    expect(await roleOf(workspaceId, owner.id)).toBe("owner");
    expect((await setRole(owner, workspaceId, editor.id, { role: "owner" })).status).toBe(200);
    expect(await roleOf(workspaceId, editor.id)).toBe("owner");
  });

  it("the last owner cannot step down (409); with a second owner they can", async () => {
    const { workspaceId, owner, others } = await team("editor");
    const [editor] = others as [Member];
    const alone = await setRole(owner, workspaceId, owner.id, { role: "admin" });
    expect(alone.status).toBe(409);
    expect(alone.body).toMatchObject({
      error: { code: "conflict", message: expect.stringContaining("must keep an owner") },
    });
    expect(await roleOf(workspaceId, owner.id)).toBe("owner");
    await setRole(owner, workspaceId, editor.id, { role: "owner" });
    expect((await setRole(owner, workspaceId, owner.id, { role: "admin" })).status).toBe(200);
    expect(await roleOf(workspaceId, owner.id)).toBe("admin");
  });

  it("bad input: unknown role is a field-level 422; unknown member is 404", async () => {
    const { workspaceId, owner } = await team();
    const bad = await setRole(owner, workspaceId, owner.id, { role: "superuser" });
    expect(bad.status).toBe(422);
    const issues = (bad.body as { error: { details: { issues: { field: string }[] } } }).error
      .details.issues;
    expect(issues[0]?.field).toBe("role");
    const missing = await setRole(owner, workspaceId, "no-such-member", { role: "viewer" });
    expect(missing.status).toBe(404);
  });
});

describe("removing a member", () => {
  it("an admin removes an editor; the account stays", async () => {
    const { workspaceId, others } = await team("admin", "editor");
    const [admin, editor] = others as [Member, Member];
    expect((await remove(admin, workspaceId, editor.id)).status).toBe(204);
    expect(await roleOf(workspaceId, editor.id)).toBeNull();
    expect(await prisma.member.count({ where: { id: editor.id } })).toBe(1);
  });

  it("an editor cannot remove others (403) but can leave", async () => {
    const { workspaceId, others } = await team("editor", "viewer");
    const [editor, viewer] = others as [Member, Member];
    expect((await remove(editor, workspaceId, viewer.id)).status).toBe(403);
    expect(await roleOf(workspaceId, viewer.id)).toBe("viewer");
    expect((await remove(editor, workspaceId, editor.id)).status).toBe(204);
    expect(await roleOf(workspaceId, editor.id)).toBeNull();
  });

  it("an admin cannot remove an owner; the last owner cannot leave (409)", async () => {
    const { workspaceId, owner, others } = await team("admin");
    const [admin] = others as [Member];
    expect((await remove(admin, workspaceId, owner.id)).status).toBe(403);
    const leave = await remove(owner, workspaceId, owner.id);
    expect(leave.status).toBe(409);
    expect(leave.text).toContain("must keep an owner");
    expect(await roleOf(workspaceId, owner.id)).toBe("owner");
  });
});

describe("revoking an invite", () => {
  it("an admin revokes an open invite and its link stops working", async () => {
    const { workspaceId, owner, others } = await team("admin");
    const [admin] = others as [Member];
    const invite = await createInvite({ workspaceId, role: "editor", createdById: owner.id });
    session.member = admin;
    const response = await inviteRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId, inviteId: invite.id }),
    );
    expect(response.status).toBe(204);
    expect(await findOpenInvite(invite.token)).toBeNull();
    const again = await inviteRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId, inviteId: invite.id }),
    );
    expect(again.status).toBe(404);
  });

  it("an editor cannot revoke (403) and the link keeps working", async () => {
    const { workspaceId, owner, others } = await team("editor");
    const [editor] = others as [Member];
    const invite = await createInvite({ workspaceId, role: "viewer", createdById: owner.id });
    session.member = editor;
    const response = await inviteRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId, inviteId: invite.id }),
    );
    expect(response.status).toBe(403);
    expect(await findOpenInvite(invite.token)).not.toBeNull();
  });
});
