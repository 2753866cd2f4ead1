// POST /api/w/:workspaceId/profiles/:profileId/fast-forward – demo workspace only: the profile's pending timers come due now (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { fastForwardDemoProfile, readFastForwardInput } from "@/lib/demo/fast-forward";

type Params = { workspaceId: string; profileId: string };

export const POST = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const input = await readFastForwardInput(request, params.profileId);
  return Response.json(await fastForwardDemoProfile({ workspaceId: workspace.id, ...input }));
});
