// GET /api/w/:workspaceId/events/catalog – event names and property keys seen so far
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listCatalog } from "@/lib/events/list-catalog";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json(await listCatalog({ workspaceId: workspace.id })),
);
