"use client";

import Link from "next/link";
import { useCallback } from "react";
import { LoadMore } from "@/components/data/load-more";
import { LocalTime, TimesInText } from "@/components/data/local-time";
import { DecisionBadge } from "@/components/explain/path-timeline";
import { WhyNotPanel } from "@/components/explain/why-not-panel";
import { EmptyState } from "@/components/ui/empty-state";
import type { RunJson, TraceJson } from "@/lib/journeys/journey-schemas";
import { type ProfileRunsPage, useProfileRunsQuery } from "./use-profile-runs-query";

// The profile's Journeys tab: "Why not?" for any journey, then every run
// with its trace; each trace step links to the explainer at that moment.

/** Trace decisions at a message node: "why (not) this message" is a fair question there. */
const MESSAGE_DECISIONS = new Set([
  "sent",
  "skipped",
  "deferred",
  "failed",
  "holdout",
  "limit_reached",
]);

/**
 * The zone a decision's times read in when its timing depends on the
 * profile's (quiet hours, a delay until a time of day): the one the engine
 * judged in, which it records with the decision.
 */
function zoneOf(trace: TraceJson, fallback: string): string | undefined {
  const data = trace.data as { rule?: unknown; timeZone?: unknown } | null;
  const judged = typeof data?.timeZone === "string" ? data.timeZone : fallback;
  if (trace.decision === "deferred") return data?.rule === "quiet_hours" ? judged : undefined;
  if (trace.decision !== "waiting") return undefined;
  // Only a delay until a time of day records its zone (older traces: by their reason).
  if (typeof data?.timeZone === "string") return data.timeZone;
  return trace.reason.startsWith("Delay until the next ") ? fallback : undefined;
}

export function ProfileJourneys({
  workspaceId,
  profileId,
  timeZone,
  initialPage,
}: {
  workspaceId: string;
  profileId: string;
  /** The zone journeys use for this profile (UTC when unknown). */
  timeZone: string;
  initialPage: ProfileRunsPage;
}) {
  const query = useProfileRunsQuery({ workspaceId, profileId, initialPage });
  const runs = query.data.pages.flatMap((page) => page.runs);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="why-not-heading" className="space-y-3">
        <h2 id="why-not-heading" className="text-base font-semibold text-slate-900">
          Why not?
        </h2>
        <p className="text-sm text-slate-600">
          Pick a journey: Cue checks every gate for this user in the order the engine does and names
          the first one that blocks.
        </p>
        <WhyNotPanel workspaceId={workspaceId} profileId={profileId} />
      </section>
      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-base font-semibold text-slate-900">
          Journey runs
        </h2>
        {runs.length === 0 ? (
          <EmptyState title="This user has not entered a journey">
            Every journey this user enters shows here: the version, the step they are on, and why
            they moved, waited or left. Use “Why not?” above to see what kept them out.
          </EmptyState>
        ) : (
          <ol className="space-y-3" aria-label="Journey runs, newest first">
            {runs.map((run) => (
              <RunItem
                key={run.id}
                workspaceId={workspaceId}
                profileId={profileId}
                timeZone={timeZone}
                run={run}
              />
            ))}
          </ol>
        )}
        {runs.length > 0 ? (
          <LoadMore
            hasMore={Boolean(hasNextPage)}
            loading={isFetchingNextPage}
            onLoad={loadMore}
            label="Load older runs"
            endText={`${runs.length} ${runs.length === 1 ? "run" : "runs"}`}
          />
        ) : null}
      </section>
    </div>
  );
}

function whyNotHref(workspaceId: string, profileId: string, journeyId: string, trace?: TraceJson) {
  const params = new URLSearchParams({ profile: profileId });
  if (trace) {
    params.set("at", trace.at);
    if (trace.nodeId && MESSAGE_DECISIONS.has(trace.decision)) params.set("node", trace.nodeId);
  }
  return `/w/${workspaceId}/journeys/${journeyId}/why-not?${params}`;
}

function RunItem({
  workspaceId,
  profileId,
  timeZone,
  run,
}: {
  workspaceId: string;
  profileId: string;
  timeZone: string;
  run: RunJson;
}) {
  const trace = run.trace ?? [];
  // Later decisions at the same step (the send after a deferral) read in that zone too.
  const zoneAt = new Map<string | null, string>();
  const zones = trace.map((t) => {
    const zone = zoneOf(t, timeZone) ?? zoneAt.get(t.nodeId);
    if (zone) zoneAt.set(t.nodeId, zone);
    return zone;
  });
  const last = trace.at(-1);
  return (
    <li className="rounded-lg border border-slate-200 bg-white px-4 py-3" data-testid="profile-run">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-medium text-slate-900">{run.journey.name}</span>
        <span className="text-xs text-slate-500">
          {run.version ? `v${run.version}` : "version gone"}
        </span>
        <DecisionBadge decision={run.status} />
        {run.holdout ? <span className="text-xs text-violet-700">holdout</span> : null}
        <span className="text-xs text-slate-500">
          entered <LocalTime iso={run.enteredAt} style="short" />
        </span>
        <span className="ml-auto flex gap-3 text-sm">
          <Link
            href={`/w/${workspaceId}/journeys/${run.journey.id}/preview?${new URLSearchParams({ profile: profileId })}`}
            className="text-brand-700 hover:underline"
          >
            Preview
          </Link>
          <Link
            href={whyNotHref(workspaceId, profileId, run.journey.id, last)}
            className="text-brand-700 hover:underline"
          >
            Why?
          </Link>
        </span>
      </div>
      {trace.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-slate-700">
            Trace ({trace.length} steps)
          </summary>
          <ol className="mt-2 space-y-1.5 border-l border-slate-200 pl-4 text-sm">
            {trace.map((t, i) => {
              const zone = zones[i];
              const step = t.step ?? (t.nodeId ? "a step" : "the journey");
              return (
                <li key={t.id} className="flex flex-wrap items-baseline gap-x-2">
                  <LocalTime
                    iso={t.at}
                    style="short"
                    timeZone={zone}
                    className="font-mono text-xs text-slate-500"
                  />
                  <span className="text-xs font-medium text-slate-700">{step}</span>
                  <DecisionBadge decision={t.decision} />
                  <span className="text-slate-600">
                    <TimesInText text={t.reason} timeZone={zone} />
                  </span>
                  <Link
                    href={whyNotHref(workspaceId, profileId, run.journey.id, t)}
                    className="text-xs text-brand-700 hover:underline"
                    aria-label={`Explain ${t.decision.replace("_", " ")} at ${step}`}
                  >
                    explain
                  </Link>
                </li>
              );
            })}
          </ol>
        </details>
      ) : null}
    </li>
  );
}
