// GET/PUT/DELETE /api/w/:workspaceId/templates/:templateId – one message template
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getTemplateOrThrow } from "@/lib/channels/templates/get-template-or-throw";
import { deleteTemplate, updateTemplate } from "@/lib/channels/templates/save-template";
import { templateInputSchema } from "@/lib/channels/templates/template-schemas";
import { toTemplateView } from "@/lib/channels/templates/template-view";

type Params = { workspaceId: string; templateId: string };

export const GET = withWorkspace<Params>(async ({ params, workspace }) => {
  const row = await getTemplateOrThrow({
    workspaceId: workspace.id,
    templateId: params.templateId,
  });
  return Response.json({ template: toTemplateView(row) });
});

export const PUT = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const template = parseOrThrow(templateInputSchema, await readJson(request));
  return Response.json({
    template: await updateTemplate({
      workspaceId: workspace.id,
      templateId: params.templateId,
      template,
    }),
  });
});

export const DELETE = withWorkspace<Params>(async ({ params, workspace }) => {
  await deleteTemplate({ workspaceId: workspace.id, templateId: params.templateId });
  return new Response(null, { status: 204 });
});
