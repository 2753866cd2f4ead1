import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/data/local-time";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listTemplates } from "@/lib/channels/templates/list-templates";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { CHANNEL_LABEL } from "../status-badge";
import { NewTemplateButtons } from "./new-template-buttons";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const templates = await listTemplates({ workspaceId: workspace.id });
  const base = `/w/${workspaceId}/messages`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brand-700 hover:underline">
          ← Messages
        </Link>
      </p>
      <PageHeader
        title="Templates"
        description="Emails and in-app messages written with Liquid, ready for journeys and the send API."
        actions={<NewTemplateButtons workspaceId={workspaceId} />}
      />
      {templates.length === 0 ? (
        <EmptyState title="No templates yet">
          Start with <strong>New email</strong> or <strong>New in-app message</strong> above: you
          can preview it for any user and send yourself a test.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Templates, recently edited first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5">
                  Name
                </th>
                <th scope="col" className="w-32 px-4 py-2.5">
                  Channel
                </th>
                <th scope="col" className="w-40 px-4 py-2.5">
                  Edited
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {templates.map((t) => (
                <tr key={t.id} className="hover:bg-slate-50">
                  <td className="px-4 py-2.5">
                    <Link
                      href={`${base}/templates/${t.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2.5">{CHANNEL_LABEL[t.channel] ?? t.channel}</td>
                  <td className="px-4 py-2.5 text-slate-600">
                    <LocalTime iso={t.updatedAt} style="relative" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
