// GET /api/v1/settings/activation – the activation events and window; PUT replaces them (null: not set) (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { activationInputSchema } from "@/lib/workspaces/activation-input";
import {
  getActivationSettings,
  saveActivationSettings,
} from "@/lib/workspaces/activation-settings";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json(await getActivationSettings(workspace.id)),
);

export const PUT = withSecretKey(async ({ request, workspace }) => {
  const { activation } = parseOrThrow(activationInputSchema, await readJson(request));
  return Response.json(await saveActivationSettings(workspace.id, activation));
});
