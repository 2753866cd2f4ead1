"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import type { DemoUser } from "@/lib/inbox/demo-inbox";
import { searchDemoUsersAction } from "../actions";

// "Signed in as": the demo workspace's users, searched by name, email or
// userId on the server (the picker shows the first 20 matches).

export function DemoUserPicker(props: {
  user: DemoUser;
  initialUsers: DemoUser[];
  totalUsers: number;
  path: string;
}) {
  const { user, initialUsers, totalUsers, path } = props;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<DemoUser[]>(initialUsers);
  const settled = useDebouncedValue(query, 200);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    let current = true;
    if (settled.trim() === "") {
      setResults(initialUsers);
      return;
    }
    searchDemoUsersAction(settled).then((users) => {
      if (current) setResults(users);
    });
    return () => {
      current = false;
    };
  }, [settled, initialUsers]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const pick = (picked: DemoUser) => {
    setOpen(false);
    setQuery("");
    router.push(`${path}?user=${encodeURIComponent(picked.userId)}`);
  };

  return (
    <div ref={box} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <span className="text-slate-500">Signed in as</span>
        <span className="font-medium">{user.name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={listId}
          className="absolute right-0 z-20 mt-1 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <input
            type="search"
            // biome-ignore lint/a11y/noAutofocus: the popover opens to search
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setOpen(false);
              if (event.key === "Enter" && results[0]) pick(results[0]);
            }}
            placeholder="Search by name, email or user id"
            aria-label="Search demo users"
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <p className="mt-1 px-1 text-xs text-slate-500">
            {query.trim() === ""
              ? `${totalUsers} demo users; showing the first ${results.length}.`
              : `${results.length === 0 ? "No" : results.length} demo user${results.length === 1 ? "" : "s"} match.`}
          </p>
          <ul className="mt-1 max-h-72 overflow-y-auto" aria-label="Demo users">
            {results.map((u) => (
              <li key={u.userId}>
                <button
                  type="button"
                  onClick={() => pick(u)}
                  aria-current={u.userId === user.userId ? "true" : undefined}
                  className="w-full rounded px-2 py-1 text-left text-sm hover:bg-indigo-50 aria-[current=true]:bg-indigo-50"
                >
                  <span className="block font-medium">{u.name}</span>
                  <span className="block text-xs text-slate-500">
                    {u.email ?? "no email"} · {u.userId}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
