import { formatCount } from "@/components/analytics/format";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";

export function SkippedTable({ skipped }: { skipped: JourneyAnalytics["skipped"] }) {
  return (
    <section aria-labelledby="skipped-heading" className="space-y-2">
      <h2 id="skipped-heading" className="text-sm font-semibold text-slate-800">
        Skipped and held back, by reason
      </h2>
      {skipped.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          Nothing was filtered, capped, deferred or skipped in this period.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
                <th scope="col" className="px-3 py-2">
                  Outcome
                </th>
                <th scope="col" className="px-3 py-2">
                  Node
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Count
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {skipped.map((s) => (
                <tr key={`${s.category}-${s.outcome}-${s.nodeId}`}>
                  <td className="px-3 py-2">{s.label}</td>
                  <td className="px-3 py-2 text-slate-600">
                    {s.outcome === "deferred" ? "Deferred (sent later)" : "Skipped"}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{s.nodeLabel ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(s.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
