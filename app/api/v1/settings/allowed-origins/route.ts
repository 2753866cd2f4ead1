// GET, PUT /api/v1/settings/allowed-origins – browser origins allowed to call the inbox API (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { allowedOriginsBodySchema } from "@/lib/inbox/allowed-origins-schema";
import { setAllowedOrigins } from "@/lib/inbox/set-allowed-origins";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json({ origins: workspace.allowedOrigins }),
);

export const PUT = withSecretKey(async ({ request, workspace }) => {
  const { origins } = parseOrThrow(allowedOriginsBodySchema, await readJson(request));
  return Response.json({
    origins: await setAllowedOrigins({ workspaceId: workspace.id, origins }),
  });
});
