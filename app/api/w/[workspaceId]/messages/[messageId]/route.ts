// GET /api/w/:workspaceId/messages/:messageId – one message, its rendered content and its events
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getMessageOrThrow } from "@/lib/channels/get-message";

export const GET = withWorkspace<{ workspaceId: string; messageId: string }>(
  async ({ params, workspace }) =>
    Response.json({
      message: await getMessageOrThrow({ workspaceId: workspace.id, messageId: params.messageId }),
    }),
);
