// GET|POST /api/w/:workspaceId/secret-keys – list the active secret keys (prefixes), or create a named one (shown once)
import { z } from "zod";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createNamedSecretKey, listSecretKeys } from "@/lib/workspaces/api-keys";

const createSchema = z
  .object({
    name: z
      .string({ message: "Give the key a name (the service that will use it)." })
      .trim()
      .min(1, "Give the key a name (the service that will use it).")
      .max(80, "The name is at most 80 characters."),
  })
  .strict();

export const GET = withWorkspace(
  async ({ workspace }) => {
    const keys = await listSecretKeys(workspace.id);
    return Response.json({
      keys: keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })),
    });
  },
  { requiredRole: "admin" },
);

export const POST = withWorkspace(
  async ({ request, workspace }) => {
    const { name } = parseOrThrow(createSchema, await readJson(request));
    // The key's text is in this answer only: Cue stores its hash.
    return Response.json(await createNamedSecretKey(workspace.id, name), { status: 201 });
  },
  { requiredRole: "admin" },
);
