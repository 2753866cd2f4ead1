"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CopyButton } from "@/components/data/copy-button";
import { LocalTime, TimesInText, useHydrated } from "@/components/data/local-time";
import { OutcomeBox, PathTimeline } from "@/components/explain/path-timeline";
import { ProfileSearch } from "@/components/explain/profile-search";
import { ReadOnlyJourneyCanvas } from "@/components/journey-builder/read-only-canvas";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { PreviewJson } from "@/lib/explain/explain-types";
import { ApiClientError } from "@/lib/query/fetch-json";
import { usePreviewQuery } from "./use-preview-query";

type Source = "live" | "draft";

export function PreviewView({
  workspaceId,
  journeyId,
  hasLive,
  definitions,
}: {
  workspaceId: string;
  journeyId: string;
  hasLive: boolean;
  /** What the canvas draws for each source. */
  definitions: { draft: unknown; live: unknown };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const hydrated = useHydrated();
  const profile = search.get("profile");
  const source: Source = search.get("source") === "draft" || !hasLive ? "draft" : "live";
  const mode = search.get("mode") === "now" ? "now" : "history";
  const asOf = search.get("asOf");
  const query = usePreviewQuery({ workspaceId, journeyId, profile, source, mode, asOf });

  // The URL is the state, so "Copy link" shares exactly this view.
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  };
  const link = hydrated ? `${window.location.origin}${pathname}?${search.toString()}` : "";
  const whyNotHref = `/w/${workspaceId}/journeys/${journeyId}/why-not?${new URLSearchParams(
    profile ? { profile } : {},
  )}`;

  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[minmax(0,1fr)_auto]">
        <div className="min-w-0 space-y-2">
          {profile ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-600">Previewing as</span>
              <span className="font-medium text-slate-900" data-testid="preview-profile">
                {query.data ? profileName(query.data) : "Loading…"}
              </span>
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => update({ profile: null, mode: null })}
              >
                Change user
              </Button>
            </div>
          ) : (
            <ProfileSearch
              workspaceId={workspaceId}
              label="Preview as user"
              onPick={(id) => update({ profile: id, mode: null })}
            />
          )}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <fieldset className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
            <legend className="sr-only">Journey version to preview</legend>
            {(["live", "draft"] as const).map((value) => (
              <label
                key={value}
                className={`cursor-pointer rounded px-3 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${
                  source === value ? "bg-brand-600 text-white" : "text-slate-700"
                } ${value === "live" && !hasLive ? "cursor-not-allowed opacity-50" : ""}`}
              >
                <input
                  type="radio"
                  name="source"
                  value={value}
                  checked={source === value}
                  disabled={value === "live" && !hasLive}
                  onChange={() => update({ source: value })}
                  className="sr-only"
                />
                {value === "live" ? "Live version" : "Draft"}
              </label>
            ))}
          </fieldset>
          <AsOfField asOf={asOf} onChange={(value) => update({ asOf: value })} />
          <CopyButton text={link} label="Copy link" />
        </div>
      </div>

      <ReadOnlyJourneyCanvas
        definition={source === "live" ? definitions.live : definitions.draft}
        highlightedNodeIds={query.data?.runs[0]?.steps.flatMap((s) => (s.nodeId ? [s.nodeId] : []))}
        className="h-80 rounded-lg border border-slate-200 bg-white"
      />

      {!profile ? (
        <EmptyState title="Choose a user to preview">
          Search for a user above. Cue replays their last 30 days of events through this journey
          with the engine itself, and shows every step, the reason at each branch, and every message
          they would get, rendered with their data. Nothing is sent.
        </EmptyState>
      ) : query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Walking the journey for this user…
        </p>
      ) : query.error ? (
        <QueryError error={query.error} />
      ) : (
        <PreviewResult
          preview={query.data}
          whyNotHref={whyNotHref}
          onTryNow={() => update({ mode: "now" })}
          onHistory={() => update({ mode: null })}
        />
      )}
    </div>
  );
}

/**
 * "What if now were T?": a local date and time (the viewer's zone, labelled);
 * the URL keeps the instant as ISO 8601, the API's `asOf`.
 */
function AsOfField({
  asOf,
  onChange,
}: {
  asOf: string | null;
  onChange: (value: string | null) => void;
}) {
  const hydrated = useHydrated();
  const zone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  const value = asOf && hydrated ? toLocalInput(asOf) : "";
  return (
    <div className="flex items-end gap-1 text-sm">
      <label className="flex flex-col text-xs text-slate-600">
        <span>What if now were… ({zone})</span>
        <input
          type="datetime-local"
          value={value}
          onChange={(event) => {
            const picked = event.target.value;
            const at = picked ? new Date(picked) : null;
            onChange(at && !Number.isNaN(at.getTime()) ? at.toISOString() : null);
          }}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
        />
      </label>
      {asOf ? (
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange(null)}>
          Back to now
        </Button>
      ) : null}
    </div>
  );
}

/** An instant as a datetime-local value in the viewer's zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function profileName(preview: PreviewJson): string {
  const p = preview.profile;
  const who = p.name ?? p.email ?? p.userId ?? "an anonymous user";
  const id = p.userId ?? p.email;
  return id && id !== who ? `${who} (${id})` : who;
}

function QueryError({ error }: { error: Error }) {
  const issues =
    error instanceof ApiClientError
      ? ((error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ??
        [])
      : [];
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      <p>{error.message}</p>
      {issues.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {issues.map((issue) => (
            <li key={`${issue.field}-${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PreviewResult({
  preview,
  whyNotHref,
  onTryNow,
  onHistory,
}: {
  preview: PreviewJson;
  whyNotHref: string;
  onTryNow: () => void;
  onHistory: () => void;
}) {
  const version =
    preview.journey.version === null ? "the draft" : `version ${preview.journey.version}`;
  const refusals = preview.entries.filter((e) => !e.entered);
  return (
    <div className="space-y-5">
      {preview.asOf ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900">
          As if now were <LocalTime iso={preview.asOf} withRelative />: the engine’s clock is set
          there, and only what was stored before it is replayed.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <p>
          {preview.mode === "history" ? (
            <>
              Replayed {preview.window.events} stored event{preview.window.events === 1 ? "" : "s"}{" "}
              from <LocalTime iso={preview.window.from} /> to <LocalTime iso={preview.window.to} />{" "}
              through {version}
              {preview.window.truncated ? " (only the latest events; older ones left out)" : ""}.
            </>
          ) : (
            <>
              What if they triggered it now, through {version}:{" "}
              <TimesInText text={preview.assumption ?? ""} />. No later events are assumed.
            </>
          )}
        </p>
        <div className="flex gap-2">
          {preview.mode === "now" ? (
            <Button variant="secondary" onClick={onHistory}>
              Back to their history
            </Button>
          ) : preview.canTryNow ? (
            <Button onClick={onTryNow}>What if they triggered it now?</Button>
          ) : null}
          <Link
            href={whyNotHref}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Why not?
          </Link>
        </div>
      </div>
      {preview.runs.length === 0 ? <OutcomeBox outcome={preview.outcome} /> : null}
      {preview.totalRuns > preview.runs.length ? (
        <p className="text-sm text-slate-600">
          Showing the latest {preview.runs.length} of {preview.totalRuns} runs.
        </p>
      ) : null}
      {preview.runs.map((run, i) => (
        <PathTimeline
          key={run.enteredAt}
          run={run}
          title={preview.runs.length > 1 ? `Run ${i + 1}` : undefined}
        />
      ))}
      {refusals.length > 0 && preview.runs.length > 0 ? (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">
            Triggers that did not enter ({refusals.length})
          </summary>
          <ul className="mt-2 space-y-1">
            {refusals.map((e) => (
              <li key={e.at}>
                <LocalTime iso={e.at} style="short" className="font-mono text-xs text-slate-500" />{" "}
                <TimesInText text={e.reason} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
