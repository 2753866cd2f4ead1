// POST /api/w/:workspaceId/messages/preview – render content for a profile or sample data (nothing is stored)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { previewMessage, previewSchema } from "@/lib/channels/preview-message";

// A preview changes nothing, so viewers may use it.
export const POST = withWorkspace(
  async ({ request, workspace }) => {
    const preview = parseOrThrow(previewSchema, await readJson(request));
    const rendered = await previewMessage({
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      preview,
    });
    return Response.json({ preview: rendered });
  },
  { requiredRole: "viewer" },
);
