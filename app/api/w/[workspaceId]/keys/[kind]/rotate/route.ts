// POST /api/w/:workspaceId/keys/:kind/rotate – revoke the write or secret key and issue a new one
import { z } from "zod";
import { parseOrThrow } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { rotateKey } from "@/lib/workspaces/api-keys";

const paramsSchema = z.object({
  kind: z.enum(["write", "secret"], { message: "Key kind must be write or secret." }),
});

export const POST = withWorkspace<{ workspaceId: string; kind: string }>(
  async ({ params, workspace }) => {
    const { kind } = parseOrThrow(paramsSchema, params);
    const key = await rotateKey(workspace.id, kind);
    return Response.json({ kind, key });
  },
  { requiredRole: "admin" },
);
