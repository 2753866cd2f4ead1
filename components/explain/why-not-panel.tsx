"use client";

import Link from "next/link";
import { type FormEvent, useEffect, useId, useState } from "react";
import { LocalTime, TimesInText } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import type { WhyNotJson } from "@/lib/explain/explain-types";
import { GateList, gateLabel, gateTimeZone, stepLabels } from "./gate-list";
import { PathTimeline } from "./path-timeline";
import { ProfileSearch } from "./profile-search";
import { useJourneyOptionsQuery } from "./use-journey-options-query";
import { useWhyNotQuery, type WhyNotParams } from "./use-why-not-query";

// "Why not?": pick a journey and a user (either may be fixed by the page) and
// optionally a past time; Cue lists every gate in order with the first that
// blocks highlighted, and the path the user took or would take.

export interface WhyNotSelection {
  journeyId: string;
  profileId: string;
  at: string | null;
}

/** "2026-05-01T09:30" in the browser's time zone, for a datetime-local input. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function WhyNotPanel({
  workspaceId,
  journeyId: fixedJourney,
  profileId: fixedProfile,
  initial,
  nodeId = null,
  onAsk,
}: {
  workspaceId: string;
  journeyId?: string;
  profileId?: string;
  initial?: Partial<WhyNotSelection>;
  nodeId?: string | null;
  /** Called with each question asked (the page keeps it in the URL). */
  onAsk?: (selection: WhyNotSelection) => void;
}) {
  const id = useId();
  const journeys = useJourneyOptionsQuery(workspaceId, !fixedJourney);
  const [journeyId, setJourneyId] = useState(fixedJourney ?? initial?.journeyId ?? "");
  const [profileId, setProfileId] = useState(fixedProfile ?? initial?.profileId ?? "");
  const [pickedLabel, setPickedLabel] = useState<string | null>(null);
  const [at, setAt] = useState("");
  const [asked, setAsked] = useState<WhyNotParams | null>(() => {
    const j = fixedJourney ?? initial?.journeyId;
    const p = fixedProfile ?? initial?.profileId;
    return j && p
      ? { workspaceId, journeyId: j, profileId: p, at: initial?.at ?? null, nodeId }
      : null;
  });
  // The time input shows the browser's zone, known only after hydration.
  useEffect(() => {
    if (initial?.at) setAt(toLocalInput(initial.at));
  }, [initial?.at]);
  const query = useWhyNotQuery(asked);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!journeyId || !profileId) return;
    const iso = at ? new Date(at).toISOString() : null;
    setAsked({ workspaceId, journeyId, profileId, at: iso, nodeId });
    onAsk?.({ journeyId, profileId, at: iso });
  };

  return (
    <div className="space-y-4">
      <form
        onSubmit={ask}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {fixedJourney ? null : (
          <div className="space-y-1">
            <label htmlFor={`${id}-journey`} className="block text-sm font-medium text-slate-700">
              Journey
            </label>
            <select
              id={`${id}-journey`}
              value={journeyId}
              onChange={(event) => setJourneyId(event.target.value)}
              className="block h-9 min-w-56 rounded-md border border-slate-300 bg-white px-2 text-sm"
            >
              <option value="">
                {journeys.isPending ? "Loading journeys…" : "Choose a journey"}
              </option>
              {(journeys.data ?? []).map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.status})
                </option>
              ))}
            </select>
          </div>
        )}
        {fixedProfile ? null : profileId ? (
          <div className="space-y-1 text-sm">
            <span className="block font-medium text-slate-700">User</span>
            <span className="inline-flex h-9 items-center gap-2">
              <span className="text-sm text-slate-900">
                {asked?.profileId === profileId && query.data
                  ? readableProfile(query.data.profile)
                  : (pickedLabel ?? "the chosen user")}
              </span>
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => setProfileId("")}
              >
                Change
              </Button>
            </span>
          </div>
        ) : (
          <div className="min-w-64">
            <ProfileSearch
              workspaceId={workspaceId}
              onPick={(picked, label) => {
                setProfileId(picked);
                setPickedLabel(label);
              }}
            />
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor={`${id}-at`} className="block text-sm font-medium text-slate-700">
            At (optional)
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
            aria-describedby={`${id}-at-help`}
            className="block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          />
          <p id={`${id}-at-help`} className="text-xs text-slate-500">
            Empty: now, in your time zone.
          </p>
        </div>
        <Button type="submit" disabled={!journeyId || !profileId}>
          Why not?
        </Button>
      </form>

      {!asked ? null : query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Checking every gate…
        </p>
      ) : query.error ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          {query.error.message}
        </p>
      ) : (
        <WhyNotResult workspaceId={workspaceId} answer={query.data} />
      )}
    </div>
  );
}

/** A user as the page names them: name, email or user id, never the profile's id. */
function readableProfile(profile: WhyNotJson["profile"]): string {
  const who = profile.name ?? profile.email ?? profile.userId ?? "an anonymous user";
  const id = profile.email ?? profile.userId;
  return id && id !== who ? `${who} (${id})` : who;
}

function WhyNotResult({ workspaceId, answer }: { workspaceId: string; answer: WhyNotJson }) {
  const blocked = answer.gates.find((g) => !g.passed);
  const previewHref = `/w/${workspaceId}/journeys/${answer.journey.id}/preview?${new URLSearchParams(
    {
      profile: answer.profile.id,
    },
  )}`;
  return (
    <div className="space-y-4">
      <div
        role="status"
        data-testid="why-not-verdict"
        className={`rounded-md border px-3 py-2 text-sm ${
          blocked
            ? "border-red-200 bg-red-50 text-red-900"
            : "border-emerald-200 bg-emerald-50 text-emerald-900"
        }`}
      >
        {blocked ? (
          <>
            <strong>Blocked by {gateLabel(blocked.gate)}</strong>
            {blocked.nodeId && stepLabels(answer).has(blocked.nodeId)
              ? ` at “${stepLabels(answer).get(blocked.nodeId)}”`
              : ""}
            :{" "}
            <TimesInText
              text={blocked.detail}
              timeZone={gateTimeZone(blocked, answer)}
              event={blocked.event}
            />
          </>
        ) : (
          <>Nothing blocks: the path is below.</>
        )}{" "}
        <span className="text-xs opacity-80">
          ({answer.journey.name},{" "}
          {answer.journey.version ? `version ${answer.journey.version}` : "draft"}, as of{" "}
          <LocalTime iso={answer.at} />)
        </span>
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section aria-label="Gates" className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Gates, in order</h3>
          <GateList whyNot={answer} />
        </section>
        <section aria-label="Path" className="space-y-2">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-semibold text-slate-900">Path</h3>
            <Link href={previewHref} className="text-sm text-brand-700 hover:underline">
              Preview as this user
            </Link>
          </div>
          {answer.path ? (
            <PathTimeline run={answer.path} />
          ) : (
            <p className="text-sm text-slate-600">No path: they would not enter the journey.</p>
          )}
        </section>
      </div>
    </div>
  );
}
