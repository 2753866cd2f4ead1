import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

const INVITE_TTL_DAYS = 7;

export const createInviteSchema = z.object({
  role: z.enum(["admin", "editor", "viewer"], { message: "Role must be admin, editor or viewer." }),
});

export const acceptInviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(8, "Use at least 8 characters.").max(200),
  name: z.string().trim().max(80).optional(),
});

export async function createInvite(input: {
  workspaceId: string;
  role: Role;
  createdById: string;
}) {
  const token = randomBytes(24).toString("base64url");
  return prisma.invite.create({
    data: {
      workspaceId: input.workspaceId,
      role: input.role,
      createdById: input.createdById,
      token,
      expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 24 * 3600 * 1000),
    },
  });
}

export async function findOpenInvite(token: string) {
  const invite = await prisma.invite.findUnique({
    where: { token },
    include: { workspace: { select: { id: true, name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.expiresAt < new Date()) return null;
  return invite;
}

/**
 * Accepts an invite: an existing member (matched by email, password checked by
 * signing in afterwards) joins; a new email becomes a member. One use only.
 */
export async function acceptInvite(token: string, input: z.infer<typeof acceptInviteSchema>) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new ApiError("not_found", "This invite link is invalid or has expired.");
  const existing = await prisma.member.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new ApiError(
      "conflict",
      "That email already has an account. Sign in, then open the link.",
    );
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new ApiError("conflict", "This invite was already used.");
    const member = await tx.member.create({
      data: { email: input.email, name: input.name || null, passwordHash },
    });
    await tx.membership.create({
      data: { workspaceId: invite.workspaceId, memberId: member.id, role: invite.role },
    });
    return { workspaceId: invite.workspaceId, memberId: member.id };
  });
}

/** A signed-in member joins with an invite link. */
export async function joinWithInvite(token: string, memberId: string) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new ApiError("not_found", "This invite link is invalid or has expired.");
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new ApiError("conflict", "This invite was already used.");
    await tx.membership.upsert({
      where: { workspaceId_memberId: { workspaceId: invite.workspaceId, memberId } },
      create: { workspaceId: invite.workspaceId, memberId, role: invite.role },
      update: {},
    });
    return { workspaceId: invite.workspaceId };
  });
}
