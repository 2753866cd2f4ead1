"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import type { TopicView } from "@/lib/topics/topic-view";
import { TopicTraitControl } from "./topic-trait-control";

/** Settings → Subscription topics: what send steps and templates choose, and what the preference page lists. */
export function TopicsPanel({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const url = `/api/w/${workspaceId}/topics`;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [url],
    queryFn: () => fetchJson<{ topics: TopicView[] }>(url),
  });
  const [form, setForm] = useState({ key: "", name: "", description: "", unsubscribable: true });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [url] });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ topic: TopicView }>(url, { method: "POST", body: JSON.stringify(form) }),
    onSuccess: () => {
      setForm({ key: "", name: "", description: "", unsubscribable: true });
      return refresh();
    },
  });
  const update = useMutation({
    mutationFn: (input: { key: string; unsubscribable: boolean }) =>
      fetchJson(`${url}/${input.key}`, {
        method: "PATCH",
        body: JSON.stringify({ unsubscribable: input.unsubscribable }),
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (key: string) => fetchJson(`${url}/${key}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const issues =
    create.error instanceof ApiClientError
      ? Object.entries(create.error.fieldErrors).map(([field, message]) => `${field}: ${message}`)
      : [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const topics = query.data?.topics ?? [];
  return (
    <section
      aria-labelledby="topics-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="topics-heading" className="text-lg font-semibold">
        Subscription topics
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Each send step and template can name a topic. Recipients choose per topic and channel on the
        preference page linked from every marketing email, in the inbox widget, or through the API;
        a send to an opted-out topic is skipped. Topics that are not unsubscribable (receipts,
        security) ignore opt-outs. A topic can also follow an identify trait you already keep (for
        example <code className="font-mono">unsubscribed_from_tips: true</code>): each identify that
        carries it sets the preference, with its time, like any other change.
      </p>
      {topics.length > 0 ? (
        <table className="mt-4 w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Key</th>
              <th className="py-1 font-medium">Unsubscribable</th>
              <th className="py-1 font-medium">Set by trait</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.key} className="border-t border-slate-100">
                <td className="py-2">
                  {topic.name}
                  {topic.description ? (
                    <span className="block text-xs text-slate-500">{topic.description}</span>
                  ) : null}
                </td>
                <td className="py-2 font-mono text-xs">{topic.key}</td>
                <td className="py-2">
                  <input
                    type="checkbox"
                    aria-label={`${topic.name} can be unsubscribed from`}
                    checked={topic.unsubscribable}
                    disabled={!canEdit || update.isPending}
                    onChange={(e) =>
                      update.mutate({ key: topic.key, unsubscribable: e.target.checked })
                    }
                  />
                </td>
                <td className="py-2">
                  <TopicTraitControl url={url} topic={topic} canEdit={canEdit} onSaved={refresh} />
                </td>
                <td className="py-2 text-right">
                  {canEdit ? (
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => remove.mutate(topic.key)}
                      disabled={remove.isPending}
                      aria-label={`Delete topic ${topic.name}`}
                    >
                      Delete
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-4 text-sm text-slate-500">
          No topics yet: messages go out under the global unsubscribe only.
        </p>
      )}
      {canEdit ? (
        <form onSubmit={onSubmit} className="mt-4 grid max-w-xl grid-cols-2 gap-3">
          <label className="text-sm">
            Name
            <input
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="text-sm">
            Key
            <input
              value={form.key}
              placeholder="product-tips"
              onChange={(e) => setForm({ ...form, key: e.target.value })}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono"
            />
          </label>
          <label className="col-span-2 text-sm">
            Description
            <input
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.unsubscribable}
              onChange={(e) => setForm({ ...form, unsubscribable: e.target.checked })}
            />
            Recipients can unsubscribe from it (uncheck for transactional topics)
          </label>
          {issues.length > 0 || create.error ? (
            <ul role="alert" className="col-span-2 text-sm text-red-600">
              {issues.length > 0 ? (
                issues.map((issue) => <li key={issue}>{issue}</li>)
              ) : (
                <li>{create.error?.message}</li>
              )}
            </ul>
          ) : null}
          <div>
            <Button type="submit" disabled={create.isPending}>
              Add topic
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
