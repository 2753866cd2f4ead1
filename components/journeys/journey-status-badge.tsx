import type { JourneyStatus } from "@/lib/journey-core/journey-status";

const TONE: Record<JourneyStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  live: "bg-emerald-100 text-emerald-900",
  paused: "bg-amber-100 text-amber-900",
  archived: "bg-slate-200 text-slate-600",
};

const LABEL: Record<JourneyStatus, string> = {
  draft: "Draft",
  live: "Live",
  paused: "Paused",
  archived: "Archived",
};

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status]}`}
    >
      {LABEL[status]}
    </span>
  );
}
