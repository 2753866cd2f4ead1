"use client";

import { useEffect, useState } from "react";
import { DailyChart, SERIES_COLORS } from "@/components/analytics/daily-chart";
import { type Period, PeriodPicker } from "@/components/analytics/period-picker";
import type { WorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { HealthList } from "./health-list";
import { TopJourneys } from "./top-journeys";
import { useOverviewQuery } from "./use-overview-query";

export function OverviewView({
  workspaceId,
  initialPeriod,
  initialData,
}: {
  workspaceId: string;
  initialPeriod: Period;
  initialData: WorkspaceOverview;
}) {
  const [period, setPeriod] = useState(initialPeriod);
  const key = new URLSearchParams({ from: period.from, to: period.to }).toString();
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `?${key}`);
  }, [key]);
  const initial = period.from === initialPeriod.from && period.to === initialPeriod.to;
  const query = useOverviewQuery({
    workspaceId,
    period,
    initialData: initial ? initialData : undefined,
  });
  const data = query.data;
  return (
    <div className="space-y-6" aria-busy={query.isFetching}>
      <PeriodPicker value={period} onChange={setPeriod} error={query.error?.message} />
      {data ? (
        <>
          <HealthList workspaceId={workspaceId} health={data.health} />
          <div className="grid gap-6 xl:grid-cols-2">
            <DailyChart
              title="Messages per channel per day (UTC)"
              kind="bar"
              data={data.messagesByDay}
              series={[
                { key: "email", label: "Email", color: SERIES_COLORS[0] },
                { key: "in_app", label: "In-app", color: SERIES_COLORS[1] },
              ]}
            />
            <DailyChart
              title="Frequency-budget hits per day"
              kind="bar"
              data={data.budgetHitsByDay}
              series={[
                { key: "deferred", label: "Deferred", color: SERIES_COLORS[2] },
                { key: "skipped", label: "Skipped", color: SERIES_COLORS[3] },
              ]}
            />
          </div>
          <TopJourneys workspaceId={workspaceId} journeys={data.topJourneys} />
        </>
      ) : null}
    </div>
  );
}
