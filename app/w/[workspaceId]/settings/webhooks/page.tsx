import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { hasRole } from "@/lib/auth/roles";
import { EVENT_TYPE_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { listEndpoints } from "@/lib/webhooks/manage-webhooks";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { WebhooksManager } from "./webhooks-manager";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const endpoints = await listEndpoints(workspace.id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/w/${workspace.id}/settings`} className="text-brand-700 hover:underline">
          ← Settings
        </Link>
      </nav>
      <PageHeader
        title="Webhooks"
        description="Cue POSTs signed events (Standard Webhooks) to your endpoints when messages, inbox items and journey runs change."
      />
      <WebhooksManager
        workspaceId={workspace.id}
        canEdit={hasRole(role, "admin")}
        initial={endpoints}
        eventTypes={WEBHOOK_EVENT_TYPES.map((type) => ({
          type,
          description: EVENT_TYPE_DESCRIPTIONS[type],
        }))}
      />
    </>
  );
}
