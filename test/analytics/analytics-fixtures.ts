import { vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// Route handlers read the signed-in member from next-auth; tests swap in a
// member of their choice (the database stays real). Call `mockSession()` at
// the top of a test file, before importing routes.

export const session: { member: Member | null } = { member: null };

export function sessionModule() {
  return {
    getCurrentMember: async () => session.member,
    requireMember: async () => session.member,
  };
}

export async function memberWithWorkspace(
  email: string,
  role: "owner" | "viewer" = "owner",
): Promise<{ member: Member; workspaceId: string }> {
  const owner = await prisma.member.create({ data: { email, passwordHash: "x" } });
  const { workspaceId } = await createWorkspace({ name: `WS ${email}`, ownerId: owner.id });
  if (role === "owner") return { member: owner, workspaceId };
  const viewer = await prisma.member.create({ data: { email: `v-${email}`, passwordHash: "x" } });
  await prisma.membership.create({ data: { workspaceId, memberId: viewer.id, role } });
  return { member: viewer, workspaceId };
}

export const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

export function get(url: string): Request {
  return new Request(`http://cue.test${url}`);
}

export function postJson(url: string, body: unknown): Request {
  return new Request(`http://cue.test${url}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export { vi };
