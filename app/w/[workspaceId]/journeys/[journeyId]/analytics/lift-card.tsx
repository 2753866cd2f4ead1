import { formatCount, formatPoints, formatRate } from "@/components/analytics/format";
import type { LiftResult, LiftVerdict } from "@/lib/analytics/lift";

const VERDICT: Record<LiftVerdict, { label: string; tone: string }> = {
  positive: { label: "Lifts conversion", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  negative: { label: "Lowers conversion", tone: "bg-red-50 text-red-800 ring-red-200" },
  inconclusive: { label: "No clear difference", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
  too_small: { label: "Sample too small", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  no_holdout: { label: "No holdout", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  no_data: { label: "No entries yet", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
};

export function VerdictBadge({ verdict }: { verdict: LiftVerdict }) {
  const { label, tone } = VERDICT[verdict];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>
      {label}
    </span>
  );
}

/** Treatment vs holdout conversion, the lift, and its 95% interval (or why there is none). */
export function LiftCard({ lift }: { lift: LiftResult }) {
  const groups = [
    { name: "Treatment", group: lift.treatment },
    { name: "Holdout", group: lift.holdout },
  ];
  return (
    <section
      aria-labelledby="lift-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="lift-heading" className="text-sm font-semibold text-slate-800">
          Conversion vs holdout
        </h2>
        <VerdictBadge verdict={lift.verdict} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {groups.map(({ name, group }) => (
          <div key={name}>
            <dt className="text-xs text-slate-500">{name}</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatRate(group.rate)}</dd>
            <dd className="text-xs text-slate-500">
              {formatCount(group.converted)} of {formatCount(group.entered)}
            </dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-slate-500">Absolute lift</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatPoints(lift.absoluteLift)}</dd>
          <dd className="text-xs text-slate-500">
            {lift.relativeLift === null ? "—" : `${formatRate(lift.relativeLift)} relative`}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">95% confidence interval</dt>
          <dd className="text-sm font-semibold tabular-nums">
            {lift.interval
              ? `${formatPoints(lift.interval.lower)} to ${formatPoints(lift.interval.upper)}`
              : "Not shown"}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-slate-700">{lift.summary}</p>
      <p className="mt-1 text-xs text-slate-500">
        Counts the people who entered in this period; the range is shown once each group has at
        least 30 people, 5 who converted and 5 who did not.{" "}
        <span
          title={`Method: ${lift.method}`}
          className="cursor-help underline decoration-dotted"
          data-testid="lift-method"
        >
          How is this computed?
        </span>
      </p>
    </section>
  );
}
