import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { hasRole } from "@/lib/auth/roles";
import { getInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { inboxSigningSecretJson } from "@/lib/inbox/inbox-signing-secret-json";
import { configuredPublicUrl } from "@/lib/runtime/public-url";
import { listEndpoints } from "@/lib/webhooks/manage-webhooks";
import { getWriteKey, listSecretKeys } from "@/lib/workspaces/api-keys";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { listMembers, listOpenInvites } from "@/lib/workspaces/list-members";
import { ActivationPanel } from "./activation-panel";
import { AllowedOriginsPanel } from "./allowed-origins-panel";
import { DeliveryRulesPanel } from "./delivery-rules-panel";
import { EmailSettingsPanel } from "./email-settings-panel";
import { InboxSigningSecretPanel } from "./inbox-signing-secret-panel";
import { KeysPanel } from "./keys-panel";
import { MembersPanel } from "./members-panel";
import { TopicsPanel } from "./topics-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { member, workspace, role } = await requireMembership(workspaceId);
  const isAdmin = hasRole(role, "admin");
  const [writeKey, secretKeys, inboxSecret, members, invites, webhooks] = await Promise.all([
    getWriteKey(workspace.id),
    listSecretKeys(workspace.id),
    // Readable by admins only: customers' servers compute user_hash with it.
    isAdmin ? getInboxSigningSecret(workspace.id) : Promise.resolve(null),
    listMembers(workspace.id),
    isAdmin ? listOpenInvites(workspace.id) : Promise.resolve([]),
    listEndpoints(workspace.id),
  ]);
  const disabledWebhooks = webhooks.filter((w) => !w.enabled && w.disabledReason === "failing");
  return (
    <>
      <PageHeader title="Settings" description={`Workspace “${workspace.name}”`} />
      <Link
        href={`/w/${workspace.id}/settings/sources`}
        className="mb-6 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        Sources: write key and snippets for sending events →
      </Link>
      <Link
        href={`/w/${workspace.id}/settings/webhooks`}
        className="mb-6 ml-6 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        Webhooks: signed events to your endpoints →
      </Link>
      {disabledWebhooks.length > 0 ? (
        <p role="alert" className="mb-6 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {disabledWebhooks.length === 1
            ? "A webhook endpoint was"
            : `${disabledWebhooks.length} webhook endpoints were`}{" "}
          disabled after a day of failed deliveries ({disabledWebhooks.map((w) => w.url).join(", ")}
          ).{" "}
          <Link href={`/w/${workspace.id}/settings/webhooks`} className="font-medium underline">
            Review and re-enable
          </Link>
        </p>
      ) : null}
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
          secretKeys={secretKeys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() }))}
          canRotate={isAdmin}
        />
        <InboxSigningSecretPanel
          workspaceId={workspace.id}
          initial={inboxSecret ? inboxSigningSecretJson(inboxSecret) : null}
        />
        <EmailSettingsPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <ActivationPanel workspaceId={workspace.id} canEdit={hasRole(role, "editor")} />
        <DeliveryRulesPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <AllowedOriginsPanel workspaceId={workspace.id} canEdit={isAdmin} />
        <TopicsPanel workspaceId={workspace.id} canEdit={hasRole(role, "editor")} />
        <MembersPanel
          workspaceId={workspace.id}
          members={members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
          invites={invites.map((i) => ({
            id: i.id,
            role: i.role,
            token: i.token,
            expiresAt: i.expiresAt.toISOString(),
            url: configuredPublicUrl(`/invite/${i.token}`),
          }))}
          canInvite={isAdmin}
          currentMemberId={member.id}
          currentRole={role}
        />
      </div>
    </>
  );
}
