import { formatCount, formatPoints, formatRate } from "@/components/analytics/format";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { VerdictBadge } from "./lift-card";

/** Conversion and lift of each version's runs that entered in the period, side by side. */
export function VersionComparison({ rows }: { rows: JourneyAnalytics["byVersion"] }) {
  if (rows.length < 2) return null;
  return (
    <section aria-labelledby="versions-heading" className="space-y-2">
      <h2 id="versions-heading" className="text-sm font-semibold text-slate-800">
        Versions compared
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Version
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Entered
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Treatment
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Holdout
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Lift
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                95% CI
              </th>
              <th scope="col" className="px-3 py-2">
                Verdict
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ version, versionId, lift }) => (
              <tr key={versionId}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {version === null ? "?" : `v${version}`}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatCount(lift.treatment.entered + lift.holdout.entered)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatRate(lift.treatment.rate)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatRate(lift.holdout.rate)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatPoints(lift.absoluteLift)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {lift.interval
                    ? `${formatPoints(lift.interval.lower)} to ${formatPoints(lift.interval.upper)}`
                    : "—"}
                </td>
                <td className="px-3 py-2">
                  <VerdictBadge verdict={lift.verdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
