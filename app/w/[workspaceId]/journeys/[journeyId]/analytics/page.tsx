import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { getJourneyAnalytics, type JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { ApiError } from "@/lib/api/errors";
import { hasRole } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { JourneyAnalyticsView } from "./journey-analytics-view";
import type { AnalyticsFilters } from "./use-journey-analytics-query";

export const metadata: Metadata = { title: "Journey analytics" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function initialFilters(params: Record<string, string | string[] | undefined>): AnalyticsFilters {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const pick = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const from = DATE.test(pick("from")) ? pick("from") : monthAgo;
  const to = DATE.test(pick("to")) && pick("to") >= from ? pick("to") : today;
  const version = Number.parseInt(pick("version"), 10);
  return { from, to, version: Number.isInteger(version) && version > 0 ? version : null };
}

export default async function JourneyAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; journeyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, journeyId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  let filters = initialFilters(await searchParams);
  const load = (f: AnalyticsFilters) =>
    getJourneyAnalytics({
      workspaceId: workspace.id,
      journeyId,
      query: { from: f.from, to: f.to, ...(f.version && { version: String(f.version) }) },
    });
  let data: JourneyAnalytics;
  try {
    data = await load(filters);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "not_found") notFound();
    // A version or period from an old link that no longer fits: show the defaults.
    filters = initialFilters({});
    data = await load(filters);
  }
  return (
    <>
      <PageHeader
        title={`${data.journey.name}: analytics`}
        description="Whether this journey raises conversion over its holdout, and what happened to each message."
        actions={
          <Link
            href={`/w/${workspace.id}/journeys/${journeyId}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Open journey
          </Link>
        }
      />
      <JourneyAnalyticsView
        workspaceId={workspace.id}
        journeyId={journeyId}
        initialFilters={filters}
        initialData={data}
        canEdit={hasRole(role, "editor")}
      />
    </>
  );
}
