// GET /api/v1/templates – list message templates; POST creates one (Liquid errors → 422) (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listTemplates } from "@/lib/channels/templates/list-templates";
import { createTemplate } from "@/lib/channels/templates/save-template";
import {
  listTemplatesQuerySchema,
  templateInputSchema,
} from "@/lib/channels/templates/template-schemas";

export const GET = withSecretKey(async ({ request, workspace }) => {
  const query = parseOrThrow(
    listTemplatesQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return Response.json({ templates: await listTemplates({ workspaceId: workspace.id, ...query }) });
});

export const POST = withSecretKey(async ({ request, workspace }) => {
  const template = parseOrThrow(templateInputSchema, await readJson(request));
  return Response.json(
    { template: await createTemplate({ workspaceId: workspace.id, template }) },
    { status: 201 },
  );
});
