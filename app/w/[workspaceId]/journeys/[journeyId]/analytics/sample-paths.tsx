import { LocalTime, TimesInText } from "@/components/data/local-time";
import type { NodeLabel } from "@/lib/analytics/node-labels";
import type { SamplePath } from "@/lib/backtests/backtest-tally";

/** A few individual runs from a backtest, each step with the engine's reason. */
export function SamplePaths({
  paths,
  nodes,
}: {
  paths: SamplePath[];
  nodes: Record<string, NodeLabel>;
}) {
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        Sample paths ({paths.length})
      </summary>
      <ol className="divide-y divide-slate-100">
        {paths.map((path) => (
          <li key={`${path.profileId}-${path.enteredAt}`} className="px-3 py-2 text-sm">
            <p className="font-medium">
              {path.userId ?? "An anonymous user"}
              <span className="ml-2 font-normal text-slate-500">
                {path.status}
                {path.holdout ? " · holdout" : ""}
                {path.convertedAt ? " · converted" : ""}
                {path.convertedAfterWindow ? " · converted after the window" : ""}
              </span>
            </p>
            <ol className="mt-1 space-y-0.5 text-xs text-slate-600">
              {path.steps.map((step) => (
                <li key={`${step.at}-${step.nodeId}-${step.decision}`}>
                  <LocalTime iso={step.at} style="short" />{" "}
                  <span className="font-medium text-slate-700">
                    {nodes[step.nodeId]?.label ?? "A removed step"}
                  </span>{" "}
                  {step.decision.replaceAll("_", " ")}: <TimesInText text={step.reason} />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </details>
  );
}
