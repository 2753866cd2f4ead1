// GET /api/w/:workspaceId/inbox-signing-secret – the secret user_hash and inbox tokens are signed with
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { inboxSigningSecretJson } from "@/lib/inbox/inbox-signing-secret-json";

export const GET = withWorkspace(
  async ({ workspace }) =>
    Response.json(inboxSigningSecretJson(await getInboxSigningSecret(workspace.id))),
  { requiredRole: "admin" },
);
