import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { MessageSummary } from "@/lib/channels/list-messages";
import { MessagesTable } from "../../messages/messages-table";

/** The profile's Messages tab: its newest messages, the rest on the Messages page. */
export function ProfileMessages({
  workspaceId,
  messagesHref,
  messages,
  more,
}: {
  workspaceId: string;
  /** The Messages page filtered to this user. */
  messagesHref: string;
  messages: MessageSummary[];
  more: boolean;
}) {
  if (messages.length === 0) {
    return (
      <EmptyState
        title="No messages to this user yet"
        action={
          <Link
            href={`/w/${workspaceId}/messages/templates`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Send a test from a template
          </Link>
        }
      >
        Emails and in-app messages sent to this user by a journey, the send API or a test appear
        here with their delivery status.
      </EmptyState>
    );
  }
  return (
    <div>
      <MessagesTable
        workspaceId={workspaceId}
        messages={messages}
        outbox={false}
        filtered
        clearHref={messagesHref}
      />
      <p className="mt-3 text-right text-sm">
        <Link href={messagesHref} className="font-medium text-brand-700 hover:underline">
          {more ? "Older messages on the Messages page →" : "Filter these on the Messages page →"}
        </Link>
      </p>
    </div>
  );
}
