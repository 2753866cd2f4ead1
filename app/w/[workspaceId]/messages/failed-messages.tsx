"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalTime } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { RedriveResult } from "@/lib/channels/email/redrive-failed-emails";
import type { MessageSummary } from "@/lib/channels/list-messages";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import { recipientLabel } from "./messages-table";

type Request = { ids: string[] } | { failedSince: string };

/** Messages → Failed: the dead-letter queue, with re-drive for editors. */
export function FailedMessages({
  workspaceId,
  messages,
  canEdit,
}: {
  workspaceId: string;
  messages: MessageSummary[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [since, setSince] = useState("");
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ request: Request; message: string } | null>(null);

  async function retry(request: Request, newKey = false) {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      const result = await fetchJson<RedriveResult>(`/api/w/${workspaceId}/messages/retry`, {
        method: "POST",
        body: JSON.stringify({ ...request, ...(newKey ? { newKey: true } : {}) }),
      });
      const count = result.requeued.length + result.newKeys.length;
      setNotice(
        `${count} email${count === 1 ? "" : "s"} queued again${
          result.newKeys.length ? ` (${result.newKeys.length} with a new key)` : ""
        }.`,
      );
      setConfirm(null);
      setSelected(new Set());
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiClientError && caught.code === "conflict") {
        setConfirm({ request, message: caught.message });
      } else {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  }

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-4">
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <Button
            onClick={() => retry({ ids: [...selected] })}
            disabled={pending || selected.size === 0}
          >
            Retry selected ({selected.size})
          </Button>
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">All failed since</span>
            <input
              type="datetime-local"
              aria-label="Failed since"
              value={since}
              onChange={(event) => setSince(event.target.value)}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
            />
          </label>
          <Button
            variant="secondary"
            onClick={() => retry({ failedSince: new Date(since).toISOString() })}
            disabled={pending || !since}
          >
            Retry all since
          </Button>
          {notice ? (
            <span role="status" className="text-sm text-green-700">
              {notice}
            </span>
          ) : null}
          {error ? (
            <span role="alert" className="text-sm text-red-600">
              {error}
            </span>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only editors can retry failed emails.</p>
      )}
      {confirm ? (
        <div
          role="alertdialog"
          aria-label="Retry with a new key?"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p>{confirm.message}</p>
          <div className="mt-2 flex gap-2">
            <Button onClick={() => retry(confirm.request, true)} disabled={pending}>
              Retry with new keys
            </Button>
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {messages.length === 0 ? (
        <EmptyState title="No failed emails">
          Emails that Resend refused, or that kept failing for 23 hours, are listed here to retry.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">Failed emails, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="w-10 px-4 py-2.5">
                  <span className="sr-only">Select</span>
                </th>
                <th scope="col" className="w-40 px-4 py-2.5">
                  Failed
                </th>
                <th scope="col" className="w-[22%] px-4 py-2.5">
                  Recipient
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Reason
                </th>
                <th scope="col" className="w-24 px-4 py-2.5">
                  Attempts
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id}>
                  <td className="px-4 py-2.5 align-top">
                    <input
                      type="checkbox"
                      aria-label={`Select ${recipientLabel(m)}`}
                      checked={selected.has(m.id)}
                      onChange={() => toggle(m.id)}
                      disabled={!canEdit}
                    />
                  </td>
                  <td className="px-4 py-2.5 align-top text-slate-600">
                    <LocalTime iso={m.updatedAt} style="short" />
                  </td>
                  <td className="px-4 py-2.5 align-top">
                    <p className="truncate font-mono text-xs">{recipientLabel(m)}</p>
                    <Link
                      href={`/w/${workspaceId}/messages/${m.id}`}
                      className="text-xs text-brand-700 hover:underline"
                    >
                      {m.subject ?? "(no subject)"}
                    </Link>
                  </td>
                  <td className="px-4 py-2.5 align-top text-red-700">{m.error ?? "—"}</td>
                  <td className="px-4 py-2.5 align-top">{m.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
