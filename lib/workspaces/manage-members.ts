import "server-only";
import { z } from "zod";
import { ApiError, notFound } from "@/lib/api/errors";
import { hasRole } from "@/lib/auth/roles";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

export const changeRoleSchema = z.object({
  role: z.enum(["owner", "admin", "editor", "viewer"], {
    message: "Role must be owner, admin, editor or viewer.",
  }),
});

const KEEP_AN_OWNER = "The workspace must keep an owner: make someone else owner first.";

interface Actor {
  memberId: string;
  role: Role;
}

/**
 * Changes a member's role. Admins manage admins, editors and viewers; only an
 * owner grants or takes away the owner role; the last owner stays owner.
 */
export async function changeMemberRole(input: {
  workspaceId: string;
  memberId: string;
  role: Role;
  actor: Actor;
}) {
  return serializedPerWorkspace(input.workspaceId, async () => {
    const target = await getMembershipOrThrow(input.workspaceId, input.memberId);
    if (target.role === input.role) return { memberId: input.memberId, role: target.role };
    if ((target.role === "owner" || input.role === "owner") && input.actor.role !== "owner") {
      throw new ApiError("forbidden", "Only an owner can grant or take away the owner role.");
    }
    if (target.role === "owner") await assertAnotherOwner(input.workspaceId, input.memberId);
    await prisma.membership.update({
      where: { workspaceId_memberId: { workspaceId: input.workspaceId, memberId: input.memberId } },
      data: { role: input.role },
    });
    return { memberId: input.memberId, role: input.role };
  });
}

/**
 * Removes a member from the workspace (their account stays: they may belong
 * to other workspaces). Removing yourself is leaving; an owner is removed only
 * by an owner, and never the last one.
 */
export async function removeMember(input: { workspaceId: string; memberId: string; actor: Actor }) {
  return serializedPerWorkspace(input.workspaceId, async () => {
    const target = await getMembershipOrThrow(input.workspaceId, input.memberId);
    const self = input.memberId === input.actor.memberId;
    if (!self && !hasRole(input.actor.role, "admin")) {
      throw new ApiError(
        "forbidden",
        `This needs the admin role or higher; you are ${input.actor.role}.`,
      );
    }
    if (target.role === "owner" && !self && input.actor.role !== "owner") {
      throw new ApiError("forbidden", "Only an owner can remove an owner.");
    }
    if (target.role === "owner") await assertAnotherOwner(input.workspaceId, input.memberId);
    await prisma.membership.delete({
      where: { workspaceId_memberId: { workspaceId: input.workspaceId, memberId: input.memberId } },
    });
  });
}

/** Revokes an open invite link of the workspace: the link stops working at once. */
export async function revokeInvite(input: { workspaceId: string; inviteId: string }) {
  const revoked = await prisma.invite.deleteMany({
    where: { id: input.inviteId, workspaceId: input.workspaceId, acceptedAt: null },
  });
  if (revoked.count === 0) throw notFound("Invite");
}

async function getMembershipOrThrow(workspaceId: string, memberId: string) {
  const membership = await prisma.membership.findUnique({
    where: { workspaceId_memberId: { workspaceId, memberId } },
  });
  if (!membership) throw notFound("Member");
  return membership;
}

async function assertAnotherOwner(workspaceId: string, memberId: string) {
  const others = await prisma.membership.count({
    where: { workspaceId, role: "owner", memberId: { not: memberId } },
  });
  if (others === 0) throw new ApiError("conflict", KEEP_AN_OWNER);
}

// Two owners demoting each other at once must not both pass the "another
// owner remains" check: role changes of one workspace run one at a time.
const MEMBERS_LOCK = 0x6d656d62; // "memb"

function serializedPerWorkspace<T>(workspaceId: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(MEMBERS_LOCK ^ hashCode(workspaceId), work);
}

function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
