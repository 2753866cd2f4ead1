"use client";

import { useId, useState } from "react";
import { lastDays } from "@/components/analytics/period";
import { PeriodPicker } from "@/components/analytics/period-picker";
import { Button } from "@/components/ui/button";
import type { NodeLabel } from "@/lib/analytics/node-labels";
import type { BacktestJson } from "@/lib/backtests/backtest-json";
import type { ApiClientError } from "@/lib/query/fetch-json";
import { BacktestResults, sourceLabel, windowLabel } from "./backtest-results";
import { SamplePaths } from "./sample-paths";
import {
  useBacktestQuery,
  useBacktestsQuery,
  useCancelBacktestMutation,
  useRunBacktestMutation,
} from "./use-backtests";

// Backtest: replay the draft or the live version over a past window, watch
// the progress, cancel, and compare two finished runs side by side.

const STATUS_LABEL: Record<BacktestJson["status"], string> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

export function BacktestPanel({
  workspaceId,
  journeyId,
  hasLiveVersion,
  canEdit,
  nodes,
}: {
  workspaceId: string;
  journeyId: string;
  hasLiveVersion: boolean;
  canEdit: boolean;
  nodes: Record<string, NodeLabel>;
}) {
  const id = useId();
  const [period, setPeriod] = useState(() => lastDays(14));
  const [source, setSource] = useState<"draft" | "live">(hasLiveVersion ? "live" : "draft");
  const [selected, setSelected] = useState<string[]>([]);
  const list = useBacktestsQuery(workspaceId, journeyId);
  const run = useRunBacktestMutation(workspaceId, journeyId);
  const cancel = useCancelBacktestMutation(workspaceId, journeyId);
  const backtests = list.data ?? [];
  const finished = backtests.filter((b) => b.status === "done");
  // Compare what the user picked; otherwise show the newest finished one.
  const newest = finished.slice(0, 1).map((b) => b.id);
  const shown = selected.length > 0 ? selected : newest;
  const first = useBacktestQuery(workspaceId, journeyId, shown[0] ?? null);
  const second = useBacktestQuery(workspaceId, journeyId, shown[1] ?? null);
  const compared = [first.data, second.data].filter((b): b is BacktestJson => Boolean(b?.counts));
  // The backtest started from this page keeps its bar (at 100% once done).
  const startedHere = run.data?.id ?? null;
  const runError = run.error as ApiClientError | null;
  const fieldErrors = runError?.fieldErrors ?? {};

  const toggle = (backtestId: string) =>
    setSelected((current) => {
      const base = current.length > 0 ? current : newest;
      return base.includes(backtestId)
        ? base.filter((x) => x !== backtestId)
        : [...base, backtestId].slice(-2);
    });

  return (
    <section
      aria-labelledby="backtest-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div>
        <h2 id="backtest-heading" className="text-base font-semibold text-slate-900">
          Backtest on history
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Replays the stored events of a past window through this journey on a simulated clock.
          Nothing is sent and nothing changes: you see who would have entered, where they would have
          gone, and what they would have received.
        </p>
      </div>
      {canEdit ? (
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            run.mutate({ source, from: period.from, to: period.to });
          }}
        >
          <PeriodPicker
            value={period}
            onChange={setPeriod}
            error={fieldErrors.from ?? fieldErrors.to}
          />
          <div className="space-y-1">
            <label htmlFor={`${id}-source`} className="block text-sm font-medium text-slate-700">
              Journey to replay
            </label>
            <select
              id={`${id}-source`}
              value={source}
              onChange={(event) => setSource(event.target.value as "draft" | "live")}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500"
            >
              <option value="draft">The draft (unpublished changes)</option>
              <option value="live" disabled={!hasLiveVersion}>
                The live version{hasLiveVersion ? "" : " (not published yet)"}
              </option>
            </select>
          </div>
          <Button type="submit" disabled={run.isPending}>
            {run.isPending ? "Starting…" : "Run backtest"}
          </Button>
          {runError && !fieldErrors.from && !fieldErrors.to ? (
            <p role="alert" className="w-full text-sm text-red-600">
              {runError.message}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="text-sm text-slate-600">Viewers can read backtests; editors can run them.</p>
      )}

      {backtests.length === 0 ? (
        <p className="text-sm text-slate-600">
          No backtests yet. Pick a window (the last two weeks by default) and run one.
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
          aria-label="Backtests"
        >
          {backtests.map((b) => (
            <BacktestRow
              key={b.id}
              backtest={b}
              selected={shown.includes(b.id)}
              showProgress={b.id === startedHere}
              onToggle={() => toggle(b.id)}
              onCancel={canEdit ? () => cancel.mutate(b.id) : undefined}
            />
          ))}
        </ul>
      )}
      {finished.length > 1 ? (
        <p className="text-xs text-slate-500">
          Tick two finished backtests to compare them side by side.
        </p>
      ) : null}
      <BacktestResults backtests={compared} nodes={nodes} />
      {compared[0]?.samplePaths?.length ? (
        <SamplePaths paths={compared[0].samplePaths} nodes={nodes} />
      ) : null}
    </section>
  );
}

function BacktestRow({
  backtest: b,
  selected,
  onToggle,
  onCancel,
  showProgress,
}: {
  backtest: BacktestJson;
  selected: boolean;
  showProgress: boolean;
  onToggle: () => void;
  onCancel?: () => void;
}) {
  const active = b.status === "queued" || b.status === "running";
  const percent = Math.round(b.progress * 100);
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={selected}
          disabled={b.status !== "done"}
          onChange={onToggle}
          aria-label={`Compare ${sourceLabel(b)}, ${windowLabel(b)}`}
        />
        <span className="font-medium">{sourceLabel(b)}</span>
      </label>
      <span className="text-slate-600">{windowLabel(b)}</span>
      <span className="text-slate-600">{STATUS_LABEL[b.status]}</span>
      {active || showProgress ? (
        <div className="flex min-w-48 flex-1 items-center gap-2">
          <div
            role="progressbar"
            aria-label="Backtest progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <span className="w-10 text-right text-xs tabular-nums">{percent}%</span>
          {onCancel && active ? (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      ) : null}
      {b.status === "done" && b.counts ? (
        <span className="ml-auto text-slate-600 tabular-nums">
          {b.counts.entered.toLocaleString("en-US")} would enter
        </span>
      ) : null}
      {b.status === "failed" ? <span className="w-full text-red-700">{b.error}</span> : null}
    </li>
  );
}
