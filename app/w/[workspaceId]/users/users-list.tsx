"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { LocalTime } from "@/components/data/local-time";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ProfileListItem, ProfileSearchPage } from "@/lib/profiles/search-profiles";
import { EMPTY_FILTERS, filtersToParams, isFiltered, type ProfileFilters } from "./profile-filters";
import { profilesQueryKey, useProfilesQuery } from "./use-profiles-query";

const SELECT =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500";

export function UsersList({
  workspaceId,
  initialFilters,
  initialPage,
}: {
  workspaceId: string;
  initialFilters: ProfileFilters;
  initialPage: ProfileSearchPage;
}) {
  const id = useId();
  const [form, setForm] = useState(initialFilters);
  const q = useDebouncedValue(form.q, 300);
  const filters: ProfileFilters = { ...form, q };
  const filtersKey = filtersToParams(filters).toString();
  // Keyset pages: the cursors that led to each page so far (null = first).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;

  // New filters start again at page 1, and the URL follows so it can be shared.
  useEffect(() => {
    setCursors([null]);
    const url = filtersKey ? `?${filtersKey}` : window.location.pathname;
    window.history.replaceState(window.history.state, "", url);
  }, [filtersKey]);

  const initialKey = filtersToParams(initialFilters).toString();
  const query = useProfilesQuery({
    workspaceId,
    filters,
    cursor,
    initialData: filtersKey === initialKey && cursor === null ? initialPage : undefined,
  });
  const page = query.data;
  // Later pages do not count; the first page (in the cache) did.
  const firstPage = useQueryClient().getQueryData<ProfileSearchPage>(
    profilesQueryKey(workspaceId, filters, null),
  );
  const total = page?.total != null ? page : firstPage;
  const set = <K extends keyof ProfileFilters>(key: K, value: ProfileFilters[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  return (
    <div className="space-y-4">
      <search className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1 space-y-1">
          <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">
            Search
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={form.q}
            onChange={(event) => set("q", event.target.value)}
            placeholder="user id, email, trait value… or plan:pro"
            aria-describedby={`${id}-q-help`}
            className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-seen`} className="block text-sm font-medium text-slate-700">
            Last seen
          </label>
          <select
            id={`${id}-seen`}
            className={SELECT}
            value={form.seenWithinDays}
            onChange={(event) =>
              set("seenWithinDays", event.target.value as ProfileFilters["seenWithinDays"])
            }
          >
            <option value="">Any time</option>
            <option value="1">Last 24 hours</option>
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-700">
            Email
          </label>
          <select
            id={`${id}-email`}
            className={SELECT}
            value={form.hasEmail}
            onChange={(event) => set("hasEmail", event.target.value as ProfileFilters["hasEmail"])}
          >
            <option value="">Any</option>
            <option value="true">Has email</option>
            <option value="false">No email</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-sub`} className="block text-sm font-medium text-slate-700">
            Subscription
          </label>
          <select
            id={`${id}-sub`}
            className={SELECT}
            value={form.subscription}
            onChange={(event) =>
              set("subscription", event.target.value as ProfileFilters["subscription"])
            }
          >
            <option value="">Any</option>
            <option value="subscribed">Subscribed</option>
            <option value="unsubscribed">Unsubscribed</option>
          </select>
        </div>
      </search>
      <p id={`${id}-q-help`} className="-mt-2 text-xs text-slate-600">
        Matches profile id, user id, anonymous id, email or any trait value.{" "}
        <code className="rounded bg-slate-100 px-1 font-mono">key:value</code> matches one trait
        exactly, e.g. <code className="rounded bg-slate-100 px-1 font-mono">plan:pro</code> or{" "}
        <code className="rounded bg-slate-100 px-1 font-mono">company.name:"Acme Inc"</code>.
      </p>

      <div className="flex items-center justify-between text-sm text-slate-600">
        <p aria-live="polite">
          {query.isFetching && query.isPlaceholderData
            ? "Searching…"
            : total?.total != null
              ? countText(total.total, total.totalCapped, isFiltered(filters))
              : ""}
        </p>
        {isFiltered(filters) ? (
          <Button variant="ghost" onClick={() => setForm(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </div>

      {query.error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          Could not load users: {query.error.message}{" "}
          <Button variant="secondary" onClick={() => query.refetch()}>
            Retry
          </Button>
        </div>
      ) : null}

      {page && page.profiles.length === 0 ? (
        isFiltered(filters) ? (
          <EmptyState
            title="No users match"
            action={
              <Button variant="secondary" onClick={() => setForm(EMPTY_FILTERS)}>
                Clear filters
              </Button>
            }
          >
            Try part of an id or email, or an exact trait such as{" "}
            <code className="font-mono">plan:pro</code>. Trait terms match the whole value.
          </EmptyState>
        ) : (
          <EmptyState
            title="No users yet"
            action={
              <Link
                href={`/w/${workspaceId}/settings/sources`}
                className="inline-flex rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
              >
                Get the write key and snippets
              </Link>
            }
          >
            A profile appears here as soon as your app sends an <code>identify</code> or{" "}
            <code>track</code> call for a user. Settings → Sources has copy-paste snippets for curl,
            Node and the browser.
          </EmptyState>
        )
      ) : page ? (
        <div
          className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${
            query.isPlaceholderData ? "opacity-60" : ""
          }`}
        >
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">Users, most recently seen first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="w-[24%] px-4 py-2.5">
                  User
                </th>
                <th scope="col" className="w-[14%] px-4 py-2.5">
                  User ID
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Traits
                </th>
                <th scope="col" className="w-28 px-4 py-2.5">
                  Last seen
                </th>
                <th scope="col" className="w-28 px-4 py-2.5">
                  First seen
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.profiles.map((profile) => (
                <ProfileRow key={profile.id} workspaceId={workspaceId} profile={profile} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {page && (cursors.length > 1 || page.nextCursor) ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <span className="mr-2 text-slate-500">Page {cursors.length}</span>
          <Button
            variant="secondary"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((stack) => stack.slice(0, -1))}
          >
            ← Previous
          </Button>
          <Button
            variant="secondary"
            disabled={!page.nextCursor || query.isPlaceholderData}
            onClick={() => {
              const next = page.nextCursor;
              if (next) setCursors((stack) => [...stack, next]);
            }}
          >
            Next →
          </Button>
        </nav>
      ) : null}
    </div>
  );
}

function ProfileRow({ workspaceId, profile }: { workspaceId: string; profile: ProfileListItem }) {
  const title = profile.name ?? profile.email ?? profile.userId ?? "Anonymous user";
  const subtitle = profile.name ? profile.email : null;
  return (
    <tr className="hover:bg-slate-50">
      <td className="px-4 py-2.5 align-top">
        <Link
          href={`/w/${workspaceId}/users/${profile.id}`}
          className="block truncate font-medium text-brand-700 hover:underline"
          title={title}
        >
          {title}
        </Link>
        {subtitle ? <p className="truncate text-xs text-slate-500">{subtitle}</p> : null}
        {profile.unsubscribed ? (
          <span className="mt-0.5 inline-block rounded bg-slate-100 px-1.5 text-[11px] text-slate-600">
            unsubscribed
          </span>
        ) : null}
      </td>
      <td className="px-4 py-2.5 align-top">
        <p
          className="truncate font-mono text-xs text-slate-800"
          title={profile.userId ?? undefined}
        >
          {profile.userId ?? <span className="text-slate-500">—</span>}
        </p>
        {!profile.userId && profile.anonymousId ? (
          <p className="truncate font-mono text-xs text-slate-500" title={profile.anonymousId}>
            anon {profile.anonymousId}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2.5 align-top">
        {profile.traits.shown.length > 0 ? (
          <ul className="flex flex-wrap gap-1">
            {profile.traits.shown.map(([key, value]) => (
              <li
                key={key}
                className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700"
                title={`${key}: ${value}`}
              >
                <span className="text-slate-600">{key}:</span> {value}
              </li>
            ))}
            {profile.traits.more > 0 ? (
              <li className="px-1 py-0.5 text-[11px] text-slate-500">+{profile.traits.more}</li>
            ) : null}
          </ul>
        ) : (
          <span className="text-xs text-slate-500">no traits</span>
        )}
      </td>
      <td className="px-4 py-2.5 align-top text-slate-700">
        <LocalTime iso={profile.lastSeenAt} style="relative" />
      </td>
      <td className="px-4 py-2.5 align-top text-slate-500">
        <LocalTime iso={profile.firstSeenAt} style="relative" />
      </td>
    </tr>
  );
}

function countText(total: number, capped: boolean, filtered: boolean): string {
  const n = `${total.toLocaleString("en-US")}${capped ? "+" : ""}`;
  const noun = total === 1 && !capped ? "user" : "users";
  if (!filtered) return `${n} ${noun}`;
  return `${n} ${noun} ${noun === "user" ? "matches" : "match"}`;
}
