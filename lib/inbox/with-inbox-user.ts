import "server-only";
import { errorResponse } from "@/lib/api/errors";
import {
  type InboxUser,
  loadInboxAuthContext,
  readInboxCredentials,
  verifyInboxUser,
} from "./authenticate-inbox-user";
import { assertOriginAllowed, withCorsHeaders } from "./cors";

export interface InboxContext<P> {
  request: Request;
  params: P;
  user: InboxUser;
}

/**
 * Wraps every end-user inbox route: names the workspace (one query), enforces
 * its CORS origins (403 before anything runs), verifies the user's proof (401), and
 * turns thrown errors into the envelope. Answers to an allowed origin carry
 * Access-Control-Allow-Origin, errors included, so the client can read them.
 */
export function withInboxUser<P = Record<string, never>>(
  handler: (ctx: InboxContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const origin = request.headers.get("origin");
    let corsOrigin: string | null = null;
    try {
      const params = await context.params;
      const credentials = readInboxCredentials(request);
      const auth = await loadInboxAuthContext(credentials);
      assertOriginAllowed(request, auth.workspace.allowedOrigins);
      corsOrigin = origin;
      const user = verifyInboxUser(credentials, auth);
      return withCorsHeaders(await handler({ request, params, user }), corsOrigin);
    } catch (error) {
      const route = new URL(request.url).pathname;
      return withCorsHeaders(errorResponse(error, { route }), corsOrigin);
    }
  };
}
