import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Users" };

export default function UsersPage() {
  return (
    <>
      <PageHeader title="Users" description="Profiles built from identify and track calls." />
      <EmptyState title="No user list yet">
        Profiles appear here once the tracking API receives events (Settings → Sources).
      </EmptyState>
    </>
  );
}
