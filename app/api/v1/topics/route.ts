// GET /api/v1/topics – the workspace's subscription topics; POST creates one (key taken → 409) (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { createTopic, listTopics } from "@/lib/topics/manage-topics";
import { topicInputSchema } from "@/lib/topics/topic-schemas";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json({ topics: await listTopics(workspace.id) }),
);

export const POST = withSecretKey(async ({ request, workspace }) => {
  const input = parseOrThrow(topicInputSchema, await readJson(request));
  return Response.json({ topic: await createTopic(workspace.id, input) }, { status: 201 });
});
