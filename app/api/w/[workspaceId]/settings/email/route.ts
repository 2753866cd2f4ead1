// GET /api/w/:workspaceId/settings/email – sender and Resend key status (viewer); PUT changes them (admin)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { emailSettingsInputSchema } from "@/lib/channels/email/email-settings-schema";
import { getEmailSettings, saveEmailSettings } from "@/lib/channels/email/workspace-email-settings";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json(await getEmailSettings(workspace.id)),
);

export const PUT = withWorkspace(
  async ({ request, workspace }) => {
    const input = parseOrThrow(emailSettingsInputSchema, await readJson(request));
    return Response.json(await saveEmailSettings(workspace.id, input));
  },
  { requiredRole: "admin" },
);
