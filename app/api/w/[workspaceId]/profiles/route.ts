// GET /api/w/:workspaceId/profiles – search the workspace's profiles (keyset-paginated)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { readQuery } from "@/lib/events/read-query";
import { searchProfiles, searchProfilesQuerySchema } from "@/lib/profiles/search-profiles";

export const GET = withWorkspace(async ({ request, workspace }) => {
  const query = readQuery(request, searchProfilesQuerySchema);
  return Response.json(await searchProfiles({ workspaceId: workspace.id, query }));
});
