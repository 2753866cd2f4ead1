import Link from "next/link";
import { LocalTime } from "@/components/data/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import type { MessageSummary } from "@/lib/channels/list-messages";
import { CHANNEL_LABEL, StatusBadge } from "./status-badge";

export function recipientLabel(
  m: Pick<MessageSummary, "channel" | "toAddress" | "profile" | "profileId">,
): string {
  if (m.channel === "email" && m.toAddress) return m.toAddress;
  // Never the profile's id: a marketer knows users by user id or email.
  if (!m.profile) return "an erased profile";
  return m.profile.userId ?? m.profile.email ?? "an anonymous user";
}

export function MessagesTable({
  workspaceId,
  messages,
  outbox,
  filtered,
  clearHref,
}: {
  workspaceId: string;
  messages: MessageSummary[];
  outbox: boolean;
  filtered: boolean;
  clearHref: string;
}) {
  const base = `/w/${workspaceId}/messages`;
  if (messages.length === 0) {
    if (filtered) {
      return (
        <EmptyState
          title="No messages match"
          action={
            <Link href={clearHref} className="text-sm font-medium text-brand-700 underline">
              Clear filters
            </Link>
          }
        >
          Try another status or channel, or clear the user filter.
        </EmptyState>
      );
    }
    return (
      <EmptyState
        title={outbox ? "The Outbox is empty" : "No messages yet"}
        action={
          <Link
            href={`${base}/templates`}
            className="inline-flex rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Write a template and send a test
          </Link>
        }
      >
        {outbox
          ? "Emails land here when no Resend API key is set. Send a test from a template to see one."
          : "Messages appear here when a journey or the send API delivers one, or when you send a test from a template."}
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Messages, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
          <tr>
            <th scope="col" className="w-40 px-4 py-2.5">
              Created
            </th>
            <th scope="col" className="w-24 px-4 py-2.5">
              Channel
            </th>
            <th scope="col" className="w-[24%] px-4 py-2.5">
              Recipient
            </th>
            <th scope="col" className="px-4 py-2.5">
              Message
            </th>
            <th scope="col" className="w-36 px-4 py-2.5">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {messages.map((m) => (
            <tr key={m.id} className="hover:bg-slate-50">
              <td className="px-4 py-2.5 align-top text-slate-600">
                <LocalTime iso={m.createdAt} style="short" />
              </td>
              <td className="px-4 py-2.5 align-top">{CHANNEL_LABEL[m.channel] ?? m.channel}</td>
              <td className="px-4 py-2.5 align-top">
                <p className="truncate font-mono text-xs" title={recipientLabel(m)}>
                  {recipientLabel(m)}
                </p>
                {m.profile ? (
                  <Link
                    href={`${base}?user=${encodeURIComponent(m.profile.userId ?? m.profileId)}`}
                    className="text-xs text-slate-500 hover:text-brand-700 hover:underline"
                  >
                    This profile's messages
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-2.5 align-top">
                <Link
                  href={`${base}/${m.id}`}
                  className="block truncate font-medium text-brand-700 hover:underline"
                >
                  {m.subject ?? (m.channel === "in_app" ? "In-app message" : "(no subject)")}
                </Link>
                <p className="text-xs text-slate-500">
                  {m.source}
                  {m.error ? <span className="ml-2 text-red-700">{m.error}</span> : null}
                </p>
              </td>
              <td className="px-4 py-2.5 align-top">
                <StatusBadge status={m.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
