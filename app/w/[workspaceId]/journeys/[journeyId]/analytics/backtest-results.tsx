import { formatCount, formatRate } from "@/components/analytics/format";
import { TimesInText } from "@/components/data/local-time";
import type { NodeLabel } from "@/lib/analytics/node-labels";
import type { BacktestJson } from "@/lib/backtests/backtest-json";
import type { BacktestCounts } from "@/lib/backtests/backtest-tally";
import { formatTime } from "@/lib/format/time";

// One or two finished backtests side by side: a row per figure, a column per
// backtest, and the difference when there are two.

type Row = { label: string; values: (number | null)[]; indent?: boolean };

export function sourceLabel(b: BacktestJson): string {
  return b.source.kind === "draft"
    ? `Draft as of ${formatTime(b.createdAt, "datetime", { timeZone: "UTC" })}`
    : `v${b.source.version}`;
}

export function windowLabel(b: BacktestJson): string {
  const day = (iso: string) => iso.slice(0, 10);
  const lastDay = new Date(Date.parse(b.window.to) - 1).toISOString();
  return `${day(b.window.from)} → ${day(lastDay)} (UTC days)`;
}

function rowsFor(list: BacktestCounts[], nodes: Record<string, NodeLabel>): Row[] {
  const pick = (f: (c: BacktestCounts) => number | undefined) => list.map((c) => f(c) ?? 0);
  const rows: Row[] = [
    { label: "Profiles with events in the window", values: pick((c) => c.profilesScanned) },
    { label: "Events replayed", values: pick((c) => c.eventsReplayed) },
    { label: "Would enter (runs)", values: pick((c) => c.entered) },
    { label: "Profiles entering", values: pick((c) => c.profilesEntered) },
    { label: "In the holdout", values: pick((c) => c.holdout), indent: true },
    {
      label: "Still in the journey at the window's end",
      values: pick((c) => (c.outcomes.waiting ?? 0) + (c.outcomes.active ?? 0)),
    },
    { label: "Converted in the window (real events)", values: pick((c) => c.convertedInWindow) },
    {
      label: "Converted after the window (real events)",
      values: pick((c) => c.convertedAfterWindow),
    },
  ];
  const messageIds = [...new Set(list.flatMap((c) => Object.keys(c.messages)))].sort(
    (a, b) => Object.keys(nodes).indexOf(a) - Object.keys(nodes).indexOf(b),
  );
  for (const id of messageIds) {
    rows.push({
      label: `Would receive “${nodes[id]?.label ?? id}”`,
      values: pick((c) => c.messages[id]?.profiles),
    });
  }
  // In the journey's own order (the labels follow the definition), unknown ids last.
  const order = Object.keys(nodes);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const nodeIds = [...new Set(list.flatMap((c) => Object.keys(c.nodes)))].sort(
    (a, b) => rank(a) - rank(b),
  );
  for (const id of nodeIds) {
    const name = nodes[id]?.label ?? id;
    rows.push({ label: `Reached “${name}”`, values: pick((c) => c.nodes[id]?.reached) });
    const extra: [string, (c: BacktestCounts) => number | undefined][] = [
      ["filtered", (c) => c.nodes[id]?.filtered],
      ["capped", (c) => c.nodes[id]?.capped],
      ["deferred", (c) => c.nodes[id]?.deferred],
    ];
    for (const [what, f] of extra) {
      const values = pick(f);
      if (values.some((v) => (v ?? 0) > 0)) rows.push({ label: what, values, indent: true });
    }
  }
  return rows;
}

export function BacktestResults({
  backtests,
  nodes,
}: {
  backtests: BacktestJson[];
  nodes: Record<string, NodeLabel>;
}) {
  const done = backtests.filter((b) => b.counts);
  if (done.length === 0) return null;
  const counts = done.map((b) => b.counts as BacktestCounts);
  const rows = rowsFor(counts, nodes);
  const compare = done.length === 2;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" aria-label="Backtest results">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 uppercase">
                Figure
              </th>
              {done.map((b) => (
                <th key={b.id} scope="col" className="px-3 py-2 text-right">
                  {sourceLabel(b)}
                  <span className="block font-normal">{windowLabel(b)}</span>
                </th>
              ))}
              {compare ? (
                <th scope="col" className="px-3 py-2 text-right uppercase">
                  Difference
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.label}>
                <th
                  scope="row"
                  className={`px-3 py-1.5 font-normal ${row.indent ? "pl-8 text-slate-600" : ""}`}
                >
                  {row.label}
                </th>
                {row.values.map((v, i) => (
                  <td key={done[i].id} className="px-3 py-1.5 text-right tabular-nums">
                    {v === null ? "—" : formatCount(v)}
                  </td>
                ))}
                {compare ? (
                  <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">
                    {diff(row.values[0], row.values[1])}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {done.map((b) => (
        <Notes key={b.id} backtest={b} />
      ))}
    </div>
  );
}

function diff(a: number | null, b: number | null): string {
  if (a === null || b === null) return "—";
  const d = b - a;
  const relative = a > 0 ? ` (${d >= 0 ? "+" : ""}${formatRate(d / a)})` : "";
  return `${d >= 0 ? "+" : ""}${formatCount(d)}${relative}`;
}

function Notes({ backtest }: { backtest: BacktestJson }) {
  const counts = backtest.counts as BacktestCounts;
  return (
    <div className="rounded-md bg-slate-50 p-3 text-xs text-slate-600">
      <p className="font-medium text-slate-700">
        {sourceLabel(backtest)}, {windowLabel(backtest)}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {counts.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
        {counts.refusals.map((r) => (
          <li key={r.reason}>
            Not entered ({formatCount(r.count)}×): <TimesInText text={r.reason} />
          </li>
        ))}
      </ul>
    </div>
  );
}
