import "server-only";
import { errorResponse } from "@/lib/api/error-reply";
import { ApiError } from "@/lib/api/errors";
import type { Workspace } from "@/lib/generated/prisma/client";
import { findWorkspaceByKey } from "@/lib/workspaces/api-keys";

export interface SecretKeyContext<P> {
  request: Request;
  params: P;
  workspace: Workspace;
}

/** Server-to-server routes: `Authorization: Bearer <secret key>`. */
export function withSecretKey<P = Record<string, never>>(
  handler: (ctx: SecretKeyContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await context.params;
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) {
        throw new ApiError("unauthorized", "Send the secret key as `Authorization: Bearer <key>`.");
      }
      const workspace = await findWorkspaceByKey(match[1], "secret");
      if (!workspace) throw new ApiError("unauthorized", "Unknown or revoked secret key.");
      return await handler({ request, params, workspace });
    } catch (error) {
      return errorResponse(error, { route: new URL(request.url).pathname });
    }
  };
}
