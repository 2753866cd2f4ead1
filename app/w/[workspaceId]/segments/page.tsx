import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listSegments } from "@/lib/segments/list-segments";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { SegmentsPage } from "./segments-page";

export const metadata: Metadata = { title: "Segments" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const segments = await listSegments({ workspaceId: workspace.id });
  return (
    <>
      <PageHeader
        title="Segments"
        description="Saved audiences, kept up to date as events arrive. Use them as journey triggers, in filters, or to exclude people."
      />
      <SegmentsPage workspaceId={workspace.id} initialSegments={segments} />
    </>
  );
}
