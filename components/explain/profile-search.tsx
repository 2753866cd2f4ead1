"use client";

import { useId, useState } from "react";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import { profileLabel } from "@/components/message-editor/profile-picker";
import { useProfileOptionsQuery } from "@/components/message-editor/use-profile-options-query";

/** Search the workspace's users and pick one (by id, user id, email or trait). */
export function ProfileSearch({
  workspaceId,
  label = "User",
  onPick,
}: {
  workspaceId: string;
  label?: string;
  /** The picked profile's id, and how the page should name it (never the id). */
  onPick: (profileId: string, label: string) => void;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const search = useDebouncedValue(q, 300);
  const options = useProfileOptionsQuery(workspaceId, search);
  const list = options.data ?? [];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder="Search by user id, email or trait"
        className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500"
      />
      {search ? (
        <ul
          aria-label="Matching users"
          className="max-h-56 overflow-auto rounded-md border border-slate-200 bg-white text-sm"
        >
          {list.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">
              {options.isFetching ? "Searching…" : "No user matches. Try a user id or email."}
            </li>
          ) : (
            list.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(p.id, profileLabel(p));
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
    </div>
  );
}
