// /w/:workspaceId/journeys/:journeyId – the journey editor (read-only for viewers)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JourneyEditor } from "@/components/journey-builder/journey-editor";
import { ApiError } from "@/lib/api/errors";
import { hasRole } from "@/lib/auth/roles";
import { getJourneyOrThrow, journeyView } from "@/lib/journeys/get-journey-or-throw";
import { requireMembership } from "@/lib/workspaces/get-membership";

export const metadata: Metadata = { title: "Journey editor" };

export default async function JourneyEditorPage({
  params,
}: {
  params: Promise<{ workspaceId: string; journeyId: string }>;
}) {
  const { workspaceId, journeyId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const journey = await getJourneyOrThrow({ workspaceId: workspace.id, id: journeyId }).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) notFound();
      throw error;
    },
  );
  return (
    <JourneyEditor
      key={journey.id}
      workspaceId={workspace.id}
      journey={await journeyView(journey)}
      canEdit={hasRole(role, "editor")}
    />
  );
}
