// GET /api/v1/workspace – the secret key's workspace and its sending settings (never a key) (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { getWorkspaceView } from "@/lib/workspaces/get-workspace-view";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json({ workspace: await getWorkspaceView(workspace.id) }),
);
