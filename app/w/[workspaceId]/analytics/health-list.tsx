import Link from "next/link";
import type { WorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import type { HealthStatus } from "@/lib/analytics/journey-health";

const BADGE: Record<HealthStatus, { label: string; tone: string }> = {
  ok: { label: "Healthy", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  stopped: { label: "Entries stopped", tone: "bg-red-50 text-red-800 ring-red-200" },
  spike: { label: "Entry spike", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  idle: { label: "No traffic", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
  new: { label: "Too new to judge", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
};

export function HealthBadge({ status }: { status: HealthStatus }) {
  const { label, tone } = BADGE[status];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>
      {label}
    </span>
  );
}

export function HealthList({
  workspaceId,
  health,
}: {
  workspaceId: string;
  health: WorkspaceOverview["health"];
}) {
  return (
    <section aria-labelledby="health-heading" className="space-y-2">
      <h2 id="health-heading" className="text-sm font-semibold text-slate-800">
        Live journey health
      </h2>
      {health.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No live journeys. Publish one from Journeys; its daily entries are watched here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {health.map((h) => (
            <li key={h.journeyId} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
              <Link
                className="min-w-40 font-medium text-brand-700 hover:underline"
                href={`/w/${workspaceId}/journeys/${h.journeyId}/analytics`}
              >
                {h.name}
              </Link>
              <HealthBadge status={h.status} />
              <span className="text-slate-600">{h.reason}</span>
              <span className="ml-auto text-xs text-slate-500 tabular-nums">
                {h.last24h} in the last 24 h{h.median !== null ? ` · 7-day median ${h.median}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500">
        Flagged when entries in the last 24 h drop to zero or exceed 5× the median of the 7 days
        before.
      </p>
    </section>
  );
}
