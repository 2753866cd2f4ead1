// GET, PUT /api/w/:workspaceId/settings/allowed-origins – browser origins allowed to call the inbox API
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { allowedOriginsBodySchema } from "@/lib/inbox/allowed-origins-schema";
import { setAllowedOrigins } from "@/lib/inbox/set-allowed-origins";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json({ origins: workspace.allowedOrigins }),
);

export const PUT = withWorkspace(
  async ({ request, workspace }) => {
    const { origins } = parseOrThrow(allowedOriginsBodySchema, await readJson(request));
    return Response.json({
      origins: await setAllowedOrigins({ workspaceId: workspace.id, origins }),
    });
  },
  { requiredRole: "admin" },
);
