"use client";

import { useId, useState } from "react";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import type { ProfileListItem } from "@/lib/profiles/search-profiles";
import { useProfileOptionsQuery } from "./use-profile-options-query";

export type PickedProfile = Pick<ProfileListItem, "id" | "userId" | "email" | "name">;

export function profileLabel(p: PickedProfile): string {
  const who = p.name ?? p.email ?? p.userId ?? p.id;
  const id = p.userId ?? p.email;
  return id && id !== who ? `${who} (${id})` : who;
}

/** Search profiles by id, user id, email or trait and pick one; null = sample data. */
export function ProfilePicker({
  workspaceId,
  value,
  onChange,
  error,
}: {
  workspaceId: string;
  value: PickedProfile | null;
  onChange: (profile: PickedProfile | null) => void;
  error?: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const search = useDebouncedValue(q, 300);
  const options = useProfileOptionsQuery(workspaceId, search);
  const list = options.data ?? [];
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">
        Preview as profile
      </label>
      {value ? (
        <div className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          <span className="min-w-0 flex-1 truncate" data-testid="picked-profile">
            {profileLabel(value)}
          </span>
          <button
            type="button"
            onClick={() => onChange(null)}
            className="rounded px-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            Use sample data
          </button>
        </div>
      ) : (
        <>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder="Search by id, user id or email"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
            className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 aria-invalid:border-red-500"
          />
          <p id={`${id}-help`} className="text-xs text-slate-500">
            No profile chosen: the preview uses sample data (Sam Sample, plan “pro”).
          </p>
          {search ? (
            <ul
              aria-label="Matching profiles"
              className="max-h-48 overflow-auto rounded-md border border-slate-200 bg-white text-sm"
            >
              {list.length === 0 ? (
                <li className="px-3 py-2 text-slate-500">
                  {options.isFetching
                    ? "Searching…"
                    : "No profile matches. Try a user id or email."}
                </li>
              ) : (
                list.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      onClick={() => {
                        onChange({ id: p.id, userId: p.userId, email: p.email, name: p.name });
                        setQ("");
                      }}
                      className="block w-full truncate px-3 py-1.5 text-left hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                    >
                      {profileLabel(p)}
                    </button>
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
