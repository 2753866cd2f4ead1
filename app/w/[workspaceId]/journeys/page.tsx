import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { hasRole } from "@/lib/auth/roles";
import { listJourneys } from "@/lib/journeys/list-journeys";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { JourneysTable } from "./journeys-table";
import { NewJourneyButtons } from "./new-journey-buttons";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const canEdit = hasRole(role, "editor");
  const journeys = await listJourneys({ workspaceId: workspace.id });
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Flows that react to what each user does: a trigger, then waits, branches and messages, until they reach the goal."
        actions={canEdit ? <NewJourneyButtons workspaceId={workspace.id} /> : null}
      />
      <JourneysTable workspaceId={workspace.id} canEdit={canEdit} initialJourneys={journeys} />
    </>
  );
}
