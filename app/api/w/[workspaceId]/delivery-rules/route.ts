// GET /api/w/:workspaceId/delivery-rules – the workspace's delivery rules (viewer); PUT replaces them (admin)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getDeliveryRules, saveDeliveryRules } from "@/lib/workspaces/delivery-rules";
import { deliveryRulesInputSchema } from "@/lib/workspaces/delivery-rules-input";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json(await getDeliveryRules(workspace.id)),
);

export const PUT = withWorkspace(
  async ({ request, workspace }) => {
    const { rules } = parseOrThrow(deliveryRulesInputSchema, await readJson(request));
    return Response.json(await saveDeliveryRules(workspace.id, rules));
  },
  { requiredRole: "admin" },
);
