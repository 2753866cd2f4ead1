"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SEGMENTS_QUERY_KEY } from "@/components/segments/use-segments-query";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";
import type { MembershipExplanation } from "@/lib/segments/explain-membership";
import type { SegmentMember, SizePoint } from "@/lib/segments/list-segments";
import type { SegmentView } from "@/lib/segments/segment-view";

const INPUT = "rounded-md border border-slate-300 px-2 py-1 text-sm";

/** One segment: size over time, members (search, CSV), "why is / isn't this user in it", import. */
export function SegmentDetail({
  workspaceId,
  segment,
}: {
  workspaceId: string;
  segment: SegmentView;
}) {
  const base = `/api/w/${workspaceId}/segments/${segment.id}`;
  const [search, setSearch] = useState("");
  const history = useQuery({
    queryKey: ["segment-history", workspaceId, segment.id, segment.size],
    queryFn: ({ signal }) =>
      fetchJson<{ points: SizePoint[] }>(`${base}/history?days=30`, { signal }),
  });
  const members = useQuery({
    queryKey: ["segment-members", workspaceId, segment.id, search, segment.size],
    queryFn: ({ signal }) =>
      fetchJson<{ members: SegmentMember[] }>(
        `${base}/members?limit=50${search ? `&search=${encodeURIComponent(search)}` : ""}`,
        { signal },
      ),
  });
  const points = history.data?.points ?? [];
  const max = Math.max(1, ...points.map((p) => p.size));
  return (
    <section
      aria-label={`Segment ${segment.name}`}
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div>
        <h2 className="text-lg font-semibold">{segment.name}</h2>
        <p className="text-sm text-slate-600">
          {segment.size} {segment.size === 1 ? "member" : "members"} now
          {segment.status === "computing" ? " (computing…)" : ""}
        </p>
      </div>
      <div>
        <h3 className="text-sm font-semibold">Size over the last 30 days</h3>
        <div className="mt-2 flex h-16 items-end gap-0.5" role="img" aria-label="Size per day">
          {points.map((p) => (
            <div
              key={p.day}
              title={`${p.day}: ${p.size} (+${p.entries} / −${p.exits})`}
              className="w-2 bg-brand-500"
              style={{ height: `${(p.size / max) * 100}%` }}
            />
          ))}
        </div>
      </div>
      <div className="space-y-2">
        <div className="flex items-center gap-2">
          <h3 className="text-sm font-semibold">Members</h3>
          <input
            aria-label="Search members"
            placeholder="userId or email"
            className={INPUT}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <a className="text-sm text-brand-700 hover:underline" href={`${base}/members/export`}>
            Export CSV
          </a>
        </div>
        {members.data?.members.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody matches yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {members.data?.members.map((m) => (
              <li key={m.profileId} className="flex justify-between py-1">
                <a
                  className="text-brand-700 hover:underline"
                  href={`/w/${workspaceId}/users/${m.profileId}`}
                >
                  {m.userId ?? m.email ?? m.profileId}
                </a>
                <span className="text-slate-500">
                  since {new Date(m.enteredAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <WhyPanel base={base} />
      {segment.kind === "manual" ? <ImportPanel workspaceId={workspaceId} base={base} /> : null}
    </section>
  );
}

function WhyPanel({ base }: { base: string }) {
  const [profile, setProfile] = useState("");
  const why = useMutation({
    mutationFn: (ref: string) =>
      fetchJson<{ explanation: MembershipExplanation }>(
        `${base}/explain?profile=${encodeURIComponent(ref)}`,
      ).then((r) => r.explanation),
  });
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        why.mutate(profile);
      }}
    >
      <h3 className="text-sm font-semibold">Why is / isn&apos;t this user in it?</h3>
      <div className="flex gap-2">
        <input
          aria-label="Profile"
          placeholder="userId, email or profile id"
          className={INPUT}
          value={profile}
          onChange={(e) => setProfile(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={!profile || why.isPending}>
          Explain
        </Button>
      </div>
      {why.error ? <p className="text-sm text-red-600">{why.error.message}</p> : null}
      {why.data ? (
        <div className="text-sm">
          <p className="font-medium">
            {why.data.member ? "In the segment" : "Not in the segment"} — {why.data.detail}
          </p>
          <ul className="mt-1 space-y-0.5">
            {why.data.conditions.map((c) => (
              <li key={c.condition}>
                {c.passed ? "✓" : "✗"} {c.condition}: {JSON.stringify(c.actual)}
                {c.passed ? "" : ` (expected ${JSON.stringify(c.expected)})`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}

function ImportPanel({ workspaceId, base }: { workspaceId: string; base: string }) {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [replace, setReplace] = useState(false);
  const run = useMutation({
    mutationFn: () =>
      fetchJson<{ matched: number; unknown: string[]; entered: number; exited: number }>(
        `${base}/import`,
        {
          method: "POST",
          body: JSON.stringify({ csv, mode: replace ? "replace" : "add" }),
        },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [SEGMENTS_QUERY_KEY, workspaceId] }),
  });
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
    >
      <h3 className="text-sm font-semibold">Import members (CSV of userIds or emails)</h3>
      <textarea
        aria-label="CSV"
        className={`${INPUT} h-24 w-full font-mono`}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
      />
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        Replace: remove everyone not listed
      </label>
      <Button type="submit" variant="secondary" disabled={!csv || run.isPending}>
        Import
      </Button>
      {run.error ? <p className="text-sm text-red-600">{run.error.message}</p> : null}
      {run.data ? (
        <p className="text-sm">
          {run.data.entered} entered, {run.data.exited} left, {run.data.matched} matched
          {run.data.unknown.length > 0 ? `; unknown: ${run.data.unknown.join(", ")}` : ""}
        </p>
      ) : null}
    </form>
  );
}
