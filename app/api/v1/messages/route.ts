// POST /api/v1/messages – send a template or inline content to a profile (idempotent on the caller's key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { sendApiMessage } from "@/lib/channels/send-api-message";
import { sendMessageSchema } from "@/lib/channels/send-message-schema";

export const POST = withSecretKey(async ({ request, workspace }) => {
  const body = parseOrThrow(sendMessageSchema, await readJson(request));
  const result = await sendApiMessage({ workspaceId: workspace.id, request: body });
  return Response.json(
    {
      messageId: result.messageId,
      status: result.status,
      created: result.created,
      error: result.error,
    },
    { status: 202 },
  );
});
