import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="Whether your journeys raise activation." />
      <EmptyState title="Nothing to measure yet">
        Journey analytics (conversion against a holdout, with lift and a confidence interval) need
        live journeys. This page will show them once journeys can be published.
      </EmptyState>
    </>
  );
}
