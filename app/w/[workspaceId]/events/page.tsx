import type { Metadata } from "next";
import { TabLinks } from "@/components/data/tab-links";
import { PageHeader } from "@/components/shell/page-header";
import { listCatalog } from "@/lib/events/list-catalog";
import { listEvents } from "@/lib/events/list-events";
import { listRejected } from "@/lib/events/list-rejected";
import { requestOrigin } from "@/lib/events/request-origin";
import { sourceSnippets } from "@/lib/events/source-snippets";
import { getWriteKey } from "@/lib/workspaces/api-keys";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { EventCatalog } from "./event-catalog";
import { eventFiltersFromParams } from "./event-filters";
import { EventsLive } from "./events-live";
import { EVENTS_PAGE_SIZE, REJECTED_PAGE_SIZE } from "./events-page-size";
import { RejectedList } from "./rejected-list";

export const metadata: Metadata = { title: "Events" };

const TABS = [
  { slug: "live", label: "Live" },
  { slug: "rejected", label: "Rejected" },
  { slug: "catalog", label: "Catalog" },
] as const;
type Tab = (typeof TABS)[number]["slug"];

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const search = await searchParams;
  const tab: Tab = TABS.find((t) => t.slug === search.tab)?.slug ?? "live";
  const base = `/w/${workspace.id}/events`;

  return (
    <>
      <PageHeader
        title="Events"
        description="What your apps send to Cue, as it arrives — and what was refused, and why."
      />
      <TabLinks
        label="Event views"
        tabs={TABS.map((t) => ({
          href: t.slug === "live" ? base : `${base}?tab=${t.slug}`,
          label: t.label,
          active: t.slug === tab,
        }))}
      />
      {tab === "live" ? (
        <LiveTab workspaceId={workspace.id} search={search} />
      ) : tab === "rejected" ? (
        <RejectedList
          workspaceId={workspace.id}
          initialPage={
            await listRejected({
              workspaceId: workspace.id,
              query: { limit: REJECTED_PAGE_SIZE },
            })
          }
        />
      ) : (
        <EventCatalog
          workspaceId={workspace.id}
          catalog={await listCatalog({ workspaceId: workspace.id })}
        />
      )}
    </>
  );
}

async function LiveTab({
  workspaceId,
  search,
}: {
  workspaceId: string;
  search: Record<string, string | string[] | undefined>;
}) {
  const filters = eventFiltersFromParams(search);
  const [firstPage, writeKey, origin] = await Promise.all([
    listEvents({
      workspaceId,
      query: {
        name: filters.name || undefined,
        user: filters.user || undefined,
        type: filters.type || undefined,
        limit: EVENTS_PAGE_SIZE,
      },
    }),
    getWriteKey(workspaceId),
    requestOrigin(),
  ]);
  return (
    <EventsLive
      workspaceId={workspaceId}
      initialFilters={filters}
      initialPage={firstPage}
      curlSnippet={writeKey ? sourceSnippets({ origin, writeKey }).curl : null}
    />
  );
}
