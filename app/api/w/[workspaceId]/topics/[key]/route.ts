// GET/PATCH/DELETE /api/w/:workspaceId/topics/:key – one subscription topic (the key never changes)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { deleteTopic, getTopic, updateTopic } from "@/lib/topics/manage-topics";
import { topicUpdateSchema } from "@/lib/topics/topic-schemas";

type Params = { workspaceId: string; key: string };

export const GET = withWorkspace<Params>(async ({ params, workspace }) =>
  Response.json({ topic: await getTopic(workspace.id, params.key) }),
);

export const PATCH = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const update = parseOrThrow(topicUpdateSchema, await readJson(request));
  return Response.json({ topic: await updateTopic(workspace.id, params.key, update) });
});

export const DELETE = withWorkspace<Params>(async ({ params, workspace }) => {
  await deleteTopic(workspace.id, params.key);
  return new Response(null, { status: 204 });
});
