import "server-only";
import { parseOrThrow } from "@/lib/api/errors";
import { type ApiReply, type ApiRequest, jsonReply } from "@/lib/http/api-handler";
import { listInboxQuerySchema } from "./inbox-schemas";
import { listInbox } from "./list-inbox";
import { answerAsInboxUser } from "./with-inbox-user";

/**
 * GET /api/v1/inbox (an entry of lib/http/api-routes.ts). Apps that poll
 * instead of streaming read it once per new item, so it takes the custom
 * server's direct path.
 */
export function answerListInbox(request: ApiRequest): Promise<ApiReply> {
  return answerAsInboxUser(request, async (user) => {
    const query = parseOrThrow(listInboxQuerySchema, Object.fromEntries(request.query()));
    const page = await listInbox({
      workspaceId: user.workspace.id,
      profileId: user.profileId,
      query,
    });
    return jsonReply(200, page, { "cache-control": "no-store" });
  });
}
