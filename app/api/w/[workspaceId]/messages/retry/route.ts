// POST /api/w/:workspaceId/messages/retry – re-drive failed emails (editor): { ids } or { failedSince }, newKey to confirm expired keys
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import {
  redriveFailedEmails,
  redriveInputSchema,
} from "@/lib/channels/email/redrive-failed-emails";

export const POST = withWorkspace(
  async ({ request, workspace }) => {
    const input = parseOrThrow(redriveInputSchema, await readJson(request));
    return Response.json(await redriveFailedEmails(workspace.id, input));
  },
  { requiredRole: "editor" },
);
