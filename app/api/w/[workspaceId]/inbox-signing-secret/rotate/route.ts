// POST /api/w/:workspaceId/inbox-signing-secret/rotate – a new secret; the old one stays valid for graceHours (default 24)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import {
  rotateInboxSecretSchema,
  rotateInboxSigningSecret,
} from "@/lib/inbox/inbox-signing-secret";
import { inboxSigningSecretJson } from "@/lib/inbox/inbox-signing-secret-json";

export const POST = withWorkspace(
  async ({ request, workspace }) => {
    // No body: the default grace period.
    const body = request.body === null ? {} : await readJson(request);
    const input = parseOrThrow(rotateInboxSecretSchema, body);
    const rotated = await rotateInboxSigningSecret(workspace.id, input);
    return Response.json(inboxSigningSecretJson(rotated));
  },
  { requiredRole: "admin" },
);
