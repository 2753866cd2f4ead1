import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { messageContentSchema } from "@/lib/channels/message-content";
import { getTemplateOrThrow } from "@/lib/channels/templates/get-template-or-throw";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { TemplateEditor } from "./template-editor";

export const metadata: Metadata = { title: "Edit template" };

export default async function TemplatePage({
  params,
}: {
  params: Promise<{ workspaceId: string; templateId: string }>;
}) {
  const { workspaceId, templateId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const template = await getTemplateOrThrow({ workspaceId: workspace.id, templateId }).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) notFound();
      throw error;
    },
  );
  const content = messageContentSchema.safeParse(template.content);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/w/${workspaceId}/messages/templates`}
          className="text-brand-700 hover:underline"
        >
          ← Templates
        </Link>
      </p>
      {content.success ? (
        <TemplateEditor
          workspaceId={workspaceId}
          templateId={template.id}
          initialName={template.name}
          initialContent={content.data}
          readOnly={role === "viewer"}
        />
      ) : (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          This template was saved by an older version of Cue and no longer parses. Delete it and
          create it again from the Templates list.
        </p>
      )}
    </>
  );
}
