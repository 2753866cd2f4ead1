// GET /api/v1/messages/:id – one message: status, lifecycle times, provider id, error and timeline (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { getMessageView } from "@/lib/channels/message-api";

export const GET = withSecretKey<{ id: string }>(async ({ params, workspace }) =>
  Response.json({
    message: await getMessageView({ workspaceId: workspace.id, messageId: params.id }),
  }),
);
