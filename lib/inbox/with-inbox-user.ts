import "server-only";
import { errorResponse } from "@/lib/api/error-reply";
import { type ApiReply, type ApiRequest, errorJsonReply } from "@/lib/http/api-handler";
import {
  type InboxUser,
  loadInboxAuthContext,
  readInboxCredentials,
  verifyInboxUser,
} from "./authenticate-inbox-user";
import { assertOriginAllowed, webHeaders, withCorsHeaders, withCorsReply } from "./cors";

// Every end-user inbox route names the workspace (one query), enforces its
// CORS origins (403 before anything runs), verifies the user's proof (401),
// and turns thrown errors into the envelope. Answers to an allowed origin
// carry Access-Control-Allow-Origin, errors included, so the client can read
// them. Handler table entries (lib/http/api-routes.ts) use answerAsInboxUser;
// the routes only Next serves (the stream, the writes) use withInboxUser.

/**
 * The checks, in order. `allowOrigin` is called once the origin passed, so
 * the answer, even a 401 after it, may name that origin.
 */
async function admitInboxUser(
  request: Pick<ApiRequest, "header" | "query">,
  allowOrigin: (origin: string | null) => void,
): Promise<InboxUser> {
  const credentials = readInboxCredentials(request);
  const auth = await loadInboxAuthContext(credentials);
  assertOriginAllowed(request, auth.workspace.allowedOrigins);
  allowOrigin(request.header("origin"));
  return verifyInboxUser(credentials, auth);
}

export async function answerAsInboxUser(
  request: ApiRequest,
  handler: (user: InboxUser) => Promise<ApiReply>,
): Promise<ApiReply> {
  let corsOrigin: string | null = null;
  try {
    const user = await admitInboxUser(request, (origin) => {
      corsOrigin = origin;
    });
    return withCorsReply(await handler(user), corsOrigin);
  } catch (error) {
    return withCorsReply(errorJsonReply(error, { route: request.path }), corsOrigin);
  }
}

export interface InboxContext<P> {
  request: Request;
  params: P;
  user: InboxUser;
}

export function withInboxUser<P = Record<string, never>>(
  handler: (ctx: InboxContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let corsOrigin: string | null = null;
    try {
      const params = await context.params;
      const url = new URL(request.url);
      const headed = { ...webHeaders(request), query: () => url.searchParams };
      const user = await admitInboxUser(headed, (origin) => {
        corsOrigin = origin;
      });
      return withCorsHeaders(await handler({ request, params, user }), corsOrigin);
    } catch (error) {
      const route = new URL(request.url).pathname;
      return withCorsHeaders(errorResponse(error, { route }), corsOrigin);
    }
  };
}
