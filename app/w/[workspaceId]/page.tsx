import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { getActivationOverview } from "@/lib/analytics/activation/get-activation-overview";
import { activationText } from "@/lib/workspaces/activation-input";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { ActivationChart } from "./activation-chart";
import { JourneyActivationList } from "./journey-activation-list";

export const metadata: Metadata = { title: "Home" };

// The workspace's front page: activation by signup cohort, and how much the
// journeys moved it (lib/analytics/activation/).
export default async function HomePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const { by } = await searchParams;
  const overview = await getActivationOverview({
    workspaceId: workspace.id,
    query: by === "day" || by === "week" ? { by } : {},
  });
  const settingsHref = `/w/${workspace.id}/settings#activation`;
  const { activation } = overview;
  if (!activation) {
    return (
      <>
        <PageHeader title="Home" description={`Workspace “${workspace.name}”`} />
        <EmptyState
          title="Set what activation means"
          action={
            <Link
              href={settingsHref}
              className="inline-flex rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Choose activation events in Settings
            </Link>
          }
        >
          Pick the event that shows a new user got value (for example “Report Created”) and how many
          days after they were first seen it counts. This page then shows the activation rate of
          each signup cohort and how much each journey moved it.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Home"
        description={`Activation: ${activationText(activation)}.`}
        actions={
          <Link href={settingsHref} className="text-sm font-medium text-brand-700 hover:underline">
            Change activation
          </Link>
        }
      />
      <div className="space-y-6">
        <ActivationChart workspaceId={workspace.id} overview={overview} />
        <JourneyActivationList workspaceId={workspace.id} overview={overview} />
      </div>
    </>
  );
}
