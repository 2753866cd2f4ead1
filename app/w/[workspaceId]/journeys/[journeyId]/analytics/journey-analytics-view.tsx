"use client";

import { useEffect, useId, useState } from "react";
import { DailyChart, SERIES_COLORS } from "@/components/analytics/daily-chart";
import { PeriodPicker } from "@/components/analytics/period-picker";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { BacktestPanel } from "./backtest-panel";
import { DeliveryTable } from "./delivery-table";
import { LiftCard } from "./lift-card";
import { SkippedTable } from "./skipped-table";
import { TimeToConvertChart } from "./time-to-convert-chart";
import {
  type AnalyticsFilters,
  analyticsParams,
  useJourneyAnalyticsQuery,
} from "./use-journey-analytics-query";
import { VersionComparison } from "./version-comparison";

const SERIES = [
  { key: "entered", label: "Entered", color: SERIES_COLORS[0] },
  { key: "active", label: "Active", color: SERIES_COLORS[1] },
  { key: "converted", label: "Converted", color: SERIES_COLORS[2] },
  { key: "exited", label: "Exited", color: SERIES_COLORS[3] },
] as const;

export function JourneyAnalyticsView({
  workspaceId,
  journeyId,
  initialFilters,
  initialData,
  canEdit,
}: {
  workspaceId: string;
  journeyId: string;
  initialFilters: AnalyticsFilters;
  initialData: JourneyAnalytics;
  canEdit: boolean;
}) {
  const id = useId();
  const [filters, setFilters] = useState(initialFilters);
  const key = analyticsParams(filters).toString();
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `?${key}`);
  }, [key]);
  const query = useJourneyAnalyticsQuery({
    workspaceId,
    journeyId,
    filters,
    initialData: key === analyticsParams(initialFilters).toString() ? initialData : undefined,
  });
  const data = query.data;
  const exportBase = `/api/w/${workspaceId}/journeys/${journeyId}/export`;
  const exportQuery = analyticsParams(filters);

  return (
    <div className="space-y-6" aria-busy={query.isFetching}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-wrap items-end gap-4">
          <PeriodPicker
            value={filters}
            onChange={(period) => setFilters((current) => ({ ...current, ...period }))}
            error={query.error?.message}
          />
          <div className="space-y-1">
            <label htmlFor={`${id}-version`} className="block text-sm font-medium text-slate-700">
              Version
            </label>
            <select
              id={`${id}-version`}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500"
              value={filters.version ?? ""}
              onChange={(event) =>
                setFilters((current) => ({
                  ...current,
                  version: event.target.value ? Number(event.target.value) : null,
                }))
              }
            >
              <option value="">All versions</option>
              {(data?.versions ?? []).map((v) => (
                <option key={v.id} value={v.version}>
                  v{v.version}
                  {v.current ? " (current)" : ""}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex gap-3 text-sm">
          <a
            className="font-medium text-brand-700 hover:underline"
            href={`${exportBase}/runs.csv?${exportQuery}`}
          >
            Export runs (CSV)
          </a>
          <a
            className="font-medium text-brand-700 hover:underline"
            href={`${exportBase}/messages.csv?${exportQuery}`}
          >
            Export messages (CSV)
          </a>
        </div>
      </div>
      {query.isFetching ? (
        <p className="text-xs text-slate-500" role="status">
          Updating…
        </p>
      ) : null}
      {data ? (
        <>
          <LiftCard lift={data.lift} />
          <DailyChart title="Runs per day (UTC)" data={data.series} series={[...SERIES]} />
          <VersionComparison rows={data.byVersion} />
          <DeliveryTable messages={data.messages} />
          <div className="grid gap-6 lg:grid-cols-2">
            <SkippedTable skipped={data.skipped} />
            <TimeToConvertChart
              buckets={data.timeToConvert}
              medianSeconds={data.medianSecondsToConvert}
            />
          </div>
          <BacktestPanel
            workspaceId={workspaceId}
            journeyId={journeyId}
            hasLiveVersion={data.versions.some((v) => v.current)}
            canEdit={canEdit}
            nodes={data.nodes}
          />
        </>
      ) : null}
    </div>
  );
}
