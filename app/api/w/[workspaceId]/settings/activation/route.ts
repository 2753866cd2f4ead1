// GET /api/w/:workspaceId/settings/activation – the activation events and window (viewer); PUT replaces them (editor)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { activationInputSchema } from "@/lib/workspaces/activation-input";
import {
  getActivationSettings,
  saveActivationSettings,
} from "@/lib/workspaces/activation-settings";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json(await getActivationSettings(workspace.id)),
);

export const PUT = withWorkspace(async ({ request, workspace }) => {
  const { activation } = parseOrThrow(activationInputSchema, await readJson(request));
  return Response.json(await saveActivationSettings(workspace.id, activation));
});
