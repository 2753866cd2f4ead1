import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { hasRole } from "@/lib/auth/roles";
import { getActiveKey } from "@/lib/workspaces/api-keys";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { listMembers, listOpenInvites } from "@/lib/workspaces/list-members";
import { AllowedOriginsPanel } from "./allowed-origins-panel";
import { DeliveryRulesPanel } from "./delivery-rules-panel";
import { EmailSettingsPanel } from "./email-settings-panel";
import { KeysPanel } from "./keys-panel";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const isAdmin = hasRole(role, "admin");
  const [writeKey, secretKey, members, invites] = await Promise.all([
    getActiveKey(workspace.id, "write"),
    getActiveKey(workspace.id, "secret"),
    listMembers(workspace.id),
    isAdmin ? listOpenInvites(workspace.id) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title="Settings" description={`Workspace “${workspace.name}”`} />
      <Link
        href={`/w/${workspace.id}/settings/sources`}
        className="mb-6 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        Sources: write key and snippets for sending events →
      </Link>
      <div className="space-y-8">
        <section
          aria-labelledby="workspace-heading"
          className="rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id="workspace-heading" className="text-lg font-semibold">
            Workspace
          </h2>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{workspace.name}</dd>
            <dt className="text-slate-500">Workspace ID</dt>
            <dd className="font-mono text-xs">{workspace.id}</dd>
            <dt className="text-slate-500">Created</dt>
            <dd>{workspace.createdAt.toISOString().slice(0, 10)}</dd>
          </dl>
        </section>
        <KeysPanel
          workspaceId={workspace.id}
          writeKey={writeKey ?? ""}
          secretKeyHint={secretKey ? `${secretKey.slice(0, 7)}…${secretKey.slice(-4)}` : ""}
          canRotate={isAdmin}
        />
        <EmailSettingsPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <DeliveryRulesPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <AllowedOriginsPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <MembersPanel
          workspaceId={workspace.id}
          members={members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
          invites={invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
          canInvite={isAdmin}
        />
      </div>
    </>
  );
}
