import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { hasRole } from "@/lib/auth/roles";
import { sql } from "@/lib/db/sql";
import { EVENT_TYPE_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { listEndpoints } from "@/lib/webhooks/manage-webhooks";
import { stepSigningSecret } from "@/lib/webhooks/step-signing-secret";
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
  // Admins read the journey webhook steps' signing secret, to verify their requests.
  const stepSecret = hasRole(role, "admin")
    ? (await stepSigningSecret(sql, workspace.id)).secret
    : null;
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
      <section aria-labelledby="step-secret" className="mt-8 space-y-2">
        <h2 id="step-secret" className="text-base font-semibold">
          Journey webhook steps
        </h2>
        <p className="text-sm text-slate-600">
          Requests from a journey&apos;s webhook step are signed with this workspace secret
          (Standard Webhooks headers <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
          <code>webhook-signature</code>) and carry an <code>Idempotency-Key</code>.
        </p>
        {stepSecret ? (
          <p className="text-sm">
            <label
              htmlFor="step-signing-secret"
              className="block text-xs font-medium text-slate-700"
            >
              Step signing secret
            </label>
            <input
              id="step-signing-secret"
              readOnly
              value={stepSecret}
              className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-sm"
            />
          </p>
        ) : (
          <p className="text-sm text-slate-600">Admins can read the signing secret here.</p>
        )}
      </section>
    </>
  );
}
