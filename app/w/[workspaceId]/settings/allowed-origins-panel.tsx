"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";

/** Settings → Inbox: the browser origins allowed to call the inbox API (CORS). */
export function AllowedOriginsPanel({
  workspaceId,
  canEdit,
}: {
  workspaceId: string;
  canEdit: boolean;
}) {
  const url = `/api/w/${workspaceId}/settings/allowed-origins`;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [url], queryFn: () => fetchJson<{ origins: string[] }>(url) });
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (origins: string[]) =>
      fetchJson<{ origins: string[] }>(url, { method: "PUT", body: JSON.stringify({ origins }) }),
    onSuccess: (data) => {
      queryClient.setQueryData([url], data);
      setDraft(null);
    },
  });
  const text = draft ?? (query.data?.origins ?? []).join("\n");
  const issues =
    save.error instanceof ApiClientError
      ? Object.entries(save.error.fieldErrors).map(([field, message]) => `${field}: ${message}`)
      : [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      text
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter(Boolean),
    );
  }

  return (
    <section
      aria-labelledby="origins-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="origins-heading" className="text-lg font-semibold">
        Inbox: allowed origins
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Web apps on these origins may call the inbox API and open its stream from the browser
        (CORS). One per line, like <code>https://app.example.com</code>.
      </p>
      <form onSubmit={onSubmit} className="mt-4 max-w-xl space-y-3">
        <label htmlFor="allowed-origins" className="sr-only">
          Allowed origins
        </label>
        <textarea
          id="allowed-origins"
          rows={4}
          value={text}
          onChange={(e) => setDraft(e.target.value)}
          disabled={!canEdit || query.isLoading}
          aria-invalid={issues.length > 0 || undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
        />
        {issues.length > 0 || (save.error && issues.length === 0) ? (
          <ul role="alert" className="text-sm text-red-600">
            {issues.length > 0 ? (
              issues.map((issue) => <li key={issue}>{issue}</li>)
            ) : (
              <li>{save.error?.message}</li>
            )}
          </ul>
        ) : null}
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={save.isPending}>
              Save origins
            </Button>
            {save.isSuccess && draft === null ? (
              <span role="status" className="text-sm text-green-700">
                Saved.
              </span>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
