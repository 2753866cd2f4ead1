import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ApiError } from "@/lib/api/errors";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { WhyNotView } from "./why-not-view";

export const metadata: Metadata = { title: "Why not?" };

/** Read-only: "why didn't this user get it?" for one journey (viewers too). */
export default async function JourneyWhyNotPage({
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
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex gap-4 text-sm">
        <Link href={`/w/${workspace.id}/journeys`} className="text-brand-700 hover:underline">
          ← Journeys
        </Link>
        <Link
          href={`/w/${workspace.id}/journeys/${journey.id}/preview`}
          className="text-brand-700 hover:underline"
        >
          Preview as user
        </Link>
      </nav>
      <PageHeader
        title={`Why not? ${journey.name}`}
        description="Every gate between a user and this journey's messages, in the order the engine checks them, now or at a past time."
      />
      <Suspense>
        <WhyNotView workspaceId={workspace.id} journeyId={journey.id} />
      </Suspense>
    </>
  );
}
