// DELETE /api/w/:workspaceId/inbox-signing-secret/previous – end the previous secret's grace period now
import { withWorkspace } from "@/lib/auth/with-workspace";
import { revokePreviousInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { inboxSigningSecretJson } from "@/lib/inbox/inbox-signing-secret-json";

export const DELETE = withWorkspace(
  async ({ workspace }) =>
    Response.json(inboxSigningSecretJson(await revokePreviousInboxSigningSecret(workspace.id))),
  { requiredRole: "admin" },
);
