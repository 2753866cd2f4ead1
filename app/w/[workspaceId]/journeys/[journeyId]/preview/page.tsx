import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ApiError } from "@/lib/api/errors";
import { getJourneyOrThrow, journeyView } from "@/lib/journeys/get-journey-or-throw";
import { getJourneyVersion } from "@/lib/journeys/list-journey-versions";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { PreviewView } from "./preview-view";

export const metadata: Metadata = { title: "Preview as user" };

/** Read-only: any member (viewers too) can walk a user through the journey. */
export default async function JourneyPreviewPage({
  params,
}: {
  params: Promise<{ workspaceId: string; journeyId: string }>;
}) {
  const { workspaceId, journeyId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const journey = await getJourneyOrThrow({ workspaceId: workspace.id, id: journeyId }).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const view = await journeyView(journey);
  const live = view.currentVersion
    ? (
        await getJourneyVersion({
          workspaceId: workspace.id,
          id: journey.id,
          version: view.currentVersion.version,
        })
      ).definition
    : null;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/w/${workspace.id}/journeys`} className="text-brand-700 hover:underline">
          ← Journeys
        </Link>
      </nav>
      <PageHeader
        title={`Preview as user: ${journey.name}`}
        description="The path one user takes through this journey, the reason at each step, and every message they would get. Nothing is sent."
      />
      <Suspense>
        <PreviewView
          workspaceId={workspace.id}
          journeyId={journey.id}
          hasLive={journey.currentVersionId !== null}
          definitions={{ draft: view.draft, live }}
        />
      </Suspense>
    </>
  );
}
