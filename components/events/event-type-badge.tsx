const COLORS: Record<string, string> = {
  track: "bg-brand-50 text-brand-700 ring-brand-100",
  identify: "bg-emerald-50 text-emerald-700 ring-emerald-100",
  page: "bg-amber-50 text-amber-800 ring-amber-100",
  screen: "bg-amber-50 text-amber-800 ring-amber-100",
  group: "bg-violet-50 text-violet-700 ring-violet-100",
  alias: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** The Segment call type (track, identify, page, screen, group, alias). */
export function EventTypeBadge({ type }: { type: string }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 font-mono text-[11px] font-medium ring-1 ring-inset ${
        COLORS[type] ?? COLORS.alias
      }`}
    >
      {type}
    </span>
  );
}
