import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { searchProfiles, searchProfilesQuerySchema } from "@/lib/profiles/search-profiles";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { filtersFromParams, filtersToParams } from "./profile-filters";
import { UsersList } from "./users-list";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const filters = filtersFromParams(await searchParams);
  const query = searchProfilesQuerySchema.parse(Object.fromEntries(filtersToParams(filters)));
  const firstPage = await searchProfiles({ workspaceId: workspace.id, query });
  return (
    <>
      <PageHeader
        title="Users"
        description="Profiles built from identify and track calls, most recently seen first."
      />
      <UsersList workspaceId={workspace.id} initialFilters={filters} initialPage={firstPage} />
    </>
  );
}
