import { TimesInText } from "@/components/data/local-time";
import type { Gate, GateResult, WhyNotJson } from "@/lib/explain/explain-types";

// The "why not?" gates in the engine's order: pass or fail, the actual value
// against the expected one, and the first gate that blocks, highlighted.

const LABEL: Record<Gate, string> = {
  journey: "Journey is live",
  trigger: "Trigger",
  reentry: "Re-entry",
  filter: "Filter",
  route: "Path reaches the message",
  holdout: "Holdout",
  message_limit: "Message limit",
  email_address: "Email address",
  suppression: "Suppression",
  unsubscribe: "Unsubscribe",
  topic: "Subscription topic",
  frequency: "Frequency budget",
  quiet_hours: "Quiet hours",
  template: "Template renders",
  exclusion: "Exclusion segment",
};

export function gateLabel(gate: Gate): string {
  return LABEL[gate];
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Values({ gate }: { gate: GateResult }) {
  if (gate.expected === undefined && gate.actual === undefined) return null;
  return (
    <dl className="mt-1 grid grid-cols-[5rem_minmax(0,1fr)] gap-x-2 text-xs">
      {gate.expected !== undefined ? (
        <>
          <dt className="text-slate-500">Expected</dt>
          <dd className="font-mono break-words text-slate-800">{show(gate.expected)}</dd>
        </>
      ) : null}
      {gate.actual !== undefined ? (
        <>
          <dt className="text-slate-500">Actual</dt>
          <dd className="font-mono break-words text-slate-800">{show(gate.actual)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * The zone a gate's times read in: quiet hours are kept in the profile's
 * zone, and so is a wait until a time of day; the rest in the viewer's.
 */
export function gateTimeZone(gate: GateResult, whyNot: WhyNotJson): string | undefined {
  if (gate.gate === "quiet_hours") return gate.timeZone ?? whyNot.profile.timeZone;
  const outcome = whyNot.path?.outcome;
  if (gate.gate === "route" && outcome?.kind === "waiting") return outcome.timeZone;
  return undefined;
}

/** Step names by node id, from the walked path: the UI names a step, never its id. */
export function stepLabels(whyNot: WhyNotJson): Map<string, string> {
  return new Map((whyNot.path?.steps ?? []).map((step) => [step.nodeId, step.label]));
}

function GateItem({
  gate,
  blocking,
  stepLabel,
  timeZone,
}: {
  gate: GateResult;
  blocking: boolean;
  stepLabel: string | undefined;
  timeZone: string | undefined;
}) {
  return (
    <li
      data-testid="gate"
      data-gate={gate.gate}
      data-passed={gate.passed}
      className={`rounded-md border p-3 ${
        blocking
          ? "border-red-300 bg-red-50"
          : gate.passed
            ? "border-slate-200 bg-white"
            : "border-amber-200 bg-amber-50/50"
      } ${gate.hypothetical ? "opacity-80" : ""}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span aria-hidden className={gate.passed ? "text-emerald-600" : "text-red-600"}>
          {gate.passed ? "✓" : "✗"}
        </span>
        <span className="font-medium text-slate-900">{LABEL[gate.gate]}</span>
        {stepLabel ? <span className="text-xs text-slate-500">at “{stepLabel}”</span> : null}
        <span className="sr-only">{gate.passed ? "passed" : "failed"}</span>
        {blocking ? (
          <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">
            Blocks here
          </span>
        ) : null}
        {gate.hypothetical ? (
          <span
            className="text-xs text-slate-500"
            title="Evaluated as if the earlier blocking gate had passed"
          >
            (if it had got this far)
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        <TimesInText text={gate.detail} timeZone={timeZone} event={gate.event} />
      </p>
      <Values gate={gate} />
      {gate.conditions && gate.conditions.length > 0 ? (
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">
                Condition
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Expected
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Actual
              </th>
              <th scope="col" className="py-1 font-medium">
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {gate.conditions.map((c) => (
              <tr key={c.condition} className="border-t border-slate-200 align-top">
                <td className="py-1 pr-2 text-slate-800">{c.condition}</td>
                <td className="py-1 pr-2 font-mono">{show(c.expected)}</td>
                <td className="py-1 pr-2 font-mono">{show(c.actual)}</td>
                <td className={`py-1 ${c.passed ? "text-emerald-700" : "text-red-700"}`}>
                  {c.passed ? "pass" : "fail"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

export function GateList({ whyNot }: { whyNot: WhyNotJson }) {
  const blockingIndex = whyNot.gates.findIndex((g) => !g.passed);
  const labels = stepLabels(whyNot);
  return (
    <ol aria-label="Gates, in the order the engine checks them" className="space-y-2">
      {whyNot.gates.map((gate, i) => (
        <GateItem
          key={`${gate.gate}-${gate.nodeId ?? ""}`}
          gate={gate}
          blocking={i === blockingIndex}
          stepLabel={gate.nodeId ? labels.get(gate.nodeId) : undefined}
          timeZone={gateTimeZone(gate, whyNot)}
        />
      ))}
    </ol>
  );
}
