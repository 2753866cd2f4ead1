import Link from "next/link";
import { formatCount, formatRate } from "@/components/analytics/format";
import type { WorkspaceOverview } from "@/lib/analytics/get-workspace-overview";

export function TopJourneys({
  workspaceId,
  journeys,
}: {
  workspaceId: string;
  journeys: WorkspaceOverview["topJourneys"];
}) {
  return (
    <section aria-labelledby="top-heading" className="space-y-2">
      <h2 id="top-heading" className="text-sm font-semibold text-slate-800">
        Top journeys by conversions
      </h2>
      {journeys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No conversions in this period. Give a journey a goal event to count conversions.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Journey
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Conversions
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Entered
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Conversions per entry
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {journeys.map((j) => (
                <tr key={j.journeyId}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link
                      className="text-brand-700 hover:underline"
                      href={`/w/${workspaceId}/journeys/${j.journeyId}/analytics`}
                    >
                      {j.name}
                    </Link>
                    <span className="ml-2 text-xs font-normal text-slate-500">{j.status}</span>
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(j.converted)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(j.entered)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatRate(j.entered > 0 ? j.converted / j.entered : null)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
