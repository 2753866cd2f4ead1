// GET /api/v1/settings/email – sender and Resend key status (never the key); PUT changes the fields it names (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { emailSettingsInputSchema } from "@/lib/channels/email/email-settings-schema";
import { getEmailSettings, saveEmailSettings } from "@/lib/channels/email/workspace-email-settings";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json(await getEmailSettings(workspace.id)),
);

export const PUT = withSecretKey(async ({ request, workspace }) => {
  const input = parseOrThrow(emailSettingsInputSchema, await readJson(request));
  return Response.json(await saveEmailSettings(workspace.id, input));
});
