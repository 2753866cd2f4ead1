// POST /api/w/:workspaceId/messages/test-send – email to the signed-in member, in-app to a chosen profile
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { sendTestMessage, testSendSchema } from "@/lib/channels/send-test-message";

export const POST = withWorkspace(async ({ request, workspace, member }) => {
  const test = parseOrThrow(testSendSchema, await readJson(request));
  const result = await sendTestMessage({ workspace, member, test });
  return Response.json(
    { messageId: result.messageId, status: result.status, to: result.to, error: result.error },
    { status: 202 },
  );
});
