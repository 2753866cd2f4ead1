"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import { LocalTime, TimesInText } from "@/components/data/local-time";
import { DecisionBadge } from "@/components/explain/path-timeline";
import type { DemoRun } from "@/lib/demo/demo-activity";
import { fastForwardDemoAction, loadDemoActivityAction } from "../actions";

// "What Cue did": the demo user's latest journey runs, refreshed every two
// seconds, so a tracked event, a fast-forward or a timer firing shows here
// within moments. A waiting run offers "Skip the wait" (demo-only).

const REFRESH_MS = 2_000;

const STATUS_TEXT: Record<string, string> = {
  active: "Entering",
  waiting: "Waiting",
  completed: "Completed",
  converted: "Converted",
  exited: "Left the journey",
};

/** How long after a tracked event "What Cue did" says that no journey entered. */
const ENTRY_GRACE_MS = 8_000;

export function DemoActivityPanel({
  userId,
  name,
  tracked,
}: {
  userId: string;
  name: string;
  /** The last event the page tracked for this user, to say whether it entered a journey. */
  tracked: { event: string; at: number } | null;
}) {
  const [runs, setRuns] = useState<DemoRun[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [waited, setWaited] = useState(false);
  const [skipping, startSkipping] = useTransition();

  const refresh = useCallback(async () => {
    setRuns(await loadDemoActivityAction(userId));
  }, [userId]);

  useEffect(() => {
    setRuns(null);
    setNote(null);
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    setWaited(false);
    setNote(null);
    if (!tracked) return;
    const timer = setTimeout(() => setWaited(true), ENTRY_GRACE_MS);
    return () => clearTimeout(timer);
  }, [tracked]);
  const entered = tracked
    ? runs?.filter((run) => Date.parse(run.enteredAt) >= tracked.at - 5_000)
    : undefined;
  const entryNote = !tracked
    ? null
    : entered && entered.length > 0
      ? `“${tracked.event}” entered ${entered.map((r) => `“${r.journey}”`).join(", ")}.`
      : waited
        ? `“${tracked.event}” entered no journey for ${name}: a first-time-only trigger they had already met, a run of that journey still in progress, or no journey listening. The user's profile (Users → Journeys) has every decision.`
        : `Tracked “${tracked.event}”; waiting for the engine…`;

  const skip = (run: DemoRun) =>
    startSkipping(async () => {
      setWaited(false);
      const result = await fastForwardDemoAction({ userId, journeyId: run.journeyId });
      setNote(
        !result.ok
          ? result.message
          : result.moved === 0
            ? "Nothing to skip: the next step is already due."
            : `Skipped the wait in “${run.journey}”: the next step runs within a few seconds.`,
      );
      await refresh();
    });

  return (
    <section
      aria-labelledby="demo-activity-title"
      className="rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id="demo-activity-title" className="font-semibold">
        What Cue did for {name}
      </h2>
      <p className="mt-1 text-xs text-slate-500">
        The latest journey runs of this user, with the engine’s last decisions.
      </p>
      {runs === null ? (
        <p className="mt-3 text-sm text-slate-500">Loading…</p>
      ) : runs.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No journey runs yet: trigger one below.</p>
      ) : (
        <ul className="mt-3 space-y-3" aria-label="Journey runs">
          {runs.map((run) => (
            <li key={run.runId} className="rounded-lg border border-slate-200 p-3 text-sm">
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">{run.journey}</span>
                <span className="text-xs text-slate-600">
                  {STATUS_TEXT[run.status] ?? run.status}
                  {run.holdout ? " · holdout (gets no messages)" : ""}
                </span>
              </div>
              <div className="text-xs text-slate-500">
                Entered <LocalTime iso={run.enteredAt} style="relative" />
              </div>
              <ol className="mt-2 space-y-1">
                {run.decisions.map((d, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed slice of the trace
                  <li key={index} className="flex gap-2 text-xs">
                    <DecisionBadge decision={d.decision} />
                    <span className="text-slate-700">
                      <TimesInText text={d.reason} />
                    </span>
                  </li>
                ))}
              </ol>
              {run.messages.length > 0 && (
                <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                  {run.messages.map((m, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: messages in send order
                    <li key={index}>
                      {m.channel === "email" ? "Email" : "In-app"}: {m.subject ?? "(no title)"} (
                      {m.status})
                    </li>
                  ))}
                </ul>
              )}
              {run.wakeAt && (
                <div className="mt-2 flex items-center justify-between gap-2">
                  <span className="text-xs text-slate-600">
                    Next step <LocalTime iso={run.wakeAt} style="relative" />
                  </span>
                  <button
                    type="button"
                    disabled={skipping}
                    onClick={() => skip(run)}
                    className="rounded-md border border-indigo-300 px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50"
                  >
                    Skip the wait
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-2 min-h-4 text-xs text-slate-600">
        {skipping ? "Skipping…" : (note ?? entryNote)}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        “Skip the wait” is a demo-only action: the run’s timer comes due now, the step runs now, and
        its trace says it was fast-forwarded.
      </p>
    </section>
  );
}
