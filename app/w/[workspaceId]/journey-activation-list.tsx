import Link from "next/link";
import { formatCount, formatPoints, formatRate } from "@/components/analytics/format";
import { ACTIVATION_LIFT_METHOD } from "@/lib/analytics/activation/activation-lift";
import type { ActivationOverview } from "@/lib/analytics/activation/get-activation-overview";
import type { LiftVerdict } from "@/lib/analytics/lift";

const VERDICT: Record<LiftVerdict, { label: string; tone: string }> = {
  positive: { label: "Raises activation", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  negative: { label: "Lowers activation", tone: "bg-red-50 text-red-800 ring-red-200" },
  inconclusive: { label: "No clear effect", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
  too_small: { label: "Too early to tell", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  no_holdout: { label: "No holdout", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  no_data: { label: "Nothing to compare", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
};

const STATUS: Record<string, string> = {
  live: "Live",
  paused: "Paused",
  archived: "Archived",
  draft: "Draft",
};

/** For each published journey: activation of messaged profiles vs its holdout. */
export function JourneyActivationList({
  workspaceId,
  overview,
}: {
  workspaceId: string;
  overview: ActivationOverview;
}) {
  const { journeys } = overview;
  return (
    <section aria-labelledby="journeys-moved-heading" className="space-y-3">
      <div>
        <h2 id="journeys-moved-heading" className="text-lg font-semibold">
          How much the journeys moved activation
        </h2>
        <p className="text-sm text-slate-600">
          Activated share of the profiles each journey messaged, against the profiles it held out.{" "}
          <span
            title={ACTIVATION_LIFT_METHOD}
            className="cursor-help underline decoration-dotted"
            data-testid="activation-lift-method"
          >
            How is this computed?
          </span>
        </p>
      </div>
      {journeys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No journey has been published yet.{" "}
          <Link
            href={`/w/${workspaceId}/journeys`}
            className="font-medium text-brand-700 underline"
          >
            Build one
          </Link>{" "}
          with a holdout to see how much it moves activation.
        </p>
      ) : (
        <ul className="grid gap-3 xl:grid-cols-2">
          {journeys.map((j) => {
            const { lift } = j;
            const verdict = VERDICT[lift.verdict];
            return (
              <li
                key={j.journeyId}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="journey-activation"
              >
                <div className="flex items-start justify-between gap-3">
                  <h3 className="text-sm font-semibold">
                    <Link
                      href={`/w/${workspaceId}/journeys/${j.journeyId}/analytics`}
                      className="text-brand-700 hover:underline"
                    >
                      {j.name}
                    </Link>{" "}
                    <span className="text-xs font-normal text-slate-500">
                      {STATUS[j.status] ?? j.status}
                    </span>
                  </h3>
                  <span
                    className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${verdict.tone}`}
                  >
                    {verdict.label}
                  </span>
                </div>
                <dl className="mt-3 grid grid-cols-3 gap-3">
                  <div>
                    <dt className="text-xs text-slate-500">Messaged</dt>
                    <dd className="text-lg font-semibold tabular-nums">
                      {formatRate(lift.treatment.rate)}
                    </dd>
                    <dd className="text-xs text-slate-500">
                      {formatCount(lift.treatment.converted)} of{" "}
                      {formatCount(lift.treatment.entered)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Held out</dt>
                    <dd className="text-lg font-semibold tabular-nums">
                      {formatRate(lift.holdout.rate)}
                    </dd>
                    <dd className="text-xs text-slate-500">
                      {formatCount(lift.holdout.converted)} of {formatCount(lift.holdout.entered)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Difference, 95% range</dt>
                    <dd className="text-lg font-semibold tabular-nums">
                      {formatPoints(lift.absoluteLift)}
                    </dd>
                    <dd
                      className="text-xs tabular-nums text-slate-500"
                      data-testid="activation-interval"
                    >
                      {lift.interval
                        ? `${formatPoints(lift.interval.lower)} to ${formatPoints(lift.interval.upper)}`
                        : "Not enough data yet"}
                    </dd>
                  </div>
                </dl>
                <p className="mt-3 text-sm text-slate-700">{j.sentence}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
