// GET /api/v1/delivery-rules – the workspace's delivery rules; PUT replaces them (null: the default) (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { getDeliveryRules, saveDeliveryRules } from "@/lib/workspaces/delivery-rules";
import { deliveryRulesInputSchema } from "@/lib/workspaces/delivery-rules-input";

export const GET = withSecretKey(async ({ workspace }) =>
  Response.json(await getDeliveryRules(workspace.id)),
);

export const PUT = withSecretKey(async ({ request, workspace }) => {
  const { rules } = parseOrThrow(deliveryRulesInputSchema, await readJson(request));
  return Response.json(await saveDeliveryRules(workspace.id, rules));
});
