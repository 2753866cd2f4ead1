import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Journeys" };

export default function JourneysPage() {
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Trigger → filter → message flows that react to what each user does."
      />
      <EmptyState title="The journey builder is coming next">
        Journeys will live here: an entry trigger, filters, delays, waits and sends, with a goal
        that stops messages once a user converts. Until then, send events to Cue (Settings →
        Sources) so they are ready when the first journey goes live.
      </EmptyState>
    </>
  );
}
