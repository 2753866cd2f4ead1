import type { Metadata } from "next";
import { lastDays } from "@/components/analytics/period";
import { PageHeader } from "@/components/shell/page-header";
import { getWorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { ApiError } from "@/lib/api/errors";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { OverviewView } from "./overview-view";

export const metadata: Metadata = { title: "Analytics" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const query = await searchParams;
  let period = lastDays(14);
  if (typeof query.from === "string" && typeof query.to === "string") {
    if (DATE.test(query.from) && DATE.test(query.to)) period = { from: query.from, to: query.to };
  }
  const load = () => getWorkspaceOverview({ workspaceId: workspace.id, query: { ...period } });
  let overview = await load().catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "validation_failed") return null;
    throw error;
  });
  if (!overview) {
    period = lastDays(14);
    overview = await load();
  }
  return (
    <>
      <PageHeader
        title="Analytics"
        description="Messages sent, budget hits, the journeys that convert, and any live journey whose entries look wrong."
      />
      <OverviewView workspaceId={workspace.id} initialPeriod={period} initialData={overview} />
    </>
  );
}
