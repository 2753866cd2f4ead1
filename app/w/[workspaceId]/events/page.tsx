import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return (
    <>
      <PageHeader title="Events" description="What your app tells Cue, live." />
      <EmptyState title="No event view yet">
        Incoming events will stream here, with the rejected ones and their reasons.
      </EmptyState>
    </>
  );
}
