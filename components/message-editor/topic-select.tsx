"use client";

import { useQuery } from "@tanstack/react-query";
import type { MessageContent } from "@/lib/channels/message-content";
import { fetchJson } from "@/lib/query/fetch-json";
import type { TopicView } from "@/lib/topics/topic-view";

/** The message's subscription topic (Settings → Subscription topics); none = the global unsubscribe only. */
export function TopicSelect({
  id,
  workspaceId,
  value,
  onChange,
  readOnly,
}: {
  id: string;
  workspaceId: string;
  value: MessageContent;
  onChange: (value: MessageContent) => void;
  readOnly?: boolean;
}) {
  const url = `/api/w/${workspaceId}/topics`;
  const topics = useQuery({
    queryKey: [url],
    queryFn: () => fetchJson<{ topics: TopicView[] }>(url),
  });
  const current = value.channel === "email" ? value.email.topic : value.inApp.topic;
  const set = (topic: string | undefined) =>
    onChange(
      value.channel === "email"
        ? { channel: "email", email: { ...value.email, topic } }
        : { channel: "in_app", inApp: { ...value.inApp, topic } },
    );
  const list = topics.data?.topics ?? [];
  const known = !current || list.some((t) => t.key === current);
  return (
    <label htmlFor={`${id}-topic`} className="block text-sm text-slate-700">
      Subscription topic
      <select
        id={`${id}-topic`}
        className="mt-1 block h-8 w-full rounded-md border border-slate-300 bg-white px-2"
        value={current ?? ""}
        disabled={readOnly}
        onChange={(e) => set(e.target.value || undefined)}
      >
        <option value="">No topic (global unsubscribe only)</option>
        {list.map((t) => (
          <option key={t.key} value={t.key}>
            {t.name}
            {t.unsubscribable ? "" : " (not unsubscribable)"}
          </option>
        ))}
        {!known && current ? <option value={current}>{current} (deleted topic)</option> : null}
      </select>
      <span className="mt-1 block text-xs text-slate-500">
        Recipients who opted out of this topic on this channel are skipped.
      </span>
    </label>
  );
}
