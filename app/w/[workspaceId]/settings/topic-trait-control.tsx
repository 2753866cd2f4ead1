"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import { type TopicTrait, topicTraitSchema } from "@/lib/topics/topic-schemas";
import type { TopicView } from "@/lib/topics/topic-view";

/** Settings → Topics, one topic's "trait `X` controls this topic" mapping (lib/topics/topic-trait.ts). */
export function TopicTraitControl({
  url,
  topic,
  canEdit,
  onSaved,
}: {
  url: string;
  topic: TopicView;
  canEdit: boolean;
  onSaved: () => unknown;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<TopicTrait>(
    topic.trait ?? { key: "", whenTrue: "subscribed", channel: null },
  );
  const [fieldError, setFieldError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (trait: TopicTrait | null) =>
      fetchJson(`${url}/${topic.key}`, { method: "PATCH", body: JSON.stringify({ trait }) }),
    onSuccess: () => {
      setEditing(false);
      return onSaved();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = topicTraitSchema.safeParse(draft);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? "Check the trait.");
      return;
    }
    setFieldError(null);
    save.mutate(parsed.data);
  }

  const summary = topic.trait ? (
    <span>
      <code className="font-mono text-xs">{topic.trait.key}</code>: true means{" "}
      {topic.trait.whenTrue}
      {topic.trait.channel ? ` (${topic.trait.channel === "email" ? "email" : "in-app"})` : ""}
    </span>
  ) : (
    <span className="text-slate-500">None</span>
  );
  if (!editing) {
    return (
      <div className="flex items-center gap-2">
        {summary}
        {canEdit && topic.unsubscribable ? (
          <Button
            variant="ghost"
            aria-label={`Set the trait for ${topic.name}`}
            onClick={() => setEditing(true)}
          >
            {topic.trait ? "Edit" : "Map a trait"}
          </Button>
        ) : null}
      </div>
    );
  }
  const serverError =
    save.error instanceof ApiClientError
      ? (Object.values(save.error.fieldErrors)[0] ?? save.error.message)
      : save.error?.message;
  return (
    <form
      onSubmit={onSubmit}
      aria-label={`Trait for ${topic.name}`}
      className="flex flex-wrap items-end gap-2"
    >
      <label className="text-xs">
        Trait
        <input
          value={draft.key}
          placeholder="unsubscribed_from_tips"
          onChange={(e) => setDraft({ ...draft, key: e.target.value })}
          className="mt-1 block w-44 rounded-md border border-slate-300 px-2 py-1 font-mono"
        />
      </label>
      <label className="text-xs">
        true means
        <select
          value={draft.whenTrue}
          onChange={(e) =>
            setDraft({ ...draft, whenTrue: e.target.value as TopicTrait["whenTrue"] })
          }
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="subscribed">subscribed</option>
          <option value="unsubscribed">opted out</option>
        </select>
      </label>
      <label className="text-xs">
        Channel
        <select
          value={draft.channel ?? ""}
          onChange={(e) =>
            setDraft({ ...draft, channel: (e.target.value || null) as TopicTrait["channel"] })
          }
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="">Every channel</option>
          <option value="email">Email</option>
          <option value="in_app">In-app</option>
        </select>
      </label>
      <Button type="submit" disabled={save.isPending}>
        Save
      </Button>
      {topic.trait ? (
        <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate(null)}>
          Remove
        </Button>
      ) : null}
      <Button variant="ghost" onClick={() => setEditing(false)}>
        Cancel
      </Button>
      {fieldError || serverError ? (
        <p role="alert" className="w-full text-xs text-red-600">
          {fieldError ?? serverError}
        </p>
      ) : null}
    </form>
  );
}
