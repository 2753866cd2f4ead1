// GET /api/w/:workspaceId/topics – the workspace's subscription topics; POST creates one (key taken → 409)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createTopic, listTopics } from "@/lib/topics/manage-topics";
import { topicInputSchema } from "@/lib/topics/topic-schemas";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json({ topics: await listTopics(workspace.id) }),
);

export const POST = withWorkspace(async ({ request, workspace }) => {
  const input = parseOrThrow(topicInputSchema, await readJson(request));
  return Response.json({ topic: await createTopic(workspace.id, input) }, { status: 201 });
});
