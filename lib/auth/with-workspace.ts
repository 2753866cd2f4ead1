import "server-only";
import { errorResponse } from "@/lib/api/error-reply";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Member, Role, Workspace } from "@/lib/generated/prisma/client";
import { hasRole } from "./roles";
import { getCurrentMember } from "./session";

export interface WorkspaceContext<P> {
  request: Request;
  params: P;
  workspace: Workspace;
  member: Member;
  role: Role;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a session-authenticated admin route under /api/w/[workspaceId]/…:
 * signs in (401), resolves the membership (404 — another tenant's workspace
 * is indistinguishable from a missing one), checks the role (403), and turns
 * thrown errors into the error envelope.
 */
export function withWorkspace<P extends { workspaceId: string }>(
  handler: (ctx: WorkspaceContext<P>) => Promise<Response>,
  options: { requiredRole?: Role } = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let params: P | undefined;
    try {
      params = await context.params;
      const member = await getCurrentMember();
      if (!member) throw new ApiError("unauthorized", "Sign in to continue.");
      const membership = await prisma.membership.findUnique({
        where: { workspaceId_memberId: { workspaceId: params.workspaceId, memberId: member.id } },
        include: { workspace: true },
      });
      if (!membership) throw notFound("Workspace");
      const required = options.requiredRole ?? (isReadOnly(request) ? "viewer" : "editor");
      if (!hasRole(membership.role, required)) {
        throw new ApiError(
          "forbidden",
          `This needs the ${required} role or higher; you are ${membership.role}.`,
        );
      }
      return await handler({
        request,
        params,
        workspace: membership.workspace,
        member,
        role: membership.role,
      });
    } catch (error) {
      return errorResponse(error, { route: new URL(request.url).pathname, params });
    }
  };
}

/** Session auth without a workspace (e.g. listing my workspaces). */
export function withMember<P>(
  handler: (ctx: { request: Request; params: P; member: Member }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = await context.params;
      const member = await getCurrentMember();
      if (!member) throw new ApiError("unauthorized", "Sign in to continue.");
      return await handler({ request, params, member });
    } catch (error) {
      return errorResponse(error, { route: new URL(request.url).pathname });
    }
  };
}

function isReadOnly(request: Request): boolean {
  return request.method === "GET" || request.method === "HEAD";
}
