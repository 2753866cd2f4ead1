// GET/PATCH/DELETE /api/v1/topics/:key – one subscription topic (the key never changes) (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { deleteTopic, getTopic, updateTopic } from "@/lib/topics/manage-topics";
import { topicUpdateSchema } from "@/lib/topics/topic-schemas";

type Params = { key: string };

export const GET = withSecretKey<Params>(async ({ params, workspace }) =>
  Response.json({ topic: await getTopic(workspace.id, params.key) }),
);

export const PATCH = withSecretKey<Params>(async ({ request, params, workspace }) => {
  const update = parseOrThrow(topicUpdateSchema, await readJson(request));
  return Response.json({ topic: await updateTopic(workspace.id, params.key, update) });
});

export const DELETE = withSecretKey<Params>(async ({ params, workspace }) => {
  await deleteTopic(workspace.id, params.key);
  return new Response(null, { status: 204 });
});
