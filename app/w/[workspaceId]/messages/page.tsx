import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Messages" };

export default function MessagesPage() {
  return (
    <>
      <PageHeader title="Messages" description="Every email and in-app message Cue has sent." />
      <EmptyState title="No messages yet">
        Email (through Resend) and in-app messages are not built yet. When they are, each message
        sent will be listed here with its status timeline and rendered content.
      </EmptyState>
    </>
  );
}
