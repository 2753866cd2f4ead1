"use client";

import Link from "next/link";
import { DailyChart, SERIES_COLORS } from "@/components/analytics/daily-chart";
import { formatCount, formatRate } from "@/components/analytics/format";
import type { ActivationOverview } from "@/lib/analytics/activation/get-activation-overview";

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Activation rate per signup cohort; cohorts whose window is still open are drawn apart. */
export function ActivationChart({
  workspaceId,
  overview,
}: {
  workspaceId: string;
  overview: ActivationOverview;
}) {
  const { cohorts, unit, overall, activation } = overview;
  const days = activation?.windowDays ?? 0;
  const data = cohorts.map((c) => ({
    day: c.cohort,
    final: c.complete ? pct(c.rate) : null,
    open: c.complete ? null : pct(c.rate),
  }));
  const firstSeen = cohorts.reduce((sum, c) => sum + c.profiles, 0);
  const unitLabel = unit === "week" ? "week" : "day";
  return (
    <section aria-labelledby="activation-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="activation-heading" className="text-lg font-semibold">
            Activation by signup cohort
          </h2>
          <p className="text-sm text-slate-600" data-testid="activation-overall">
            {overall.rate === null
              ? `No cohort's ${days}-day window has closed yet: the rates below can still rise.`
              : `${formatRate(overall.rate)} of the ${formatCount(overall.profiles)} profiles in cohorts whose window has closed activated (${formatCount(overall.activated)}).`}
          </p>
        </div>
        <nav aria-label="Cohort size" className="flex gap-1 text-sm">
          {(["day", "week"] as const).map((by) => (
            <Link
              key={by}
              href={`/w/${workspaceId}?by=${by}`}
              aria-current={by === unit ? "page" : undefined}
              className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
            >
              By {by}
            </Link>
          ))}
        </nav>
      </div>
      {firstSeen === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No profile was first seen in this period yet. Send events with the write key (Settings →
          Sources) and each signup {unitLabel} appears here.
        </p>
      ) : (
        <div data-testid="activation-chart">
          <DailyChart
            title={`Share of each ${unitLabel}'s new profiles (UTC, by first seen) who activated within ${days} days`}
            kind="bar"
            xLabel={unit === "week" ? "Week of" : "Day"}
            unit="%"
            data={data}
            series={[
              { key: "final", label: "Activated (window closed)", color: SERIES_COLORS[0] },
              {
                key: "open",
                label: "Activated so far (window still open)",
                color: SERIES_COLORS[2],
              },
            ]}
          />
        </div>
      )}
      {firstSeen > 0 ? (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">Profiles per cohort</summary>
          <table className="mt-2 w-full max-w-2xl text-left">
            <caption className="sr-only">Profiles and activations per signup cohort</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {unit === "week" ? "Week of" : "Day"}
                </th>
                <th scope="col" className="py-1 pr-3">
                  First seen
                </th>
                <th scope="col" className="py-1 pr-3">
                  Activated
                </th>
                <th scope="col" className="py-1 pr-3">
                  Rate
                </th>
                <th scope="col" className="py-1 pr-3">
                  Window
                </th>
              </tr>
            </thead>
            <tbody>
              {cohorts
                .filter((c) => c.profiles > 0)
                .map((c) => (
                  <tr key={c.cohort} className="border-t border-slate-100">
                    <td className="py-1 pr-3 tabular-nums">{c.cohort}</td>
                    <td className="py-1 pr-3 tabular-nums">{formatCount(c.profiles)}</td>
                    <td className="py-1 pr-3 tabular-nums">{formatCount(c.activated)}</td>
                    <td className="py-1 pr-3 tabular-nums">{formatRate(c.rate)}</td>
                    <td className="py-1 pr-3">
                      {c.complete ? "Closed" : "Still open (incomplete)"}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
