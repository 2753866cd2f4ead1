// GET/PUT/DELETE /api/v1/templates/:id – one message template; PUT replaces its name and content (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { getTemplateOrThrow } from "@/lib/channels/templates/get-template-or-throw";
import { deleteTemplate, updateTemplate } from "@/lib/channels/templates/save-template";
import { templateInputSchema } from "@/lib/channels/templates/template-schemas";
import { toTemplateView } from "@/lib/channels/templates/template-view";

type Params = { id: string };

export const GET = withSecretKey<Params>(async ({ params, workspace }) => {
  const row = await getTemplateOrThrow({ workspaceId: workspace.id, templateId: params.id });
  return Response.json({ template: toTemplateView(row) });
});

export const PUT = withSecretKey<Params>(async ({ request, params, workspace }) => {
  const template = parseOrThrow(templateInputSchema, await readJson(request));
  return Response.json({
    template: await updateTemplate({ workspaceId: workspace.id, templateId: params.id, template }),
  });
});

export const DELETE = withSecretKey<Params>(async ({ params, workspace }) => {
  await deleteTemplate({ workspaceId: workspace.id, templateId: params.id });
  return new Response(null, { status: 204 });
});
