import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/data/local-time";
import { RenderedPreview } from "@/components/message-editor/rendered-preview";
import { PageHeader } from "@/components/shell/page-header";
import { ApiError } from "@/lib/api/errors";
import { getMessageOrThrow, type MessageDetail } from "@/lib/channels/get-message";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { recipientLabel } from "../messages-table";
import { CHANNEL_LABEL, StatusBadge } from "../status-badge";

export const metadata: Metadata = { title: "Message" };

async function load(workspaceId: string, messageId: string): Promise<MessageDetail> {
  try {
    return await getMessageOrThrow({ workspaceId, messageId });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function MessagePage({
  params,
}: {
  params: Promise<{ workspaceId: string; messageId: string }>;
}) {
  const { workspaceId, messageId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const message = await load(workspace.id, messageId);
  const rendered = message.rendered as RenderedMessage | null;
  const title =
    message.subject ?? (rendered?.channel === "in_app" ? rendered.inApp.title : "Message");
  const facts: [string, React.ReactNode][] = [
    ["Channel", CHANNEL_LABEL[message.channel] ?? message.channel],
    [
      "Recipient",
      <span key="r" className="font-mono text-xs">
        {recipientLabel(message)}
      </span>,
    ],
    [
      "Profile",
      message.profile ? (
        <Link
          key="p"
          href={`/w/${workspaceId}/users/${message.profileId}`}
          className="text-brand-700 hover:underline"
        >
          {message.profile.userId ?? message.profile.email ?? message.profileId}
        </Link>
      ) : (
        <span key="p" className="text-slate-500">
          none (a test to a member)
        </span>
      ),
    ],
    ["Source", message.source],
    ["Created", <LocalTime key="c" iso={message.createdAt} />],
    ["Attempts", String(message.attempts)],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/w/${workspaceId}/messages`} className="text-brand-700 hover:underline">
          ← Messages
        </Link>
      </p>
      <PageHeader title={title} actions={<StatusBadge status={message.status} />} />
      {message.notSent ? (
        <p role="note" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <strong>Not sent.</strong> This email is in the Outbox because no Resend API key is set:
          below is exactly what would have gone out.
        </p>
      ) : null}
      {message.error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          <strong>Error:</strong> {message.error}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-6">
          <dl className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="w-20 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <section
            aria-labelledby="timeline"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="timeline" className="mb-3 text-sm font-semibold">
              Status timeline
            </h2>
            <ol
              aria-label="Status timeline"
              className="space-y-3 border-l border-slate-200 pl-4 text-sm"
            >
              {message.events.map((event) => (
                <li key={event.id} className="relative">
                  <span
                    aria-hidden
                    className="absolute top-1.5 -left-[21px] size-2.5 rounded-full bg-brand-600"
                  />
                  <StatusBadge status={event.type} />{" "}
                  <LocalTime iso={event.at} style="short" className="text-xs text-slate-500" />
                  {event.data &&
                  typeof event.data === "object" &&
                  Object.keys(event.data).length ? (
                    <p className="mt-1 text-xs break-words text-slate-600">
                      {Object.entries(event.data as Record<string, unknown>)
                        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                        .join(" · ")}
                    </p>
                  ) : null}
                </li>
              ))}
              {message.events.length === 0 ? (
                <li className="text-slate-500">No events recorded yet.</li>
              ) : null}
            </ol>
          </section>
        </div>
        <section
          aria-labelledby="content"
          className="min-w-0 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="content" className="mb-3 text-sm font-semibold">
            Rendered content
          </h2>
          {rendered && (rendered.channel === "email" || rendered.channel === "in_app") ? (
            <RenderedPreview rendered={rendered} />
          ) : (
            <p className="text-sm text-slate-500">
              Nothing was rendered (the message was skipped before rendering).
            </p>
          )}
          {rendered?.channel === "email" ? (
            <details className="mt-4 text-sm">
              <summary className="cursor-pointer text-slate-600">Plain-text version</summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap">
                {rendered.email.text}
              </pre>
            </details>
          ) : null}
        </section>
      </div>
    </>
  );
}
