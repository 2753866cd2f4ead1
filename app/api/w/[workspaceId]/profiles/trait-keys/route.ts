// GET /api/w/:workspaceId/profiles/trait-keys – trait keys of recently active profiles (builder pickers)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listTraitKeys } from "@/lib/profiles/list-trait-keys";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json({ traits: await listTraitKeys({ workspaceId: workspace.id }) }),
);
